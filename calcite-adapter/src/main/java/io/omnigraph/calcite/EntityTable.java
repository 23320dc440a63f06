package io.omnigraph.calcite;

import io.omnigraph.engine.schema.BaseType;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.Property;
import io.omnigraph.engine.schema.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * The SQL table of one node or edge type: {@code id} (plus {@code src}, {@code dst} on edges), then
 * the properties in catalog order. Scans become {@link GraphTableScan}s, which the adapter's rules
 * narrow with pushed projections, filters and limits.
 */
final class EntityTable extends AbstractTable implements TranslatableTable {
  private static final ValueType SYSTEM_COLUMN_TYPE = new ValueType.Scalar(BaseType.STRING);

  private final EntityType type;
  private final List<String> columns;
  private final List<ValueType> columnTypes;
  private final List<Boolean> nullable;

  EntityTable(EntityType type) {
    this.type = type;
    List<String> names = new ArrayList<>();
    List<ValueType> types = new ArrayList<>();
    List<Boolean> nulls = new ArrayList<>();
    for (String system : type.systemColumns()) {
      names.add(system);
      types.add(SYSTEM_COLUMN_TYPE);
      nulls.add(false);
    }
    for (Property p : type.properties()) {
      names.add(p.name());
      types.add(p.type());
      nulls.add(p.nullable());
    }
    this.columns = List.copyOf(names);
    this.columnTypes = List.copyOf(types);
    this.nullable = List.copyOf(nulls);
  }

  EntityType type() {
    return type;
  }

  List<String> columns() {
    return columns;
  }

  List<ValueType> columnTypes() {
    return columnTypes;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory factory) {
    RelDataTypeFactory.Builder b = factory.builder();
    for (int i = 0; i < columns.size(); i++) {
      b.add(columns.get(i), SqlTypes.relType(factory, columnTypes.get(i), nullable.get(i)));
    }
    return b.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return GraphTableScan.create(context.getCluster(), relOptTable, this);
  }
}
