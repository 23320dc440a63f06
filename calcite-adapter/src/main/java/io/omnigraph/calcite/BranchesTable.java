package io.omnigraph.calcite;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.read.ReadView;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code _graph_branches}: every public branch with its head commit. {@code created_from} is the
 * branch that owns the newest commit a branch inherited, which is where it was forked from unless
 * that branch itself had made no commit of its own yet.
 */
final class BranchesTable extends SystemTable {
  static final String NAME = "_graph_branches";
  static final List<Column> COLUMNS = List.of(
      new Column("name", SqlTypeName.VARCHAR, false),
      new Column("head_commit_id", SqlTypeName.VARCHAR, true),
      new Column("created_from", SqlTypeName.VARCHAR, true),
      new Column("graph_manifest_version", SqlTypeName.BIGINT, false),
      new Column("commit_count", SqlTypeName.BIGINT, false));

  private final Graph graph;

  BranchesTable(Graph graph, ViewBinding binding) {
    super(binding);
    this.graph = graph;
  }

  @Override
  List<Column> columns() {
    return COLUMNS;
  }

  @Override
  List<Object[]> rows(ReadView view) {
    List<Object[]> rows = new ArrayList<>();
    for (String branch : graph.branches()) {
      Snapshot head = graph.snapshot(branch);
      List<GraphCommit> commits = head.state().commits();
      rows.add(new Object[] {branch, head.headCommitId(), createdFrom(branch, commits), head.manifestVersion(),
          (long) commits.size()});
    }
    return rows;
  }

  private static String createdFrom(String branch, List<GraphCommit> oldestFirst) {
    if (branch.equals("main")) return null;
    for (int i = oldestFirst.size() - 1; i >= 0; i--) {
      String owner = oldestFirst.get(i).branchName();
      if (!owner.equals(branch)) return owner;
    }
    return null;
  }
}
