package io.omnigraph.calcite;

import java.util.List;
import java.util.function.Function;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/** The planner rules that push work into {@link GraphTableScan}. */
final class ScanRules {
  private ScanRules() {}

  static final List<RelOptRule> ALL = List.of(
      ToEnumerableRule.INSTANCE,
      new ScanRuleConfig("GraphProjectIntoScan", ProjectIntoScanRule::operands, ProjectIntoScanRule::new).toRule(),
      new ScanRuleConfig("GraphFilterIntoScan", FilterIntoScanRule::operands, FilterIntoScanRule::new).toRule(),
      new ScanRuleConfig("GraphLimitIntoScan", LimitIntoScanRule::operands, LimitIntoScanRule::new).toRule(),
      new ScanRuleConfig("GraphAggregateIntoScan", AggregateIntoScanRule::operands, AggregateIntoScanRule::new)
          .toRule(),
      new ScanRuleConfig("GraphCountIntoScan", CountIntoScanRule::operands, CountIntoScanRule::new).toRule(),
      new ScanRuleConfig("GraphAggregateIntoEngine", AggregateIntoEngineRule::overScan, AggregateIntoEngineRule::new)
          .toRule(),
      new ScanRuleConfig("GraphProjectedAggregateIntoEngine", AggregateIntoEngineRule::overProjectedScan,
          AggregateIntoEngineRule::new).toRule(),
      new ScanRuleConfig("GraphLookupJoin", LookupJoinRule::operands, LookupJoinRule::new).toRule());

  /** The scans rules may still narrow: the logical ones, not their executable copies. */
  static boolean isLogical(GraphTableScan scan) {
    return !(scan instanceof EnumerableGraphTableScan);
  }

  /** Makes a (narrowed) logical scan executable. */
  static final class ToEnumerableRule extends ConverterRule {
    static final ToEnumerableRule INSTANCE = ConverterRule.Config.INSTANCE
        .withConversion(GraphTableScan.class, ScanRules::isLogical, Convention.NONE, EnumerableConvention.INSTANCE,
            "GraphScanToEnumerable")
        .withRuleFactory(ToEnumerableRule::new)
        .toRule(ToEnumerableRule.class);

    private ToEnumerableRule(ConverterRule.Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      return ((GraphTableScan) rel).toEnumerable();
    }
  }

  /** A plain rule configuration; Calcite's own rules generate theirs with an annotation processor. */
  record ScanRuleConfig(
      String description,
      RelRule.OperandTransform operandSupplier,
      Function<ScanRuleConfig, RelOptRule> factory,
      RelBuilderFactory relBuilderFactory) implements RelRule.Config {

    ScanRuleConfig(String description, RelRule.OperandTransform operands,
        Function<ScanRuleConfig, RelOptRule> factory) {
      this(description, operands, factory, RelFactories.LOGICAL_BUILDER);
    }

    @Override
    public RelOptRule toRule() {
      return factory.apply(this);
    }

    @Override
    public ScanRuleConfig withRelBuilderFactory(RelBuilderFactory f) {
      return new ScanRuleConfig(description, operandSupplier, factory, f);
    }

    @Override
    public ScanRuleConfig withDescription(String d) {
      return new ScanRuleConfig(d, operandSupplier, factory, relBuilderFactory);
    }

    @Override
    public ScanRuleConfig withOperandSupplier(RelRule.OperandTransform t) {
      return new ScanRuleConfig(description, t, factory, relBuilderFactory);
    }
  }
}
