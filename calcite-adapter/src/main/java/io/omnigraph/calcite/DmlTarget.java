package io.omnigraph.calcite;

import io.omnigraph.engine.schema.BaseType;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.Property;
import io.omnigraph.engine.schema.ValueType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/** The node or edge table a DML statement writes to, resolved and checked against the catalog. */
record DmlTarget(EntityType type) {

  static DmlTarget resolve(SqlNode tableRef, Catalog catalog) throws SQLException {
    if (!(tableRef instanceof SqlIdentifier id)) {
      throw StatementErrors.syntax("the target of a DML statement must be a table name, not " + tableRef);
    }
    List<String> parts = id.names;
    String name = parts.get(parts.size() - 1);
    if (parts.size() > 2 || (parts.size() == 2 && !parts.get(0).equals(GraphSchema.NAME))) {
      throw StatementErrors.tableNotFound(String.join(".", parts));
    }
    if (SystemTable.NAMES.contains(name) || SqlSession.TABLE_FUNCTIONS.contains(name)) {
      throw StatementErrors.readOnlySystemTable(name);
    }
    for (EntityType t : catalog.allTypes()) {
      if (t.name().equals(name)) return new DmlTarget(t);
    }
    throw StatementErrors.tableNotFound(name);
  }

  String name() {
    return type.name();
  }

  /** {@code graph.<Type>}, as a FROM item. */
  SqlIdentifier tableIdentifier() {
    return SqlBuild.identifier(GraphSchema.NAME, type.name());
  }

  ValueType columnType(String column) {
    return type.property(column).map(Property::type).orElse(new ValueType.Scalar(BaseType.STRING));
  }

  /** The named target columns, checked to exist and to appear once. */
  List<String> columns(SqlNodeList list) throws SQLException {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SqlNode node : list) {
      SqlIdentifier id = (SqlIdentifier) node;
      String column = id.names.get(id.names.size() - 1);
      if (!type.columnNames().contains(column)) throw StatementErrors.columnNotFound(column, type.name());
      if (!seen.add(column)) throw StatementErrors.syntax("column '" + column + "' is assigned twice");
      out.add(column);
    }
    return out;
  }

  /**
   * The columns an INSERT without a column list fills: every column, or every column but
   * {@code id}, which keyed nodes derive and other rows are given a fresh one.
   */
  List<String> implicitColumns(int width) throws SQLException {
    List<String> all = type.columnNames();
    if (width == all.size()) return all;
    if (width == all.size() - 1) return all.subList(1, all.size());
    throw StatementErrors.syntax("INSERT INTO " + type.name() + " without a column list needs " + all.size()
        + " values " + all + " or " + (all.size() - 1) + " without id, not " + width);
  }
}
