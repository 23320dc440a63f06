package io.omnigraph.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Narrows a scan to the columns an aggregate directly above it reads: Calcite plans {@code count(*)}
 * as an aggregate straight over the table, with no projection for the other rules to narrow.
 */
final class AggregateIntoScanRule extends RelRule<ScanRules.ScanRuleConfig> {
  AggregateIntoScanRule(ScanRules.ScanRuleConfig config) {
    super(config);
  }

  static RelRule.Done operands(RelRule.OperandBuilder b) {
    return b.operand(LogicalAggregate.class)
        .oneInput(s -> s.operand(GraphTableScan.class).predicate(ScanRules::isLogical).noInputs());
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    GraphTableScan scan = call.rel(1);
    ImmutableBitSet.Builder usedBuilder = aggregate.getGroupSet().rebuild();
    for (AggregateCall c : aggregate.getAggCallList()) {
      usedBuilder.addAll(c.getArgList());
      if (c.filterArg >= 0) usedBuilder.set(c.filterArg);
      c.collation.getFieldCollations().forEach(f -> usedBuilder.set(f.getFieldIndex()));
      if (c.distinctKeys != null) usedBuilder.addAll(c.distinctKeys);
    }
    ImmutableBitSet used = usedBuilder.build();
    // count(*) reads no column; the scan still reads one to count rows by.
    if (used.isEmpty()) used = ImmutableBitSet.of(0);
    if (used.cardinality() >= scan.fields.size()) return;
    List<Integer> kept = new ArrayList<>();
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, scan.fields.size(), used.cardinality());
    int target = 0;
    for (int source : used) {
      kept.add(scan.fields.get(source));
      mapping.set(source, target++);
    }
    GraphTableScan narrowed = scan.withFields(ImmutableIntList.copyOf(kept));
    ImmutableBitSet groupSet = Mappings.apply(mapping, aggregate.getGroupSet());
    List<ImmutableBitSet> groupSets = new ArrayList<>();
    for (ImmutableBitSet g : aggregate.getGroupSets()) groupSets.add(Mappings.apply(mapping, g));
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall c : aggregate.getAggCallList()) calls.add(c.transform(mapping));
    call.transformTo(aggregate.copy(aggregate.getTraitSet(), narrowed, groupSet, groupSets, calls));
  }
}
