package io.omnigraph.server;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.Meta;

/** Result sets as Avatica frames, each row an {@code Object[]} of the Java types Avatica expects for its column type. */
final class Frames {
  private Frames() {}

  /** Every row of {@code rs} as one final frame. */
  static Meta.Frame all(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<Object> rows = new ArrayList<>();
    while (rs.next()) {
      Object[] row = new Object[n];
      for (int i = 1; i <= n; i++) row[i - 1] = value(rs, i, md.getColumnType(i));
      rows.add(row);
    }
    return Meta.Frame.create(0, true, rows);
  }

  private static Object value(ResultSet rs, int i, int type) throws SQLException {
    Object v = switch (type) {
      case Types.TINYINT -> rs.getByte(i);
      case Types.SMALLINT -> rs.getShort(i);
      case Types.INTEGER -> rs.getInt(i);
      case Types.BIGINT -> rs.getLong(i);
      case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i);
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR -> rs.getString(i);
      default -> rs.getObject(i);
    };
    return rs.wasNull() ? null : v;
  }
}
