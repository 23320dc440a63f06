package io.omnigraph.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListResultSetTest {
  private static final List<ResultColumn> COLUMNS =
      List.of(ResultColumn.text("NAME"), ResultColumn.smallint("KEY_SEQ"), ResultColumn.bool("NON_UNIQUE"));

  private static ResultSet rows(Object[]... rows) {
    return new ListResultSet(null, COLUMNS, List.of(rows));
  }

  @Test
  void gettersConvertAndTrackNulls() throws SQLException {
    ResultSet rs = rows(new Object[] {"id", 1, false}, new Object[] {null, null, null});
    assertTrue(rs.isBeforeFirst());
    assertTrue(rs.next());
    assertTrue(rs.isFirst());
    assertEquals("id", rs.getString("name"), "labels match ignoring case");
    assertEquals(1, rs.getShort(2));
    assertEquals("1", rs.getString(2));
    assertEquals(1L, rs.getObject("KEY_SEQ", Long.class));
    assertFalse(rs.getBoolean(3));
    assertTrue(rs.next());
    assertTrue(rs.isLast());
    assertNull(rs.getString(1));
    assertTrue(rs.wasNull());
    assertEquals(0, rs.getInt(2));
    assertTrue(rs.wasNull());
    assertFalse(rs.next());
    assertTrue(rs.isAfterLast());
  }

  @Test
  void metadataDescribesTheColumns() throws SQLException {
    ResultSet rs = rows();
    assertEquals(3, rs.getMetaData().getColumnCount());
    assertEquals(Types.SMALLINT, rs.getMetaData().getColumnType(2));
    assertEquals("BOOLEAN", rs.getMetaData().getColumnTypeName(3));
    assertFalse(rs.next());
  }

  @Test
  void resultsAreReadOnlyAndForwardOnly() throws SQLException {
    ResultSet rs = rows(new Object[] {"id", 1, true});
    assertThrows(SQLFeatureNotSupportedException.class, () -> rs.updateString(1, "x"));
    assertThrows(SQLFeatureNotSupportedException.class, rs::previous);
    assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
    assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
    assertEquals("42S22", assertThrows(SQLException.class, () -> rs.findColumn("missing")).getSQLState());
    rs.close();
    assertEquals("55000", assertThrows(SQLException.class, rs::next).getSQLState());
  }
}
