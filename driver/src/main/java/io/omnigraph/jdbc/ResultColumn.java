package io.omnigraph.jdbc;

import java.sql.JDBCType;
import java.sql.ResultSetMetaData;
import java.sql.Types;

/** A column of a result the driver builds itself (metadata, generated keys, control statement results). */
record ResultColumn(String name, int jdbcType, boolean nullable) {

  static ResultColumn text(String name) {
    return new ResultColumn(name, Types.VARCHAR, true);
  }

  static ResultColumn requiredText(String name) {
    return new ResultColumn(name, Types.VARCHAR, false);
  }

  static ResultColumn integer(String name) {
    return new ResultColumn(name, Types.INTEGER, true);
  }

  static ResultColumn smallint(String name) {
    return new ResultColumn(name, Types.SMALLINT, true);
  }

  static ResultColumn bigint(String name) {
    return new ResultColumn(name, Types.BIGINT, true);
  }

  static ResultColumn bool(String name) {
    return new ResultColumn(name, Types.BOOLEAN, true);
  }

  String typeName() {
    return JDBCType.valueOf(jdbcType).getName();
  }

  int nullability() {
    return nullable ? ResultSetMetaData.columnNullable : ResultSetMetaData.columnNoNulls;
  }

  String javaClassName() {
    return switch (jdbcType) {
      case Types.INTEGER -> Integer.class.getName();
      case Types.SMALLINT -> Short.class.getName();
      case Types.BIGINT -> Long.class.getName();
      case Types.BOOLEAN -> Boolean.class.getName();
      default -> String.class.getName();
    };
  }
}
