package io.omnigraph.calcite;

import java.lang.reflect.Type;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The JDBC description of a plan's result columns and parameters, made as Calcite's own JDBC
 * driver makes it, so that result sets read each column with the accessor its representation needs
 * (DATE as days, TIMESTAMP as milliseconds, DECIMAL as BigDecimal) and tools see the same metadata.
 */
final class ResultColumns {
  private ResultColumns() {}

  static List<ColumnMetaData> of(JavaTypeFactory typeFactory, RelDataType rowType,
      List<? extends List<String>> origins) {
    List<ColumnMetaData> columns = new ArrayList<>();
    List<RelDataTypeField> fields = rowType.getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      RelDataTypeField field = fields.get(i);
      List<String> origin = origins != null && i < origins.size() ? origins.get(i) : null;
      columns.add(column(typeFactory, i, field.getName(), field.getType(), origin));
    }
    return columns;
  }

  static List<AvaticaParameter> parameters(RelDataType parameterRowType) {
    List<AvaticaParameter> out = new ArrayList<>();
    for (RelDataTypeField field : parameterRowType.getFieldList()) {
      RelDataType type = field.getType();
      out.add(new AvaticaParameter(false, precision(type), scale(type), type.getSqlTypeName().getJdbcOrdinal(),
          typeName(type), Object.class.getName(), field.getName()));
    }
    return out;
  }

  private static ColumnMetaData column(JavaTypeFactory typeFactory, int ordinal, String name, RelDataType type,
      List<String> origins) {
    ColumnMetaData.AvaticaType avaticaType = avaticaType(typeFactory, type);
    return new ColumnMetaData(ordinal, false, true, false, false,
        type.isNullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        !SqlTypeName.UNSIGNED_TYPES.contains(type.getSqlTypeName()), type.getPrecision(), name,
        origin(origins, 0), origin(origins, 2), precision(type), scale(type), origin(origins, 1), null,
        avaticaType, true, false, false, avaticaType.columnClassName());
  }

  private static ColumnMetaData.AvaticaType avaticaType(JavaTypeFactory typeFactory, RelDataType type) {
    String typeName = typeName(type);
    if (type.getComponentType() != null) {
      ColumnMetaData.AvaticaType component = avaticaType(typeFactory, type.getComponentType());
      Type clazz = typeFactory.getJavaClass(type.getComponentType());
      return ColumnMetaData.array(component, typeName, Objects.requireNonNull(ColumnMetaData.Rep.of(clazz)));
    }
    int ordinal = type.getSqlTypeName().getJdbcOrdinal();
    if (ordinal == java.sql.Types.STRUCT) {
      List<ColumnMetaData> fields = new ArrayList<>();
      for (RelDataTypeField f : type.getFieldList()) {
        fields.add(column(typeFactory, f.getIndex(), f.getName(), f.getType(), null));
      }
      return ColumnMetaData.struct(fields);
    }
    Type clazz = typeFactory.getJavaClass(type);
    return ColumnMetaData.scalar(ordinal, typeName, Objects.requireNonNull(ColumnMetaData.Rep.of(clazz)));
  }

  private static String origin(List<String> origins, int offsetFromEnd) {
    return origins == null || offsetFromEnd >= origins.size() ? null : origins.get(origins.size() - 1 - offsetFromEnd);
  }

  private static int scale(RelDataType type) {
    return type.getScale() == RelDataType.SCALE_NOT_SPECIFIED ? 0 : type.getScale();
  }

  private static int precision(RelDataType type) {
    return type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? 0 : type.getPrecision();
  }

  /** "DECIMAL", not "DECIMAL(7, 2)"; "INTEGER ARRAY" for collections. */
  private static String typeName(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return switch (name) {
      case ARRAY, MULTISET, MAP, ROW -> type.toString();
      case INTERVAL_YEAR_MONTH -> "INTERVAL_YEAR_TO_MONTH";
      case INTERVAL_DAY_HOUR -> "INTERVAL_DAY_TO_HOUR";
      case INTERVAL_DAY_MINUTE -> "INTERVAL_DAY_TO_MINUTE";
      case INTERVAL_DAY_SECOND -> "INTERVAL_DAY_TO_SECOND";
      case INTERVAL_HOUR_MINUTE -> "INTERVAL_HOUR_TO_MINUTE";
      case INTERVAL_HOUR_SECOND -> "INTERVAL_HOUR_TO_SECOND";
      case INTERVAL_MINUTE_SECOND -> "INTERVAL_MINUTE_TO_SECOND";
      default -> name.getName();
    };
  }
}
