package io.omnigraph.tests;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The published version and row count of every table plus the commit log: any write to any table
 * publishes a new version, so equal states mean the graph did not change.
 */
record GraphState(List<List<Object>> tables, List<String> commits) {
  static GraphState of(Connection c) throws SQLException {
    return new GraphState(
        Fixture.rows(c, "SELECT type_name, published_version, row_count FROM _graph_tables ORDER BY type_name"),
        Fixture.strings(c, "SELECT graph_commit_id FROM _graph_commits ORDER BY graph_commit_id"));
  }
}
