package io.omnigraph.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.calcite.SqlState;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.Rule;
import io.omnigraph.engine.error.WriteConflict;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlErrorsTest {

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(Rule.REQUIRED, "23502", SQLIntegrityConstraintViolationException.class),
        Arguments.of(Rule.ENDPOINT, "23503", SQLIntegrityConstraintViolationException.class),
        Arguments.of(Rule.KEY, "23505", SQLIntegrityConstraintViolationException.class),
        Arguments.of(Rule.UNIQUE, "23505", SQLIntegrityConstraintViolationException.class),
        Arguments.of(Rule.ENUM, "23514", SQLIntegrityConstraintViolationException.class),
        Arguments.of(Rule.RANGE, "23514", SQLIntegrityConstraintViolationException.class),
        Arguments.of(Rule.CHECK, "23514", SQLIntegrityConstraintViolationException.class),
        Arguments.of(Rule.CARDINALITY, "23514", SQLIntegrityConstraintViolationException.class),
        Arguments.of(Rule.VECTOR, "23514", SQLIntegrityConstraintViolationException.class),
        Arguments.of(Rule.TYPE, "22018", SQLDataException.class),
        Arguments.of(Rule.OUT_OF_RANGE, "22003", SQLDataException.class),
        Arguments.of(Rule.KEY_UPDATE, "42000", SQLSyntaxErrorException.class));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void constraintViolationsMapByRule(Rule rule, String state, Class<? extends SQLException> type) {
    ConstraintViolation v = new ConstraintViolation(rule, "Person", "Alice", "rule " + rule + " failed on Person 'Alice'");
    SQLException e = SqlErrors.translate(v);
    assertEquals(state, e.getSQLState());
    assertInstanceOf(type, e);
    assertSame(v, e.getCause());
    assertTrue(e.getMessage().contains("Person 'Alice'"), "the message keeps the type and entity");
  }

  @Test
  void everyRuleHasAState() {
    for (Rule r : Rule.values()) assertEquals(5, SqlErrors.stateOf(r).code().length());
  }

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of(new WriteConflict("head moved"), "40001", SQLTransactionRollbackException.class),
        Arguments.of(new OmniGraphException(ErrorKind.MERGE_CONFLICT, "2 conflicts"), "40002",
            SQLTransactionRollbackException.class),
        Arguments.of(new OmniGraphException(ErrorKind.READ_ONLY, "read-only"), "25006", SQLException.class),
        Arguments.of(OmniGraphException.notFound("unknown node or edge type 'Persn'"), "42S02", SQLSyntaxErrorException.class),
        Arguments.of(OmniGraphException.notFound("type 'Person' has no column 'x'"), "42S22", SQLSyntaxErrorException.class),
        Arguments.of(OmniGraphException.notFound("branch 'gone' not found"), "42704", SQLSyntaxErrorException.class),
        Arguments.of(OmniGraphException.badInput("cannot create branch 'main'"), "42000", SQLSyntaxErrorException.class),
        Arguments.of(OmniGraphException.state("branch 'x' already exists"), "55000", SQLException.class),
        Arguments.of(new OmniGraphException(ErrorKind.UNSUPPORTED, "no s3"), "0A000", SQLFeatureNotSupportedException.class),
        Arguments.of(new OmniGraphException(ErrorKind.RECOVERY_REQUIRED, "sidecar"), "55R01", SQLException.class),
        Arguments.of(OmniGraphException.storage("disk", null), "58030", SQLException.class));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void engineErrorKindsMapToStates(OmniGraphException engine, String state, Class<? extends SQLException> type) {
    SQLException e = SqlErrors.translate(engine);
    assertEquals(state, e.getSQLState());
    assertInstanceOf(type, e);
  }

  @Test
  void rawStorageFailuresAreStorageErrorsAndOtherRawFailuresGeneralErrors() {
    assertEquals("58030", SqlErrors.from(new RuntimeException("LanceError(IO): failed to read manifest")).getSQLState());
    assertEquals("58030", SqlErrors.from(new IllegalStateException("wrapped", new java.io.IOException("disk"))).getSQLState());
    assertEquals("HY000", SqlErrors.from(new IllegalStateException("something else")).getSQLState());
    assertEquals("22018", SqlErrors.from(new SQLException("exception while executing query",
        new NumberFormatException("For input string: \"abc\""))).getSQLState());
  }

  @Test
  void writeConflictsSayToRetry() {
    assertTrue(SqlErrors.translate(new WriteConflict("head moved")).getMessage().contains("retry"));
  }

  @Test
  void badInputInLoadedDataIsADataError() {
    SQLException e = SqlErrors.translate(OmniGraphException.badInput("line 3: not JSON"), SqlState.INVALID_PARAMETER_VALUE);
    assertEquals("22023", e.getSQLState());
    assertInstanceOf(SQLDataException.class, e);
  }

  @Test
  void connectFailuresAreClass08() {
    SQLException e = SqlErrors.translateAtConnect(OmniGraphException.notFound("branch 'x' not found"));
    assertEquals("08004", e.getSQLState());
    assertInstanceOf(SQLNonTransientConnectionException.class, e);
  }

  @Test
  void engineFailuresWrappedBySqlLayerAreTranslated() {
    SQLException wrapped = new SQLException("Error while executing SQL", new RuntimeException(
        new ConstraintViolation(Rule.ENDPOINT, "Knows", "k1", "src 'Nobody' not found in Person")));
    assertEquals("23503", SqlErrors.from(wrapped).getSQLState());
  }

  @Test
  void sqlLayerRefusalsKeepTheirStateAndGetTheJdbcSubclass() {
    SQLException plain = new SQLException("Object 'Persn' not found", "42S02");
    SQLException restated = SqlErrors.from(plain);
    assertEquals("42S02", restated.getSQLState());
    assertEquals("Object 'Persn' not found", restated.getMessage());
    assertInstanceOf(SQLSyntaxErrorException.class, restated);
    SQLException typed = new SQLDataException("bad cast", "22018");
    assertSame(typed, SqlErrors.from(typed));
    assertEquals("HY000", SqlErrors.from(new IllegalStateException("boom")).getSQLState());
  }

  @Test
  void stateCodesAreUniqueAndWellFormed() {
    Set<String> seen = new HashSet<>();
    Arrays.stream(SqlState.values()).forEach(s -> {
      assertEquals(5, s.code().length(), s.name());
      assertTrue(seen.add(s.code()), "duplicate " + s.code());
    });
  }
}
