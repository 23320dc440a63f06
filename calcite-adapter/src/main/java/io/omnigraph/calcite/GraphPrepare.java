package io.omnigraph.calcite;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.Typed;
import org.apache.calcite.util.Pair;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.ConvertToChecked;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * Calcite's preparation of one parsed statement (validation, conversion to relational algebra,
 * decorrelation, field trimming, Volcano optimisation, Java code generation), run over the graph's
 * own root schema with three changes Calcite's connection settings cannot express:
 *
 * <ul>
 *   <li>Integer arithmetic is checked: {@code +}, {@code -}, {@code *}, {@code /} and unary minus on
 *       INTEGER and BIGINT raise an {@link ArithmeticException} (SQLState 22003) where Java would
 *       wrap around. Calcite checks arithmetic only under the BigQuery and SQL Server conformances,
 *       and we keep LENIENT for its spellings.
 *   <li>Sums and averages of integers add up in DECIMAL ({@link WideAggregates}).
 *   <li>{@code x IN (literal, ...)} stays a predicate however long the list is, rather than
 *       becoming a join with a VALUES table past 20 items, whose generated code for 100,000 items
 *       is too large to compile; the scan filter takes it whole.
 * </ul>
 *
 * <p>The adapter's own rules come in through {@link GraphTableScan#register} when the first graph
 * scan reaches the planner. A new planner is made per statement: Volcano planners are single-use.
 */
final class GraphPrepare extends CalcitePrepareImpl {
  private static final Program CHECKED_STANDARD = (planner, rel, traits, materializations, lattices) ->
      Programs.standard().run(planner, checked(rel), traits, materializations, lattices);

  private final CalcitePrepare.Context context;
  private final CompiledCode compiled;

  GraphPrepare(CalcitePrepare.Context context, CompiledCode compiled) {
    this.context = context;
    this.compiled = compiled;
  }

  /** Prepares {@code statement}, a query or {@code EXPLAIN PLAN FOR} a query, as an Enumerable plan. */
  Prepared prepare(SqlNode statement) {
    return prepare(statement, null);
  }

  /**
   * As {@link #prepare(SqlNode)}; with {@code modify}, the query's rows feed a {@link
   * GraphTableModify} at the root of the plan, and the plan's one row is its count.
   */
  Prepared prepare(SqlNode statement, TableModifySpec modify) {
    JavaTypeFactory typeFactory = context.getTypeFactory();
    CalciteCatalogReader catalogReader = new CalciteCatalogReader(context.getRootSchema(),
        context.getDefaultSchemaPath(), typeFactory, context.config());
    RelOptPlanner planner = createPlanner(context);
    Preparing preparing = new Preparing(this, context, catalogReader, typeFactory, context.getRootSchema(),
        createCluster(planner, new RexBuilder(typeFactory)), compiled, modify);
    SqlValidator validator = preparing.validator(catalogReader);
    Prepare.PreparedResult result = preparing.prepareSql(statement, Object.class, validator, true);
    return new Prepared(result, validator, Map.copyOf(preparing.internalParameters), preparing.plainScan);
  }

  /**
   * What preparing gave: the result, the validator that knows the statement's types, and the
   * values the generated code reads from its execution's context by name (the objects stashed by
   * the graph's Enumerable operators among them), and the plain scan the plan is, if it is one.
   */
  record Prepared(Prepare.PreparedResult result, SqlValidator validator, Map<String, Object> internalParameters,
      PlainScan plainScan) {}

  private static RelNode checked(RelNode rel) {
    return new ConvertToChecked(rel.getCluster().getRexBuilder(), true).visit(rel).accept(new WideAggregates());
  }

  /** Calcite's statement preparation with the program and the conversion settings described above. */
  private static final class Preparing extends CalcitePrepareImpl.CalcitePreparingStmt {
    Preparing(GraphPrepare prepare, CalcitePrepare.Context context, CalciteCatalogReader catalogReader,
        JavaTypeFactory typeFactory, CalciteSchema schema, org.apache.calcite.plan.RelOptCluster cluster,
        CompiledCode compiled, TableModifySpec modify) {
      // Rows come back as Object[] (or the bare value for one column), as JDBC result sets read them.
      super(prepare, context, catalogReader, typeFactory, schema, EnumerableRel.Prefer.ARRAY, cluster,
          EnumerableConvention.INSTANCE, prepare.createConvertletTable());
      this.compiled = compiled;
      this.modify = modify;
    }

    private final Map<String, Object> internalParameters = new LinkedHashMap<>();
    private final CompiledCode compiled;
    private final TableModifySpec modify;
    private PlainScan plainScan;

    SqlValidator validator(CalciteCatalogReader catalogReader) {
      return createSqlValidator(catalogReader, UnaryOperator.identity());
    }

    /** The optimized plan, with the table modification on top when there is one (so EXPLAIN shows it). */
    @Override
    protected RelRoot optimize(RelRoot root, List<Prepare.Materialization> materializations,
        List<CalciteSchema.LatticeEntry> lattices) {
      RelRoot optimized = super.optimize(root, materializations, lattices);
      if (modify == null) return optimized;
      EnumerableRel input = projected(optimized);
      GraphTableModify modified = new GraphTableModify(input, modify.forInput(input.getRowType()));
      return RelRoot.of(modified, modified.getRowType(), modify.kind());
    }

    /** The root's rel with only the root's fields, in the root's order. */
    private static EnumerableRel projected(RelRoot root) {
      EnumerableRel enumerable = (EnumerableRel) root.rel;
      if (root.isRefTrivial()) return enumerable;
      List<RexNode> projects = new ArrayList<>();
      RexBuilder rexBuilder = enumerable.getCluster().getRexBuilder();
      for (int field : Pair.left(root.fields)) projects.add(rexBuilder.makeInputRef(enumerable, field));
      RexProgram program = RexProgram.create(enumerable.getRowType(), projects, null, root.validatedRowType,
          rexBuilder);
      return EnumerableCalc.create(enumerable, program);
    }

    /**
     * As Calcite's own, but keeping the internal parameters where {@link #prepare} can hand them to
     * the plan: Calcite keeps them in a private field for its JDBC connection to read.
     */
    @Override
    protected Prepare.PreparedResult implement(RelRoot root) {
      EnumerableRel enumerable = projected(root);
      plainScan = PlainScan.of(enumerable);
      // A plain scan is read from the scan itself (ScanCursor): code generated for it would never run.
      Bindable<?> bindable = plainScan != null ? null : bindable(enumerable);
      List<RelCollation> collations = root.collation.getFieldCollations().isEmpty() ? List.of() : List.of(root.collation);
      return new Prepare.PreparedResultImpl(root.rel.getRowType(), parameterRowType, fieldOrigins, collations, root.rel,
          null, false) {
        @Override
        public String getCode() {
          throw new UnsupportedOperationException();
        }

        @Override
        public Bindable getBindable(Meta.CursorFactory cursorFactory) {
          return bindable;
        }

        @Override
        public Type getElementType() {
          return bindable == null ? Object[].class : ((Typed) bindable).getElementType();
        }
      };
    }

    private Bindable<?> bindable(EnumerableRel enumerable) {
      try {
        Prepare.CatalogReader.THREAD_LOCAL.set(catalogReader);
        internalParameters.put("_conformance", context.config().conformance());
        return compiled.bindable(internalParameters, context.spark(), enumerable);
      } finally {
        Prepare.CatalogReader.THREAD_LOCAL.remove();
      }
    }

    @Override
    protected Program getProgram() {
      return CHECKED_STANDARD;
    }

    @Override
    protected SqlToRelConverter getSqlToRelConverter(SqlValidator validator, Prepare.CatalogReader catalogReader,
        SqlToRelConverter.Config config) {
      return super.getSqlToRelConverter(validator, catalogReader, config.withInSubQueryThreshold(Integer.MAX_VALUE));
    }
  }

  /** The preparation context: the graph's root schema, resolving names in {@code graph}. */
  record Context(JavaTypeFactory typeFactory, CalciteSchema rootSchema, CalciteConnectionConfig settings,
      GraphExecution planningData) implements CalcitePrepare.Context {
    @Override
    public JavaTypeFactory getTypeFactory() {
      return typeFactory;
    }

    @Override
    public CalciteSchema getRootSchema() {
      return rootSchema;
    }

    @Override
    public CalciteSchema getMutableRootSchema() {
      return rootSchema;
    }

    @Override
    public List<String> getDefaultSchemaPath() {
      return List.of(GraphSchema.NAME);
    }

    @Override
    public CalciteConnectionConfig config() {
      return settings;
    }

    @Override
    public CalcitePrepare.SparkHandler spark() {
      return CalcitePrepare.Dummy.getSparkHandler(false);
    }

    @Override
    public org.apache.calcite.DataContext getDataContext() {
      return planningData;
    }

    @Override
    public List<String> getObjectPath() {
      return null;
    }

    @Override
    public org.apache.calcite.tools.RelRunner getRelRunner() {
      throw new UnsupportedOperationException("statements of this driver do not run nested relational plans");
    }
  }
}
