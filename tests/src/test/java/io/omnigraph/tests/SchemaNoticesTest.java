package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user learns about a schema before it bites: names SQL reserves (a property named
 * {@code order}) are reported as warnings at create=true, after APPLY SCHEMA and in its DRY RUN; a
 * DRY RUN on a graph with other branches says the real apply would be refused, and why.
 */
class SchemaNoticesTest {
  @TempDir Path dir;

  @Test
  void createWarnsAboutNamesSqlMustQuoteAndTheQuotedSpellingWorks() throws Exception {
    Path schema = dir.resolve("shop.pg");
    Files.writeString(schema, "node Purchase { code: String @key, order: I32?, value: F64? }\n");
    try (Connection c = DriverManager.getConnection("jdbc:omnigraph:" + dir.resolve("g") + "?create=true&schema=" + schema)) {
      List<String> warnings = messages(c.getWarnings());
      assertEquals(2, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains("Purchase.order") && warnings.get(0).contains("SELECT \"order\" FROM Purchase"),
          warnings.get(0));
      assertTrue(warnings.get(1).contains("Purchase.value"), warnings.get(1));
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO Purchase (code, \"order\", \"value\") VALUES ('p1', 3, 9.5)");
        assertEquals(3, Fixture.scalar(c, "SELECT \"order\" FROM Purchase"));
        assertEquals("42601", assertThrows(SQLException.class, () -> s.executeQuery("SELECT order FROM Purchase"))
            .getSQLState());
      }
    }
  }

  @Test
  void theFixtureSchemaGivesNoWarnings() throws SQLException {
    try (Connection c = Fixture.createEmpty(dir)) {
      assertNull(c.getWarnings());
    }
  }

  @Test
  void dryRunOnABranchSaysTheRealApplyWouldBeRefusedAndWhy() throws Exception {
    Path next = dir.resolve("next.pg");
    Files.writeString(next, Files.readString(Fixture.resource("graph.pg"))
        .replace("  country: String\n", "  country: String\n  founded: I32?\n"));
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      s.execute("CREATE BRANCH feature");
      s.execute("USE BRANCH feature");
      List<List<Object>> plan = Fixture.rows(s.executeQuery("APPLY SCHEMA FROM '" + next + "' DRY RUN"));
      assertEquals(List.of("add_property", "Company", "founded", "I32?"), plan.get(0));
      List<Object> refused = plan.get(1);
      assertEquals("refused", refused.get(0));
      String why = (String) refused.get(3);
      assertTrue(why.contains("would be refused") && why.contains("only main") && why.contains("feature"), why);
      SQLException e = assertThrows(SQLException.class, () -> s.execute("APPLY SCHEMA FROM '" + next + "'"));
      assertEquals("55000", e.getSQLState());
      assertTrue(e.getMessage().contains("non-main branches: feature"), e.getMessage());
    }
  }

  @Test
  void dryRunAndApplyReportANewPropertyNamedLikeAKeyword() throws Exception {
    Path next = dir.resolve("next.pg");
    Files.writeString(next, Files.readString(Fixture.resource("graph.pg"))
        .replace("  country: String\n", "  country: String\n  user: String?\n"));
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      c.clearWarnings();
      List<List<Object>> plan = Fixture.rows(s.executeQuery("APPLY SCHEMA FROM '" + next + "' DRY RUN"));
      assertEquals(2, plan.size(), plan.toString());
      assertEquals(List.of("warning", "Company", "user"), plan.get(1).subList(0, 3));
      assertNull(c.getWarnings(), "a dry run changes nothing, the connection's warnings included");
      s.executeQuery("APPLY SCHEMA FROM '" + next + "'").close();
      List<String> warnings = messages(c.getWarnings());
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains("Company.user"), warnings.get(0));
    }
  }

  private static List<String> messages(SQLWarning w) {
    List<String> out = new ArrayList<>();
    for (; w != null; w = w.getNextWarning()) out.add(w.getMessage());
    return out;
  }
}
