package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a user reads when a statement is refused before it runs: a syntax error says where and what
 * was found in a line or two (SQLState 42601), a statement the planner cannot run names the
 * construct (0A000), and no refusal reaches the user without a SQLState or with Calcite's token
 * lists and planner dumps.
 */
class StatementErrorTextTest extends OnFixtureGraph {

  static Stream<Arguments> syntaxErrors() {
    return Stream.of(
        Arguments.of("selct * from Person", "syntax error at line 1, column 1 near 'selct'"),
        Arguments.of("select name frm Person", "syntax error at line 1, column 17 near 'Person'"),
        Arguments.of("SELECT name FROM Person WHERE", "syntax error at line 1, column 29: the statement ends too early"),
        Arguments.of("select name from Person where age >",
            "syntax error at line 1, column 35 near '>': the statement ends too early"),
        Arguments.of("select name\nfrom Person\nwhere age = = 3", "syntax error at line 3, column 11 near '='"),
        Arguments.of("updte Person set age = 1", "syntax error at line 1, column 1 near 'updte'"),
        Arguments.of("UPDATE Person SET age = WHERE name = 'Bob'", "syntax error at line 1, column 25 near 'WHERE'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("syntaxErrors")
  void aSyntaxErrorSaysWhereAndWhatWasFound(String sql, String expected) {
    SQLException e = refused(sql);
    assertEquals("42601", e.getSQLState(), e.getMessage());
    assertInstanceOf(SQLSyntaxErrorException.class, e);
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    assertTrue(e.getMessage().lines().count() <= 2, "one or two lines: " + e.getMessage());
    assertFalse(e.getMessage().contains("Was expecting"), e.getMessage());
    assertFalse(e.getMessage().contains("Non-query expression"), e.getMessage());
  }

  @Test
  void aMisspeltFirstKeywordListsHowStatementsStart() {
    String second = refused("selct * from Person").getMessage().lines().skip(1).findFirst().orElse("");
    assertTrue(second.contains("SELECT") && second.contains("INSERT"), second);
  }

  @Test
  void preparingAStatementWithASyntaxErrorIsRefusedTheSameWay() {
    SQLException e = assertThrows(SQLException.class, () -> connection.prepareStatement("selct name from Person"));
    assertEquals("42601", e.getSQLState());
    assertTrue(e.getMessage().startsWith("syntax error at line 1, column 1 near 'selct'"), e.getMessage());
  }

  static Stream<Arguments> unsupported() {
    return Stream.of(
        Arguments.of("explain plan for insert into Person (name) values ('x')", "EXPLAIN PLAN FOR INSERT"),
        Arguments.of("EXPLAIN PLAN WITH TYPE FOR MERGE INTO Person p USING (VALUES ('Alice')) v(n) ON (p.id = v.n)"
            + " WHEN MATCHED THEN UPDATE SET age = 1", "EXPLAIN PLAN FOR MERGE"),
        Arguments.of("select * from Person match_recognize (order by age measures 1 as x pattern (a) define a as true)",
            "MATCH_RECOGNIZE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupported")
  void aStatementThePlannerCannotRunNamesTheConstruct(String sql, String construct) {
    SQLException e = refused(sql);
    assertEquals("0A000", e.getSQLState(), e.getMessage());
    assertInstanceOf(SQLFeatureNotSupportedException.class, e);
    assertTrue(e.getMessage().contains(construct), e.getMessage());
    assertFalse(e.getMessage().contains("Error while preparing"), e.getMessage());
    assertFalse(e.getMessage().contains("Missing conversion"), e.getMessage());
  }

  @Test
  void explainPlanForAQueryStillWorks() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("explain plan for select name from Person")) {
      assertTrue(ps.executeQuery().next());
    }
  }

  private static SQLException refused(String sql) {
    try (Statement s = connection.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.execute(sql));
      assertNotNull(e.getSQLState(), e.getMessage());
      return e;
    } catch (SQLException closeFailure) {
      throw new AssertionError(closeFailure);
    }
  }
}
