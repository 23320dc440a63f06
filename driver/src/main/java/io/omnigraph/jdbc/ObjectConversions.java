package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code getObject(column, type)} for the classes JDBC 4.1 lists, which Avatica's result sets do
 * not implement: the value {@code getObject(column)} returns when it is already of the type, else
 * the typed getter for it.
 */
final class ObjectConversions {
  private ObjectConversions() {}

  static <T> T get(ResultSet rows, int column, Class<T> type) throws SQLException {
    Object plain = rows.getObject(column);
    if (plain == null) return null;
    if (type.isInstance(plain)) return type.cast(plain);
    Object out;
    if (type == String.class) out = rows.getString(column);
    else if (type == Integer.class) out = rows.getInt(column);
    else if (type == Long.class) out = rows.getLong(column);
    else if (type == Short.class) out = rows.getShort(column);
    else if (type == Byte.class) out = rows.getByte(column);
    else if (type == Double.class) out = rows.getDouble(column);
    else if (type == Float.class) out = rows.getFloat(column);
    else if (type == Boolean.class) out = rows.getBoolean(column);
    else if (type == BigDecimal.class) out = rows.getBigDecimal(column);
    else if (type == byte[].class) out = rows.getBytes(column);
    else if (type == java.sql.Array.class) out = rows.getArray(column);
    else throw SqlState.INVALID_CHARACTER_VALUE_FOR_CAST.exception("column " + column + " holds a "
        + plain.getClass().getSimpleName() + ", which cannot be read as " + type.getName());
    return type.cast(out);
  }
}
