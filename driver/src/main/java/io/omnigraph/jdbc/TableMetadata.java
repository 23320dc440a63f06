package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlTypes;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.NodeType;
import io.omnigraph.engine.schema.Property;
import io.omnigraph.engine.schema.ValueType;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The rows of the table-level metadata results, built from the graph's catalog: node and edge types
 * are tables with primary key {@code id}; each edge's {@code src} and {@code dst} are foreign keys
 * to its endpoint types' {@code id}, which is what lets a tool draw the graph as an ER diagram.
 * System tables come from the SQL layer's own description of them.
 */
final class TableMetadata {
  static final String TABLE = "TABLE";
  static final String SYSTEM_TABLE = "SYSTEM TABLE";

  /** A column of a system table, as the SQL layer reports it. */
  record SystemColumn(String name, int jdbcType, String typeName, int size, int scale, boolean nullable) {}

  private final Catalog catalog;
  private final Map<String, List<SystemColumn>> systemTables;

  TableMetadata(Catalog catalog, Map<String, List<SystemColumn>> systemTables) {
    this.catalog = catalog;
    this.systemTables = systemTables;
  }

  List<EntityType> types(MetadataPattern table) {
    return catalog.allTypes().stream().filter(t -> table.matches(t.name())).toList();
  }

  List<Object[]> tables(MetadataPattern table, boolean userTables, boolean systemTablesWanted) {
    List<Object[]> rows = new ArrayList<>();
    if (systemTablesWanted) {
      systemTables.keySet().stream().filter(table::matches).sorted()
          .forEach(n -> rows.add(tableRow(n, SYSTEM_TABLE, "graph system table (read-only)")));
    }
    if (userTables) {
      types(table).stream().sorted(Comparator.comparing(EntityType::name))
          .forEach(t -> rows.add(tableRow(t.name(), TABLE, remarks(t))));
    }
    return rows;
  }

  private static Object[] tableRow(String name, String type, String remarks) {
    return new Object[] {null, OmniGraphConnection.SCHEMA, name, type, remarks, null, null, null, null, null};
  }

  private static String remarks(EntityType t) {
    if (t.description().isPresent()) return t.description().get();
    return t instanceof EdgeType e ? "edge " + e.from() + " -> " + e.to() : null;
  }

  List<Object[]> columns(MetadataPattern table, MetadataPattern column) {
    List<Object[]> rows = new ArrayList<>();
    for (EntityType t : types(table).stream().sorted(Comparator.comparing(EntityType::name)).toList()) {
      int ordinal = 0;
      ordinal = systemColumn(rows, t.name(), EntityType.ID, ++ordinal, column, idRemarks(t));
      if (t instanceof EdgeType e) {
        ordinal = systemColumn(rows, t.name(), EntityType.SRC, ++ordinal, column, "id of the source " + e.from());
        ordinal = systemColumn(rows, t.name(), EntityType.DST, ++ordinal, column, "id of the target " + e.to());
      }
      for (Property p : t.properties()) {
        ordinal++;
        if (column.matches(p.name())) rows.add(propertyRow(t.name(), p, ordinal));
      }
    }
    systemTables.entrySet().stream().filter(e -> table.matches(e.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> {
          int ordinal = 0;
          for (SystemColumn c : e.getValue()) {
            ordinal++;
            if (column.matches(c.name())) rows.add(systemTableColumnRow(e.getKey(), c, ordinal));
          }
        });
    return rows;
  }

  private static String idRemarks(EntityType t) {
    if (t instanceof NodeType n && n.keyed()) return "primary key, derived from @key(" + String.join(", ", n.key()) + ")";
    return "primary key";
  }

  private static int systemColumn(List<Object[]> rows, String table, String name, int ordinal, MetadataPattern column,
      String remarks) {
    if (column.matches(name)) {
      rows.add(columnRow(table, name, Types.VARCHAR, "VARCHAR", Integer.MAX_VALUE, null, false, remarks, ordinal));
    }
    return ordinal;
  }

  private static Object[] propertyRow(String table, Property p, int ordinal) {
    ValueType type = p.type();
    int size = SqlTypes.columnSize(type);
    int jdbcType = SqlTypes.jdbcType(type);
    Integer digits = isNumeric(jdbcType) || jdbcType == Types.TIMESTAMP ? SqlTypes.decimalDigits(type) : null;
    String remarks = p.description().orElse(type instanceof ValueType.Scalar ? null : type.pgText());
    return columnRow(table, p.name(), jdbcType, SqlTypes.typeName(type), size == 0 ? null : size, digits, p.nullable(),
        remarks, ordinal);
  }

  private static Object[] systemTableColumnRow(String table, SystemColumn c, int ordinal) {
    Integer digits = isNumeric(c.jdbcType()) || c.jdbcType() == Types.TIMESTAMP ? c.scale() : null;
    return columnRow(table, c.name(), c.jdbcType(), c.typeName(), c.size() == 0 ? null : c.size(), digits, c.nullable(),
        null, ordinal);
  }

  private static Object[] columnRow(String table, String column, int jdbcType, String typeName, Integer size,
      Integer digits, boolean nullable, String remarks, int ordinal) {
    Integer radix = isNumeric(jdbcType) ? 10 : null;
    Integer octets = jdbcType == Types.VARCHAR || jdbcType == Types.VARBINARY ? size : null;
    return new Object[] {null, OmniGraphConnection.SCHEMA, table, column, jdbcType, typeName, size, null, digits, radix,
        nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls, remarks, null, null, null, octets,
        ordinal, nullable ? "YES" : "NO", null, null, null, null, "NO", "NO"};
  }

  static boolean isNumeric(int jdbcType) {
    return switch (jdbcType) {
      case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.DECIMAL, Types.REAL, Types.DOUBLE -> true;
      default -> false;
    };
  }

  List<Object[]> primaryKeys(MetadataPattern table) {
    return types(table).stream().sorted(Comparator.comparing(EntityType::name))
        .map(t -> new Object[] {null, OmniGraphConnection.SCHEMA, t.name(), EntityType.ID, 1, pkName(t.name())})
        .toList();
  }

  static String pkName(String table) {
    return table + "_pk";
  }

  /** Both foreign keys of every edge type: {@code src} to the source type's id, {@code dst} to the target's. */
  List<Object[]> foreignKeys(MetadataPattern primaryTable, MetadataPattern foreignTable) {
    List<Object[]> rows = new ArrayList<>();
    for (EdgeType e : catalog.edgeTypes()) {
      if (!foreignTable.matches(e.name())) continue;
      if (primaryTable.matches(e.from())) rows.add(foreignKeyRow(e, EntityType.SRC, e.from()));
      if (primaryTable.matches(e.to())) rows.add(foreignKeyRow(e, EntityType.DST, e.to()));
    }
    return rows;
  }

  // Node deletes cascade to incident edges; ids never change (key updates are refused); endpoints are
  // checked when the transaction commits, so an edge may precede its node within one transaction.
  private static Object[] foreignKeyRow(EdgeType edge, String column, String nodeType) {
    return new Object[] {null, OmniGraphConnection.SCHEMA, nodeType, EntityType.ID,
        null, OmniGraphConnection.SCHEMA, edge.name(), column, 1,
        DatabaseMetaData.importedKeyNoAction, DatabaseMetaData.importedKeyCascade,
        edge.name() + "_" + column + "_fk", pkName(nodeType), DatabaseMetaData.importedKeyInitiallyDeferred};
  }

  /** The primary key index, key and {@code @unique} indexes, then {@code @index} and edge endpoint indexes. */
  List<Object[]> indexes(MetadataPattern table, boolean uniqueOnly, Map<String, Long> rowCounts) {
    List<Object[]> rows = new ArrayList<>();
    for (EntityType t : types(table)) {
      Long rowsInTable = rowCounts.get(t.name());
      addIndex(rows, t, false, pkName(t.name()), List.of(EntityType.ID), rowsInTable);
      if (t instanceof NodeType n && n.keyed()) addIndex(rows, t, false, t.name() + "_key", n.key(), rowsInTable);
      for (List<String> u : t.uniques()) addIndex(rows, t, false, indexName(t, u, "unique"), u, rowsInTable);
      if (uniqueOnly) continue;
      for (List<String> i : t.indexes()) addIndex(rows, t, true, indexName(t, i, "idx"), i, null);
      if (t instanceof EdgeType) {
        addIndex(rows, t, true, indexName(t, List.of(EntityType.SRC), "idx"), List.of(EntityType.SRC), null);
        addIndex(rows, t, true, indexName(t, List.of(EntityType.DST), "idx"), List.of(EntityType.DST), null);
      }
    }
    rows.sort(Comparator.<Object[], Boolean>comparing(r -> (Boolean) r[3])
        .thenComparing(r -> (String) r[5])
        .thenComparing(r -> (Integer) r[7]));
    return rows;
  }

  private static String indexName(EntityType t, List<String> columns, String suffix) {
    return t.name() + "_" + String.join("_", columns) + "_" + suffix;
  }

  private static void addIndex(List<Object[]> rows, EntityType t, boolean nonUnique, String name, List<String> columns,
      Long cardinality) {
    boolean duplicate = rows.stream().anyMatch(r -> t.name().equals(r[2]) && name.equals(r[5]));
    if (duplicate) return;
    for (int i = 0; i < columns.size(); i++) {
      rows.add(new Object[] {null, OmniGraphConnection.SCHEMA, t.name(), nonUnique, null, name,
          (int) DatabaseMetaData.tableIndexOther, i + 1, columns.get(i), "A", cardinality, null, null});
    }
  }

  /** The best row identifier of every node and edge table is its {@code id}, valid for the whole session. */
  List<Object[]> bestRowIdentifier(MetadataPattern table) {
    return types(table).stream()
        .map(t -> new Object[] {DatabaseMetaData.bestRowSession, EntityType.ID, Types.VARCHAR, "VARCHAR",
            Integer.MAX_VALUE, null, null, DatabaseMetaData.bestRowNotPseudo})
        .toList();
  }
}
