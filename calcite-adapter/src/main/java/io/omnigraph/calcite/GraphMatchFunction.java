package io.omnigraph.calcite;

import io.omnigraph.calcite.pgq.GraphTableRewriter;
import org.apache.calcite.linq4j.function.Parameter;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.TableFunction;
import org.apache.calcite.schema.impl.TableFunctionImpl;

/**
 * The internal table function a GRAPH_TABLE becomes ({@link GraphTableRewriter}): the binding rows of
 * one pattern match. Its second argument, the plan in words, is unused at run time; it is there so
 * that EXPLAIN shows it.
 *
 * <p>Public only because the code Calcite generates for a query calls {@link #match}; it is not an
 * API.
 */
public final class GraphMatchFunction {
  static final String NAME = GraphTableRewriter.FUNCTION;

  static final TableFunction FUNCTION = TableFunctionImpl.create(GraphMatchFunction.class, "match");

  private GraphMatchFunction() {}

  /** The match of {@code pattern}; planning calls this too, so the graph is read only when the table is scanned. */
  public static ScannableTable match(@Parameter(name = "pattern") String pattern, @Parameter(name = "plan") String plan) {
    return new GraphMatchTable(pattern);
  }
}
