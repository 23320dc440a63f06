package io.omnigraph.calcite;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.read.ReadView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/** {@code _graph_commits}: the commits reachable from the view's branch, newest first. */
final class CommitsTable extends SystemTable {
  static final String NAME = "_graph_commits";
  static final List<Column> COLUMNS = List.of(
      new Column("graph_commit_id", SqlTypeName.VARCHAR, false),
      new Column("branch", SqlTypeName.VARCHAR, false),
      new Column("graph_manifest_version", SqlTypeName.BIGINT, false),
      new Column("parent_commit_id", SqlTypeName.VARCHAR, true),
      new Column("merged_parent_commit_id", SqlTypeName.VARCHAR, true),
      new Column("actor_id", SqlTypeName.VARCHAR, true),
      new Column("created_at", SqlTypeName.TIMESTAMP, false));

  private final Graph graph;

  CommitsTable(Graph graph) {
    this.graph = graph;
  }

  @Override
  List<Column> columns() {
    return COLUMNS;
  }

  @Override
  List<Object[]> rows(ReadView view) {
    List<GraphCommit> commits;
    if (view instanceof Snapshot s) {
      // A pinned snapshot shows the history as of that snapshot, not the branch's current one.
      commits = new ArrayList<>(s.state().commits());
      Collections.reverse(commits);
    } else {
      commits = graph.commits(view.branch());
    }
    List<Object[]> rows = new ArrayList<>(commits.size());
    for (GraphCommit c : commits) {
      rows.add(new Object[] {
          c.id(), c.branchName(), c.manifestVersion(), c.parentCommitId(), c.mergedParentCommitId(), c.actorId(),
          Math.floorDiv(c.createdAtMicros(), 1000L)});
    }
    return rows;
  }
}
