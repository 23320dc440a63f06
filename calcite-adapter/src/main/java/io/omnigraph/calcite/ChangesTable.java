package io.omnigraph.calcite;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.merge.EntityChange;
import io.omnigraph.engine.read.ReadView;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;

/** One call of {@link ChangesFunction}: the diff between two named graph states, computed per scan. */
final class ChangesTable extends AbstractTable implements ScannableTable {
  private final String from;
  private final String to;

  ChangesTable(String from, String to) {
    this.from = from;
    this.to = to;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory factory) {
    return SystemTable.rowType(factory, ChangesFunction.COLUMNS);
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    Graph graph = graphOf(root);
    List<Object[]> rows = new ArrayList<>();
    for (EntityChange c : graph.diff(resolve(graph, from), resolve(graph, to)).changes()) {
      rows.add(new Object[] {c.kind(), c.typeName(), c.id(), c.op().name(), c.src(), c.dst()});
    }
    return Linq4j.asEnumerable(rows);
  }

  /** The function is called from generated code that knows only the execution, not the graph. */
  private static Graph graphOf(DataContext root) {
    SchemaPlus schema = root.getRootSchema().subSchemas().get(GraphSchema.NAME);
    if (schema == null) throw new IllegalStateException("no " + GraphSchema.NAME + " schema in this execution");
    return schema.unwrap(GraphSchema.class).graph();
  }

  /** A branch name wins over a commit id spelled the same; internal branches are not reachable. */
  private static ReadView resolve(Graph graph, String target) {
    if (target == null) {
      throw OmniGraphException.badInput(ChangesFunction.NAME + " needs a branch name or a commit id, not null");
    }
    if (graph.branches().contains(target)) return graph.snapshot(target);
    try {
      return graph.snapshotAtCommit(target);
    } catch (OmniGraphException e) {
      if (e.kind() != ErrorKind.NOT_FOUND) throw e;
      throw OmniGraphException.notFound("'" + target + "' is neither a branch nor a commit of this graph");
    }
  }
}
