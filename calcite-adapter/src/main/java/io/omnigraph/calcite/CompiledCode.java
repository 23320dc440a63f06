package io.omnigraph.calcite;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.linq4j.tree.ClassDeclaration;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.runtime.Bindable;

/**
 * The compiled classes of one graph's plans by their generated source. Statements of one shape
 * (the same query over another alias, another table of the same column types, another literal
 * passed as a parameter) generate the same Java source: the objects a plan differs in are read by
 * name from its execution's context, not written into the code. Compiling that source is a quarter
 * of preparing a statement, so a source compiled before is reused. Least recently used first out.
 */
final class CompiledCode {
  private final int capacity;
  /** Guarded by {@code this}; access order. */
  private final Map<String, Bindable<?>> classes;
  private long compiled;

  CompiledCode(int capacity) {
    this.capacity = capacity;
    this.classes = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bindable<?>> eldest) {
        return size() > CompiledCode.this.capacity;
      }
    };
  }

  /**
   * The executable form of {@code rel}. Generates its source into a copy of {@code parameters}
   * first; a hit hands over that copy's entries (the objects the source reads by name). A miss
   * generates again into {@code parameters} itself, from the same starting entries, so the names
   * and the source are the same, and compiles.
   */
  Bindable<?> bindable(Map<String, Object> parameters, CalcitePrepare.SparkHandler spark, EnumerableRel rel) {
    Map<String, Object> probe = new LinkedHashMap<>(parameters);
    ClassDeclaration declaration = new EnumerableRelImplementor(rel.getCluster().getRexBuilder(), probe)
        .implementRoot(rel, EnumerableRel.Prefer.ARRAY);
    // The source and the shape of the row it returns, which the compiled class is built for.
    String source = rel.getRowType().getFieldCount() + "\n"
        + Expressions.toString(declaration.memberDeclarations, "\n", false);
    // Static fields (constants Calcite hoists, in any nested class too) are set once per class:
    // such code is compiled per statement, as Calcite's own cache of compiled code decides.
    boolean shareable = !source.contains("static ");
    if (shareable) {
      Bindable<?> known = get(source);
      if (known != null) {
        parameters.putAll(probe);
        return known;
      }
    }
    Bindable<?> made = EnumerableInterpretable.toBindable(parameters, spark, rel, EnumerableRel.Prefer.ARRAY);
    if (shareable) put(source, made);
    return made;
  }

  private synchronized Bindable<?> get(String source) {
    return classes.get(source);
  }

  private synchronized void put(String source, Bindable<?> made) {
    compiled++;
    classes.putIfAbsent(source, made);
  }

  /** How many sources were compiled for this cache; for tests. */
  synchronized long compiled() {
    return compiled;
  }
}
