package io.omnigraph.calcite;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.BranchInfo;
import io.omnigraph.engine.read.ReadView;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code _graph_branches}: every public branch of the graph with its head commit, the branch it
 * was created from and its latest manifest version. The same for every view: branches are not
 * versioned.
 */
final class BranchesTable extends SystemTable {
  static final String NAME = "_graph_branches";
  static final List<Column> COLUMNS = List.of(
      new Column("name", SqlTypeName.VARCHAR, false),
      new Column("head_commit_id", SqlTypeName.VARCHAR, true),
      new Column("created_from", SqlTypeName.VARCHAR, true),
      new Column("graph_manifest_version", SqlTypeName.BIGINT, false));

  private final Graph graph;

  BranchesTable(Graph graph) {
    this.graph = graph;
  }

  @Override
  List<Column> columns() {
    return COLUMNS;
  }

  @Override
  List<Object[]> rows(ReadView view) {
    List<Object[]> rows = new ArrayList<>();
    for (BranchInfo b : graph.branchInfos()) {
      rows.add(new Object[] {b.name(), b.headCommitId(), b.createdFrom(), b.manifestVersion()});
    }
    return rows;
  }
}
