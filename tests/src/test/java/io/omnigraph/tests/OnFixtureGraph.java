package io.omnigraph.tests;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test classes whose statements all leave the graph as it was share one fixture graph per class,
 * created once: provoking a hundred refusals does not need a hundred graphs.
 */
abstract class OnFixtureGraph {
  @TempDir static Path dir;
  static Connection connection;

  @BeforeAll
  static void createGraph() throws SQLException {
    connection = Fixture.createLoaded(dir);
  }

  @AfterAll
  static void closeGraph() throws SQLException {
    connection.close();
  }
}
