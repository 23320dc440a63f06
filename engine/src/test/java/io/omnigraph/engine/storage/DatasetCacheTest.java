package io.omnigraph.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.read.RowCursor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lance.Dataset;
import org.lance.Fragment;
import org.lance.WriteParams;
import org.lance.ipc.LanceScanner;
import org.lance.ipc.ScanOptions;

/** The read cache stays bounded, closes what it evicts, and never closes a handle a scan is reading. */
class DatasetCacheTest {
  private static final Schema SCHEMA = new Schema(List.of(new Field("id", FieldType.notNullable(new ArrowType.Utf8()), null)));

  @TempDir Path dir;
  private BufferAllocator allocator;
  private TableStore tables;
  private String uri;
  /** Versions 2..5 of one table; version v holds v - 1 rows, one fragment per row. */
  private final List<TableRef> versions = new ArrayList<>();

  @BeforeEach
  void createTable() {
    allocator = new RootAllocator();
    tables = new TableStore(allocator, new CacheBudget(2, 1 << 20, 1 << 20, 0, 0));
    uri = dir.resolve("t.lance").toString();
    tables.create(uri, SCHEMA);
    for (long v = 1; v <= 4; v++) {
      List<org.lance.FragmentMetadata> fresh;
      try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator)) {
        VarCharVector id = (VarCharVector) root.getVector("id");
        id.allocateNew();
        id.setSafe(0, ("row-" + v).getBytes(StandardCharsets.UTF_8));
        root.setRowCount(1);
        fresh = Fragment.create(uri, allocator, root, new WriteParams.Builder().withEnableStableRowIds(true).build());
      }
      long next = tables.commit(new StagedWrite(uri, null, v, List.of(), List.of(), fresh, 1, 0), Map.of());
      versions.add(new TableRef(uri, null, next));
    }
  }

  @AfterEach
  void closeEverything() {
    tables.close();
    allocator.close();
  }

  private DatasetCache cache(int capacity) {
    return new DatasetCache(capacity, tables::openVersion);
  }

  private Dataset touch(DatasetCache cache, TableRef ref) {
    try (DatasetCache.Lease lease = cache.acquire(ref)) {
      return lease.dataset();
    }
  }

  @Test
  void evictedIdleHandlesAreClosedAndTheCacheStaysWithinCapacity() {
    try (DatasetCache cache = cache(2)) {
      List<Dataset> handles = new ArrayList<>();
      for (TableRef ref : versions) handles.add(touch(cache, ref));
      assertEquals(2, cache.size());
      assertTrue(handles.get(0).closed(), "oldest evicted handle closed");
      assertTrue(handles.get(1).closed(), "second evicted handle closed");
      assertFalse(handles.get(2).closed());
      assertFalse(handles.get(3).closed());
      cache.close();
      assertTrue(handles.get(2).closed() && handles.get(3).closed(), "closing the cache closes idle handles");
    }
  }

  @Test
  void aHitReturnsTheSameHandleAndKeepsItFromBeingEvictedNext() {
    try (DatasetCache cache = cache(2)) {
      Dataset first = touch(cache, versions.get(0));
      Dataset second = touch(cache, versions.get(1));
      assertSame(first, touch(cache, versions.get(0)));
      touch(cache, versions.get(2));
      assertTrue(second.closed(), "the least recently used handle goes first");
      assertFalse(first.closed());
    }
  }

  @Test
  void aScanOpenAcrossAnEvictionCompletesAndItsHandleClosesAfterwards() throws Exception {
    TableRef newest = versions.get(3);
    try (DatasetCache cache = cache(1)) {
      DatasetCache.Lease lease = cache.acquire(newest);
      Dataset leased = lease.dataset();
      int rows = 0;
      try (LanceScanner scanner = leased.newScan(new ScanOptions.Builder().columns(List.of("id")).batchSize(1).build());
          var reader = scanner.scanBatches()) {
        assertTrue(reader.loadNextBatch());
        rows += reader.getVectorSchemaRoot().getRowCount();
        touch(cache, versions.get(0));
        touch(cache, versions.get(1));
        assertEquals(1, cache.size());
        assertFalse(leased.closed(), "an evicted handle stays open while leased");
        while (reader.loadNextBatch()) rows += reader.getVectorSchemaRoot().getRowCount();
      }
      assertEquals(4, rows);
      lease.close();
      assertTrue(leased.closed(), "the last lease of an evicted handle closes it");
      assertThrows(IllegalStateException.class, lease::dataset);
    }
  }

  @Test
  void aCursorFromTheTableStoreSurvivesEvictionOfItsVersion() {
    List<String> ids = new ArrayList<>();
    try (RowCursor cursor = tables.scan(versions.get(3), List.of("id"), null, null)) {
      assertTrue(cursor.next());
      ids.add((String) cursor.row()[0]);
      for (int i = 0; i < 3; i++) assertEquals(i + 1, tables.count(versions.get(i), null));
      while (cursor.next()) ids.add((String) cursor.row()[0]);
    }
    assertEquals(List.of("row-1", "row-2", "row-3", "row-4"), ids.stream().sorted().toList());
  }
}
