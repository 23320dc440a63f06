package io.omnigraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omnigraph.cli.ScriptStatements.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptStatementsTest {
  @Test
  void splitsAtSemicolonsAndNumbersEachStatementByItsFirstLine() {
    String script = "SELECT 1;\n\nINSERT INTO Person (name)\n  VALUES ('x');  SHOW BRANCHES\n";
    assertEquals(List.of(
        new Statement(1, "SELECT 1"),
        new Statement(3, "INSERT INTO Person (name)\n  VALUES ('x')"),
        new Statement(4, "SHOW BRANCHES")), ScriptStatements.split(script));
  }

  @Test
  void semicolonsInQuotesAndCommentsDoNotSplit() {
    String script = "-- setup; not a statement\n"
        + "/* a block;\n comment */ INSERT INTO Person (name) VALUES ('a;b''c');\n"
        + "SELECT \"odd;name\" FROM t -- trailing; comment\n;\n";
    assertEquals(List.of(
        new Statement(3, "INSERT INTO Person (name) VALUES ('a;b''c')"),
        new Statement(4, "SELECT \"odd;name\" FROM t -- trailing; comment")), ScriptStatements.split(script));
  }

  @Test
  void scriptsOfOnlyCommentsAndEmptyStatementsHaveNoStatements() {
    assertEquals(List.of(), ScriptStatements.split("-- nothing\n;;\n/* here */\n"));
  }

  @Test
  void aQuotedStringOverSeveralLinesKeepsLaterLineNumbersRight() {
    String script = "INSERT INTO Note (body) VALUES ('one\ntwo\nthree');\nSELECT 2";
    assertEquals(4, ScriptStatements.split(script).get(1).line());
  }
}
