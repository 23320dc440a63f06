package io.omnigraph.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import org.junit.jupiter.api.function.Executable;

final class SqlAssert {
  private SqlAssert() {}

  /** Asserts {@code work} fails with a SQLException of {@code state}, and returns it. */
  static SQLException fails(String state, Executable work) {
    SQLException e = assertThrows(SQLException.class, work);
    assertEquals(state, e.getSQLState(), () -> "SQLState of: " + e.getMessage());
    return e;
  }
}
