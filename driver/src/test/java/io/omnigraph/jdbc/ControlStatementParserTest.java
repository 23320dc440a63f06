package io.omnigraph.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.write.LoadMode;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ControlStatementParserTest {

  static Stream<Arguments> statements() {
    return Stream.of(
        Arguments.of("CREATE BRANCH feature", new ControlStatement.CreateBranch("feature", null)),
        Arguments.of("create branch 'review/x' from \"main\"", new ControlStatement.CreateBranch("review/x", "main")),
        Arguments.of("  Create  Branch Feature_2 ;", new ControlStatement.CreateBranch("Feature_2", null)),
        Arguments.of("DROP BRANCH 'a/b'", new ControlStatement.DropBranch("a/b")),
        Arguments.of("use branch \"it's\"", new ControlStatement.UseBranch("it's")),
        Arguments.of("USE BRANCH 'it''s'", new ControlStatement.UseBranch("it's")),
        Arguments.of("MERGE BRANCH feature", new ControlStatement.MergeBranch("feature", null, false)),
        Arguments.of("merge branch feature into 'release/1' dry run",
            new ControlStatement.MergeBranch("feature", "release/1", true)),
        Arguments.of("LOAD DATA FROM '/tmp/x.jsonl'", new ControlStatement.LoadData("/tmp/x.jsonl", LoadMode.APPEND)),
        Arguments.of("load data from 'x.jsonl' mode overwrite", new ControlStatement.LoadData("x.jsonl", LoadMode.OVERWRITE)),
        Arguments.of("LOAD DATA FROM 'x.jsonl' MODE Merge;", new ControlStatement.LoadData("x.jsonl", LoadMode.MERGE)),
        Arguments.of("APPLY SCHEMA FROM 'next.pg'", new ControlStatement.ApplySchema("next.pg", false)),
        Arguments.of("apply schema from 'next.pg' DRY RUN", new ControlStatement.ApplySchema("next.pg", true)),
        Arguments.of("ENSURE INDICES", new ControlStatement.EnsureIndices()),
        Arguments.of("optimize", new ControlStatement.Optimize()),
        Arguments.of("CLEANUP", new ControlStatement.Cleanup(OptionalInt.empty())),
        Arguments.of("cleanup keep 3 versions", new ControlStatement.Cleanup(OptionalInt.of(3))),
        Arguments.of("-- maintenance\n/* nightly */ OPTIMIZE", new ControlStatement.Optimize()));
  }

  @ParameterizedTest
  @MethodSource("statements")
  void parsesEveryControlStatementForm(String sql, ControlStatement expected) throws SQLException {
    assertEquals(expected, ControlStatementParser.parse(sql).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM Person",
      "MERGE INTO Person USING (VALUES ('a')) AS s(n) ON Person.id = s.n WHEN MATCHED THEN UPDATE SET age = 1",
      "CREATE TABLE t (a INT)",
      "DROP TABLE t",
      "UPDATE Person SET age = 1",
      "select 'CREATE BRANCH x'",
      "",
      "   "})
  void ordinarySqlIsNotAControlStatement(String sql) throws SQLException {
    assertFalse(ControlStatementParser.parse(sql).isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE BRANCH",
      "CREATE BRANCH feature/x",
      "CREATE BRANCH a FROM",
      "DROP BRANCH a b",
      "MERGE BRANCH a INTO",
      "MERGE BRANCH a DRY",
      "LOAD DATA 'x.jsonl'",
      "LOAD DATA FROM 'x.jsonl' MODE REPLACE",
      "CLEANUP KEEP VERSIONS",
      "CLEANUP KEEP 0 VERSIONS",
      "CLEANUP KEEP 2",
      "USE BRANCH 'unterminated",
      "OPTIMIZE NOW"})
  void malformedControlStatementsAreSyntaxErrors(String sql) {
    SQLException e = assertThrows(SQLException.class, () -> ControlStatementParser.parse(sql));
    assertInstanceOf(SQLSyntaxErrorException.class, e);
    assertEquals("42601", e.getSQLState());
    assertTrue(e.getMessage().contains("graph control statement"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"MERGE BRANCH a", "APPLY SCHEMA FROM 'x'", "ENSURE INDICES", "OPTIMIZE", "CLEANUP"})
  void statementsThatReportWorkReturnRows(String sql) throws SQLException {
    assertTrue(ControlStatementParser.parse(sql).orElseThrow().returnsRows());
  }

  @ParameterizedTest
  @ValueSource(strings = {"CREATE BRANCH a", "DROP BRANCH a", "USE BRANCH a", "LOAD DATA FROM 'x'"})
  void statementsWithoutRowsReturnUpdateCounts(String sql) throws SQLException {
    assertFalse(ControlStatementParser.parse(sql).orElseThrow().returnsRows());
  }
}
