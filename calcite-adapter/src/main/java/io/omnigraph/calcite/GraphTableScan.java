package io.omnigraph.calcite;

import io.omnigraph.engine.schema.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.util.ImmutableIntList;

/**
 * A scan of one graph table that reads only {@code fields}, keeps only rows matching {@code
 * filter} and stops after {@code limit} rows, all inside the engine's Lance scan. Starts as a full
 * logical scan, which {@link ScanRules} narrow alongside the logical project, filter, sort and
 * aggregate above it; a converter rule then turns it into the executable {@link
 * EnumerableGraphTableScan}. {@code EXPLAIN PLAN} shows exactly what was pushed.
 */
class GraphTableScan extends TableScan {
  /** Pushed filters reject rows; without statistics, assume they keep a quarter. */
  private static final double FILTER_SELECTIVITY = 0.25;

  final EntityTable graphTable;
  /** Table column positions this scan outputs, in output order. */
  final ImmutableIntList fields;
  final ScanFilter filter;
  final ScanLimit limit;

  GraphTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, EntityTable graphTable,
      ImmutableIntList fields, ScanFilter filter, ScanLimit limit) {
    super(cluster, traits, List.of(), table);
    this.graphTable = graphTable;
    this.fields = fields;
    this.filter = filter;
    this.limit = limit;
  }

  static GraphTableScan create(RelOptCluster cluster, RelOptTable table, EntityTable graphTable) {
    return new GraphTableScan(cluster, cluster.traitSetOf(Convention.NONE), table, graphTable,
        ImmutableIntList.identity(graphTable.columns().size()), null, null);
  }

  GraphTableScan withFields(ImmutableIntList newFields) {
    return new GraphTableScan(getCluster(), traitSet, table, graphTable, newFields, filter, limit);
  }

  GraphTableScan withFilter(ScanFilter newFilter) {
    return new GraphTableScan(getCluster(), traitSet, table, graphTable, fields, newFilter, limit);
  }

  GraphTableScan withLimit(ScanLimit newLimit) {
    return new GraphTableScan(getCluster(), traitSet, table, graphTable, fields, filter, newLimit);
  }

  /** Names of the output columns. */
  List<String> outputColumns() {
    List<String> out = new ArrayList<>(fields.size());
    for (int f : fields) out.add(graphTable.columns().get(f));
    return out;
  }

  List<ValueType> outputTypes() {
    List<ValueType> out = new ArrayList<>(fields.size());
    for (int f : fields) out.add(graphTable.columnTypes().get(f));
    return out;
  }

  @Override
  public RelNode copy(RelTraitSet traits, List<RelNode> inputs) {
    if (traits.equals(traitSet)) return this;
    return new GraphTableScan(getCluster(), traits, table, graphTable, fields, filter, limit);
  }

  /** The executable form of this scan. */
  EnumerableGraphTableScan toEnumerable() {
    return new EnumerableGraphTableScan(getCluster(), traitSet.replace(EnumerableConvention.INSTANCE), table,
        graphTable, fields, filter, limit);
  }

  @Override
  public RelDataType deriveRowType() {
    RelDataTypeFactory factory = getCluster().getTypeFactory();
    List<RelDataTypeField> all = table.getRowType().getFieldList();
    RelDataTypeFactory.Builder b = factory.builder();
    for (int f : fields) b.add(all.get(f));
    return b.build();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("columns", String.join(", ", outputColumns()))
        .itemIf("filter", String.valueOf(filter), filter != null)
        .itemIf("limit", String.valueOf(limit), limit != null);
  }

  @Override
  public void register(RelOptPlanner planner) {
    for (var rule : ScanRules.ALL) planner.addRule(rule);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = super.estimateRowCount(mq);
    if (filter != null) rows *= FILTER_SELECTIVITY;
    if (limit != null && limit.offset() == null && limit.fetch() instanceof ScanOperand.Literal l
        && l.value() instanceof Number n) {
      rows = Math.min(rows, n.doubleValue());
    } else if (limit != null) {
      rows *= 0.5;
    }
    return Math.max(rows, 1);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    // Reading fewer columns is cheaper: Lance reads column by column. The discount goes into the
    // row component because Volcano compares costs by rows alone.
    double width = (fields.size() + 1.0) / (graphTable.columns().size() + 1.0);
    return planner.getCostFactory().makeCost(rows * width, rows * width, 0);
  }
}
