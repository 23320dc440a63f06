package io.omnigraph.calcite;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EntityType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The {@code graph} schema: one table per node and edge type of the current catalog, plus the
 * system tables, the table function {@code _graph_changes} and the internal one GRAPH_TABLE runs
 * on. The tables are rebuilt when the graph's catalog changes (a schema apply), never per lookup.
 */
final class GraphSchema extends AbstractSchema {
  static final String NAME = "graph";

  private static final Multimap<String, Function> FUNCTIONS =
      ImmutableMultimap.of(ChangesFunction.NAME, ChangesFunction.FUNCTION, GraphMatchFunction.NAME, GraphMatchFunction.FUNCTION);

  private final Graph graph;
  private Catalog builtFor;
  private Map<String, Table> tables;

  GraphSchema(Graph graph) {
    this.graph = graph;
  }

  @Override
  protected synchronized Map<String, Table> getTableMap() {
    Catalog current = graph.catalog();
    if (current != builtFor) {
      Map<String, Table> map = new LinkedHashMap<>();
      for (EntityType t : current.allTypes()) map.put(t.name(), new EntityTable(t));
      map.put(CommitsTable.NAME, new CommitsTable(graph));
      map.put(BranchesTable.NAME, new BranchesTable(graph));
      map.put(TablesTable.NAME, new TablesTable());
      map.put(RecoveriesTable.NAME, new RecoveriesTable(graph));
      tables = Collections.unmodifiableMap(map);
      builtFor = current;
    }
    return tables;
  }

  @Override
  protected Multimap<String, Function> getFunctionMultimap() {
    return FUNCTIONS;
  }

  Graph graph() {
    return graph;
  }

  /** The catalog the current tables were built from. */
  synchronized Catalog catalog() {
    getTableMap();
    return builtFor;
  }
}
