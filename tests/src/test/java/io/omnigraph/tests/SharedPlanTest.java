package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.omnigraph.calcite.QueryPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans are made once per statement text and schema, for every connection of a graph. */
class SharedPlanTest {
  private static final String BY_AGE = "SELECT name FROM Person WHERE age >= ? ORDER BY name";

  @TempDir Path dir;

  @Test
  void twoConnectionsOfOneGraphRunOnePlan() throws SQLException {
    try (Connection first = Fixture.createLoaded(dir); Connection second = Fixture.connect(dir, "");
        PreparedStatement a = first.prepareStatement(BY_AGE);
        PreparedStatement b = second.prepareStatement(BY_AGE)) {
      assertSame(a.unwrap(QueryPlan.class), b.unwrap(QueryPlan.class));
      a.setInt(1, 30);
      b.setInt(1, 26);
      assertEquals(List.of("Alice", "Charlie"), names(a));
      assertEquals(List.of("Alice", "Charlie", "Diana"), names(b));
    }
  }

  @Test
  void aSharedPlanReadsTheViewOfTheConnectionThatRunsIt() throws SQLException {
    try (Connection onMain = Fixture.createLoaded(dir)) {
      try (Statement s = onMain.createStatement()) {
        s.execute("CREATE BRANCH feature");
      }
      try (Connection onFeature = Fixture.connect(dir, "branch=feature");
          PreparedStatement a = onMain.prepareStatement(BY_AGE);
          PreparedStatement b = onFeature.prepareStatement(BY_AGE)) {
        try (Statement s = onFeature.createStatement()) {
          s.executeUpdate("UPDATE Person SET age = 60 WHERE name = 'Bob'");
        }
        assertSame(a.unwrap(QueryPlan.class), b.unwrap(QueryPlan.class));
        a.setInt(1, 50);
        b.setInt(1, 50);
        assertEquals(List.of(), names(a));
        assertEquals(List.of("Bob"), names(b));
      }
    }
  }

  @Test
  void aConnectionToAnotherGraphPlansItsOwn() throws SQLException {
    try (Connection first = Fixture.createLoaded(dir.resolve("one"));
        Connection other = Fixture.createLoaded(dir.resolve("two"));
        PreparedStatement a = first.prepareStatement(BY_AGE);
        PreparedStatement b = other.prepareStatement(BY_AGE)) {
      assertNotSame(a.unwrap(QueryPlan.class), b.unwrap(QueryPlan.class));
    }
  }

  @Test
  void aSchemaApplyMakesTheNextPrepareOfTheSameTextPlanAgain() throws Exception {
    String next = Files.readString(Fixture.resource("graph.pg"))
        .replace("  status: enum(active, inactive)?", "  status: enum(active, inactive)?\n  nickname: String?");
    Path file = dir.resolve("next.pg");
    Files.writeString(file, next);
    String everything = "SELECT * FROM Person WHERE name = 'Alice'";
    try (Connection first = Fixture.createLoaded(dir); Connection second = Fixture.connect(dir, "")) {
      QueryPlan before;
      try (PreparedStatement ps = first.prepareStatement(everything)) {
        before = ps.unwrap(QueryPlan.class);
        assertEquals(5, ps.getMetaData().getColumnCount());
      }
      try (Statement s = first.createStatement()) {
        s.execute("APPLY SCHEMA FROM '" + file + "'");
        s.executeUpdate("UPDATE Person SET nickname = 'Al' WHERE name = 'Alice'");
      }
      try (PreparedStatement ps = second.prepareStatement(everything); ResultSet rs = ps.executeQuery()) {
        assertNotSame(before, ps.unwrap(QueryPlan.class));
        assertEquals(6, rs.getMetaData().getColumnCount());
        assertEquals(List.of(List.of("Alice", "Alice", 30, "alice@example.com", "active", "Al")), Fixture.rows(rs));
      }
    }
  }

  @Test
  void onePreparedStatementRunsManyTimesWithDifferentParameters() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); PreparedStatement ps = c.prepareStatement(BY_AGE)) {
      Map<String, Integer> ages = new TreeMap<>();
      for (List<Object> row : Fixture.rows(c, "SELECT name, age FROM Person")) {
        ages.put((String) row.get(0), ((Number) row.get(1)).intValue());
      }
      QueryPlan plan = ps.unwrap(QueryPlan.class);
      for (int minimum = 20; minimum <= 40; minimum++) {
        // The setters vary too: each value is converted to the INTEGER the plan expects.
        switch (minimum % 3) {
          case 0 -> ps.setInt(1, minimum);
          case 1 -> ps.setLong(1, minimum);
          default -> ps.setString(1, Integer.toString(minimum));
        }
        List<String> expected = new ArrayList<>();
        for (Map.Entry<String, Integer> e : ages.entrySet()) {
          if (e.getValue() >= minimum) expected.add(e.getKey());
        }
        assertEquals(expected, names(ps), "age >= " + minimum);
        assertSame(plan, ps.unwrap(QueryPlan.class), "executing does not plan again");
      }
    }
  }

  private static List<String> names(PreparedStatement ps) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }
}
