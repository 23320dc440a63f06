package io.omnigraph.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.omnigraph.calcite.SqlState;
import io.omnigraph.engine.Graph;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphRegistryTest {
  private static final String SCHEMA = "node Person { name: String @key }";

  @TempDir Path dir;

  @Test
  void connectionsToOneLocationShareOneHandleUntilTheLastCloses() throws SQLException {
    GraphRegistry registry = new GraphRegistry();
    String location = dir.resolve("g").toString();
    AtomicInteger opens = new AtomicInteger();
    GraphRegistry.Opener opener = () -> {
      opens.incrementAndGet();
      return Graph.exists(location) ? Graph.open(location, false) : Graph.init(location, SCHEMA);
    };
    GraphRegistry.Lease first = registry.acquire(location, false, java.util.Map.of(), opener);
    GraphRegistry.Lease second = registry.acquire(location, false, java.util.Map.of(), opener);
    assertSame(first.graph(), second.graph());
    assertEquals(1, opens.get());
    first.close();
    first.close();
    assertEquals(1, registry.openHandles(), "closing a lease twice releases it once");
    second.close();
    assertEquals(0, registry.openHandles());
    GraphRegistry.Lease third = registry.acquire(location, false, java.util.Map.of(), opener);
    assertEquals(2, opens.get(), "the handle is reopened after the last connection closed");
    third.close();
  }

  @Test
  void aGraphReachedThroughASymbolicLinkSharesTheHandleOfItsRealPath() throws Exception {
    GraphRegistry registry = new GraphRegistry();
    String location = dir.resolve("g").toString();
    Graph.init(location, SCHEMA).close();
    Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("link"), dir);
    GraphRegistry.Opener opener = () -> Graph.open(location, false);
    try (GraphRegistry.Lease direct = registry.acquire(location, false, java.util.Map.of(), opener);
        GraphRegistry.Lease linked = registry.acquire(link.resolve("g").toString(), false, java.util.Map.of(), opener);
        GraphRegistry.Lease dotted = registry.acquire(dir.resolve("x/../g").toString(), false, java.util.Map.of(), opener)) {
      assertSame(direct.graph(), linked.graph());
      assertSame(direct.graph(), dotted.graph());
      assertEquals(1, registry.openHandles());
    }
  }

  @Test
  void readOnlyConnectionsGetTheirOwnHandle() throws SQLException {
    GraphRegistry registry = new GraphRegistry();
    String location = dir.resolve("g").toString();
    Graph.init(location, SCHEMA).close();
    try (GraphRegistry.Lease rw = registry.acquire(location, false, java.util.Map.of(), () -> Graph.open(location, false));
        GraphRegistry.Lease ro = registry.acquire(location, true, java.util.Map.of(), () -> Graph.open(location, true))) {
      assertNotSame(rw.graph(), ro.graph());
      assertEquals(true, ro.graph().readOnly());
      assertEquals(2, registry.openHandles());
    }
    assertEquals(0, registry.openHandles());
  }

  @Test
  void aFailedOpenLeavesNothingRegistered() {
    GraphRegistry registry = new GraphRegistry();
    assertThrows(SQLException.class, () -> registry.acquire("/nowhere", false, java.util.Map.of(), () -> {
      throw SqlState.CONNECTION_UNABLE_TO_CONNECT.exception("no graph");
    }));
    assertEquals(0, registry.openHandles());
  }
}
