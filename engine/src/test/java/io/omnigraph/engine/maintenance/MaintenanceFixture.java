package io.omnigraph.engine.maintenance;

import static io.omnigraph.engine.Fixtures.person;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.storage.TableIndexes;
import io.omnigraph.engine.storage.TableRef;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The loaded fixture graph with the table-level views maintenance tests assert on. */
abstract class MaintenanceFixture {
  @TempDir Path dir;
  Graph g;
  Maintenance maintenance;
  TableIndexes indexes;

  @BeforeEach
  void setUp() {
    g = Fixtures.loaded(dir);
    maintenance = new Maintenance(g.context());
    indexes = new TableIndexes(g.context().tables());
  }

  @AfterEach
  void tearDown() {
    g.close();
  }

  long gmv(String branch) {
    return g.snapshot(branch).manifestVersion();
  }

  TableEntry entry(String branch, String type) {
    return g.snapshot(branch).entry(g.catalog().type(type).orElseThrow());
  }

  TableRef ref(String branch, String type) {
    return g.snapshot(branch).ref(g.catalog().type(type).orElseThrow());
  }

  void insert(String branch, String name) {
    try (GraphTransaction tx = g.begin(branch, null)) {
      tx.insert("Person", List.of(person(name, 40)));
      tx.commit();
    }
  }
}
