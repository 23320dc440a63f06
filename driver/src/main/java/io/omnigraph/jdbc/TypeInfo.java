package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlTypes;
import io.omnigraph.engine.schema.BaseType;
import io.omnigraph.engine.schema.ValueType;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@link DatabaseMetaData#getTypeInfo()}: every SQL type a graph value type maps to,
 * derived from the SQL layer's one mapping ({@link SqlTypes}) so the two cannot disagree.
 * LOCAL_TYPE_NAME names the graph types behind each SQL type.
 */
final class TypeInfo {
  private TypeInfo() {}

  static List<Object[]> rows() {
    Map<Integer, List<BaseType>> byJdbcType = new LinkedHashMap<>();
    for (BaseType b : BaseType.values()) byJdbcType.computeIfAbsent(SqlTypes.jdbcType(b), k -> new ArrayList<>()).add(b);
    List<Object[]> rows = new ArrayList<>();
    byJdbcType.forEach((jdbcType, bases) -> {
      ValueType sample = new ValueType.Scalar(bases.get(0));
      List<String> graphNames = new ArrayList<>(bases.stream().map(BaseType::pgName).toList());
      if (jdbcType == Types.VARCHAR) graphNames.add("enum(...)");
      rows.add(row(SqlTypes.typeName(sample), jdbcType, SqlTypes.columnSize(sample), String.join(", ", graphNames),
          SqlTypes.decimalDigits(sample)));
    });
    rows.add(row("ARRAY", Types.ARRAY, 0, "[T], Vector(n)", 0));
    rows.sort(Comparator.comparing(r -> (Integer) r[1]));
    return rows;
  }

  private static Object[] row(String name, int jdbcType, int precision, String graphTypes, int scale) {
    boolean text = jdbcType == Types.VARCHAR;
    String prefix = switch (jdbcType) {
      case Types.VARCHAR -> "'";
      case Types.DATE -> "DATE '";
      case Types.TIMESTAMP -> "TIMESTAMP '";
      case Types.VARBINARY -> "X'";
      default -> null;
    };
    int searchable = jdbcType == Types.ARRAY || jdbcType == Types.VARBINARY
        ? DatabaseMetaData.typePredBasic : DatabaseMetaData.typeSearchable;
    boolean numeric = TableMetadata.isNumeric(jdbcType);
    return new Object[] {name, jdbcType, precision, prefix, prefix == null ? null : "'",
        jdbcType == Types.DECIMAL ? "precision,scale" : null, DatabaseMetaData.typeNullable, text, searchable,
        numeric ? false : null, false, false, graphTypes, scale, scale, null, null, numeric ? 10 : null};
  }
}
