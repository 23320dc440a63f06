package io.omnigraph.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorStatesTest {
  @TempDir Path dir;
  FixtureGraph g;

  @BeforeEach
  void open() throws Exception {
    g = FixtureGraph.loaded(dir);
  }

  @AfterEach
  void close() throws Exception {
    g.close();
  }

  @Test
  void syntaxErrorsAre42601AndSayWhere() {
    SQLException e = SqlAssert.fails("42601", () -> g.session.prepareQuery("select name from Person where"));
    assertEquals("syntax error at line 1, column 29: the statement ends too early", e.getMessage());
    SQLException d = SqlAssert.fails("42601", () -> g.session.prepareDml("insert into Person (name values ('x')"));
    assertEquals("syntax error at line 1, column 26 near 'values'", d.getMessage());
  }

  @Test
  void validationErrorsAre42000() {
    SqlAssert.fails("42000", () -> g.session.prepareQuery("select name from Person group by age"));
    SQLException e = SqlAssert.fails("42000",
        () -> g.session.prepareDml("update Person set age = age + 1 where nonsense(1)"));
    assertTrue(e.getMessage().startsWith("No match found for function signature NONSENSE"), e.getMessage());
  }

  @Test
  void unknownTablesAre42S02AndNameTheTable() {
    SQLException q = SqlAssert.fails("42S02", () -> g.session.prepareQuery("select * from Nope"));
    // Unknown unquoted names fold to lower case, as in PostgreSQL.
    assertTrue(q.getMessage().contains("Object 'nope' not found"), q.getMessage());
    SQLException d = SqlAssert.fails("42S02", () -> g.session.prepareDml("delete from Nope"));
    assertTrue(d.getMessage().contains("table 'nope' not found"), d.getMessage());
    SqlAssert.fails("42S02", () -> g.session.prepareDml("insert into other.Person (name) values ('x')"));
  }

  @Test
  void unknownColumnsAre42S22() {
    SqlAssert.fails("42S22", () -> g.session.prepareQuery("select nope from Person"));
    SqlAssert.fails("42S22", () -> g.session.prepareDml("insert into Person (name, nope) values ('x', 1)"));
    SqlAssert.fails("42S22", () -> g.session.prepareDml("update Person set nope = 1"));
  }

  @Test
  void valueCountMismatchIs42000() {
    SqlAssert.fails("42000", () -> g.session.prepareDml("insert into Person (name, age) values ('x')"));
    SqlAssert.fails("42000", () -> g.session.prepareDml("insert into Person values ('x')"));
  }

  @Test
  void parameterOfTheWrongTypeIs22018() {
    SqlAssert.fails("22018", () -> g.query("select name from Person where age = ?", "not a number"));
  }
}
