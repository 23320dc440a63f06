package io.omnigraph.calcite;

import io.omnigraph.calcite.pgq.BindingColumns;
import io.omnigraph.calcite.pgq.PatternMatcher;
import io.omnigraph.engine.read.ReadView;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/** One call of {@link GraphMatchFunction}: the matches of a pattern in the execution's view, found when scanned. */
final class GraphMatchTable extends AbstractTable implements ScannableTable {
  private final String pattern;

  GraphMatchTable(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory factory) {
    BindingColumns columns;
    try {
      columns = BindingColumns.of(pattern);
    } catch (SQLException e) {
      throw new IllegalStateException("the pattern was checked before it was planned", e);
    }
    RelDataTypeFactory.Builder b = factory.builder();
    List<String> names = columns.names();
    for (int i = 0; i < names.size(); i++) {
      b.add(names.get(i), factory.createSqlType(columns.isLength(i) ? SqlTypeName.INTEGER : SqlTypeName.VARCHAR));
    }
    return b.build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    SchemaPlus schema = root.getRootSchema().subSchemas().get(GraphSchema.NAME);
    if (schema == null) throw new IllegalStateException("no " + GraphSchema.NAME + " schema in this execution");
    GraphSchema graph = schema.unwrap(GraphSchema.class);
    GraphExecution execution = GraphExecution.of(root);
    ReadView view = execution.view();
    BooleanSupplier stop = execution.stopSignal();
    try {
      return Linq4j.asEnumerable(PatternMatcher.run(pattern, view, graph.graph().adjacencies(), () -> {
        if (stop.getAsBoolean()) throw new ExecutionStopped();
      }));
    } catch (SQLException e) {
      throw new IllegalStateException("the pattern was checked before it was planned", e);
    }
  }
}
