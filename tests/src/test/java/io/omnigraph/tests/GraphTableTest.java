package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GRAPH_TABLE through java.sql on a small graph with cycles, a loop, an isolated node and two edge
 * types; every answer is compared with {@link WalkOracle}, which walks the edge rows read with plain
 * SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphTableTest {
  /** Knows: a 5-cycle p0-p1-p3-p4-p0 with a chord p0-p2-p3, a loop on p5, a 2-cycle p6-p7, p8 alone, p9 into the cycle. */
  static final String[][] KNOWS = {
      {"p0", "p1"}, {"p0", "p2"}, {"p1", "p3"}, {"p2", "p3"}, {"p3", "p4"}, {"p4", "p0"}, {"p4", "p5"},
      {"p5", "p5"}, {"p6", "p7"}, {"p7", "p6"}, {"p9", "p0"}};
  static final String[][] WORKS_AT = {{"p0", "c0"}, {"p1", "c0"}, {"p3", "c1"}, {"p6", "c2"}};

  @TempDir static Path dir;
  Connection c;
  WalkOracle oracle;

  @BeforeAll
  void createGraph() throws SQLException {
    c = Fixture.createEmpty(dir);
    try (Statement s = c.createStatement()) {
      for (int i = 0; i < 10; i++) s.executeUpdate("INSERT INTO Person (name, age) VALUES ('p" + i + "', " + (20 + 3 * i) + ")");
      for (int i = 0; i < 3; i++) s.executeUpdate("INSERT INTO Company (name, country) VALUES ('c" + i + "', 'C" + i + "')");
      for (String[] e : KNOWS) s.executeUpdate("INSERT INTO Knows (src, dst) VALUES ('" + e[0] + "', '" + e[1] + "')");
      for (String[] e : WORKS_AT) s.executeUpdate("INSERT INTO WorksAt (src, dst) VALUES ('" + e[0] + "', '" + e[1] + "')");
    }
    oracle = new WalkOracle(c, "Knows", "WorksAt");
  }

  @AfterAll
  void close() throws SQLException {
    c.close();
  }

  static List<String> sorted(List<String> values) {
    List<String> out = new ArrayList<>(values);
    Collections.sort(out);
    return out;
  }

  /** The rows of {@code sql}, each row's values joined by '|', sorted. */
  List<String> answer(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    for (List<Object> r : Fixture.rows(c, sql)) {
      out.add(String.join("|", r.stream().map(String::valueOf).toList()));
    }
    Collections.sort(out);
    return out;
  }

  @Test
  void oneHopMatchesEveryEdgeWithItsEndpoints() throws SQLException {
    List<String> expected = new ArrayList<>();
    for (WalkOracle.Edge e : oracle.edges()) if (e.type().equals("Knows")) expected.add(e.src() + "|" + e.id() + "|" + e.dst());
    assertEquals(sorted(expected), answer("SELECT * FROM GRAPH_TABLE (graph MATCH (a:Person)-[k:Knows]->(b:Person)"
        + " COLUMNS (a.id AS a, k.id AS k, b.id AS b))"));
  }

  @Test
  void fixedTwoHopPatternFromAFilteredStart() throws SQLException {
    List<String> expected = new ArrayList<>();
    for (WalkOracle.Hop h1 : oracle.hops("p0", "Knows", "out")) {
      for (WalkOracle.Hop h2 : oracle.hops(h1.to(), "Knows", "out")) expected.add(h1.to() + "|" + h2.to());
    }
    assertEquals(sorted(expected), answer("SELECT mid, reached FROM GRAPH_TABLE (graph"
        + " MATCH (a:Person WHERE a.name = 'p0')-[:Knows]->(m:Person)-[:Knows]->(b:Person)"
        + " COLUMNS (m.id AS mid, b.name AS reached))"));
  }

  @ParameterizedTest
  @CsvSource({"-[e:Knows]->, Knows, out", "<-[e:Knows]-, Knows, in", "-[e:Knows]-, Knows, any", "->, , out",
      "<-, , in", "-, , any"})
  void everyDirectionAndAbbreviationFollowsTheRightEdges(String edge, String type, String direction) throws SQLException {
    for (String start : List.of("p0", "p3", "p5", "c0")) {
      List<String> expected = new ArrayList<>();
      for (WalkOracle.Hop h : oracle.hops(start, type, direction)) expected.add(h.to());
      assertEquals(sorted(expected), answer("SELECT x FROM GRAPH_TABLE (graph MATCH (a WHERE a.id = '" + start + "')"
          + edge + "(b) COLUMNS (b.id AS x))"), edge + " from " + start);
    }
  }

  @ParameterizedTest
  @CsvSource({"'{2}', 2, 2", "'{1,3}', 1, 3", "'{,2}', 0, 2", "+, 1, 10", "*, 0, 10", "'{3,}', 3, 10"})
  void quantifiersMatchOneRowPerWalk(String quantifier, int min, int max) throws SQLException {
    for (String start : List.of("p0", "p5", "p6", "p8")) {
      List<String> expected = oracle.walkEnds(start, "Knows", "out", min, max, WalkOracle.Mode.WALK);
      assertEquals(sorted(expected), answer("SELECT b FROM GRAPH_TABLE (graph MATCH (a:Person WHERE a.name = '" + start
          + "')-[:Knows]->" + quantifier + "(b:Person) COLUMNS (b.id AS b))"), quantifier + " from " + start);
    }
  }

  @ParameterizedTest
  @CsvSource({"WALK", "TRAIL", "ACYCLIC", "SIMPLE"})
  void pathModesKeepOnlyTheirPaths(String mode) throws SQLException {
    for (String start : List.of("p0", "p4", "p5", "p6")) {
      List<String> expected = oracle.walkEnds(start, "Knows", "out", 1, 6, WalkOracle.Mode.valueOf(mode));
      assertEquals(sorted(expected), answer("SELECT b FROM GRAPH_TABLE (graph MATCH " + mode + " (a:Person WHERE a.id = '"
          + start + "')-[:Knows]->{1,6}(b:Person) COLUMNS (b.id AS b))"), mode + " from " + start);
    }
  }

  @Test
  void anyShortestGivesOnePathPerEndWithItsLength() throws SQLException {
    for (String start : List.of("p0", "p4", "p9", "p8")) {
      Map<String, Integer> expected = new TreeMap<>(oracle.shortest(start, "Knows", 1, 10));
      List<String> rows = new ArrayList<>();
      expected.forEach((node, hops) -> rows.add(node + "|" + hops));
      assertEquals(rows, answer("SELECT b, len FROM GRAPH_TABLE (graph MATCH p = ANY SHORTEST (a:Person WHERE a.id = '"
          + start + "')-[k:Knows]->{1,10}(b:Person) COLUMNS (b.id AS b, path_length(p) AS len))"), "from " + start);
    }
  }

  @Test
  void anyShortestOverAFixedHopThenARepetitionKeepsTheShortestPerEnd() throws SQLException {
    for (String start : List.of("p9", "p4")) {
      Map<String, Integer> expected = new TreeMap<>();
      for (WalkOracle.Hop first : oracle.hops(start, "Knows", "out")) {
        oracle.shortest(first.to(), "Knows", 1, 5).forEach((node, hops) -> expected.merge(node, hops + 1, Math::min));
      }
      List<String> rows = new ArrayList<>();
      expected.forEach((node, hops) -> rows.add(node + "|" + hops));
      assertEquals(rows, answer("SELECT b, len FROM GRAPH_TABLE (graph MATCH p = ANY SHORTEST (a:Person WHERE a.id = '"
          + start + "')-[:Knows]->(m:Person)-[:Knows]->{1,5}(b:Person) COLUMNS (b.id AS b, path_length(p) AS len))"),
          "from " + start);
    }
  }

  @Test
  void labelDisjunctionReadsEachTypesProperties() throws SQLException {
    List<String> expected = new ArrayList<>();
    for (WalkOracle.Hop h : oracle.hops("p0", null, "out")) expected.add(h.to() + "|" + h.to());
    assertEquals(sorted(expected), answer("SELECT * FROM GRAPH_TABLE (graph MATCH (a:Person WHERE a.id = 'p0')"
        + "-[]->(x:Person|Company) COLUMNS (x.id AS id, x.name AS name))"));
  }

  @Test
  void commaSeparatedPatternsShareVariables() throws SQLException {
    List<String> expected = new ArrayList<>();
    for (WalkOracle.Hop h : oracle.hops("p0", "Knows", "any")) {
      for (WalkOracle.Hop w : oracle.hops(h.to(), "WorksAt", "out")) expected.add(h.to() + "|" + w.to());
    }
    assertFalse(expected.isEmpty());
    assertEquals(sorted(expected), answer("SELECT * FROM GRAPH_TABLE (graph MATCH (a:Person WHERE a.id = 'p0')"
        + "-[:Knows]-(b:Person), (b)-[:WorksAt]->(co:Company) COLUMNS (b.id AS friend, co.name AS employer))"));
  }

  @Test
  void matchWhereAndElementWhereWithParametersFilterTheMatches() throws SQLException {
    List<String> expected = new ArrayList<>();
    for (String end : oracle.walkEnds("p0", "Knows", "out", 1, 3, WalkOracle.Mode.WALK)) {
      int age = 20 + 3 * Integer.parseInt(end.substring(1));
      if (age > 26 && age < 40) expected.add(end + "|" + age);
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM GRAPH_TABLE (graph MATCH (a:Person WHERE a.id = ?)"
        + "-[:Knows]->{1,3}(b:Person WHERE b.age < ?) WHERE b.age > 26 COLUMNS (b.id AS reached, b.age))")) {
      ps.setString(1, "p0");
      ps.setInt(2, 40);
      try (ResultSet rs = ps.executeQuery()) {
        List<String> got = new ArrayList<>();
        for (List<Object> r : Fixture.rows(rs)) got.add(r.get(0) + "|" + r.get(1));
        assertEquals(sorted(expected), sorted(got));
      }
    }
  }

  @Test
  void aConditionOnARepeatedEdgeKeepsOnlyTheEdgesItAccepts() throws SQLException {
    WalkOracle kept = WalkOracle.of(c, "Knows", "SELECT id, src, dst FROM Knows WHERE dst <> 'p3'");
    for (String start : List.of("p0", "p9")) {
      List<String> expected = kept.walkEnds(start, "Knows", "out", 1, 5, WalkOracle.Mode.WALK);
      assertEquals(sorted(expected), answer("SELECT b FROM GRAPH_TABLE (graph MATCH (a:Person WHERE a.id = '" + start
          + "')-[k:Knows WHERE k.dst <> 'p3']->{1,5}(b:Person) COLUMNS (b.id AS b))"), "from " + start);
    }
  }

  @Test
  void twoGraphTablesJoinEachOther() throws SQLException {
    List<String> expected = new ArrayList<>();
    for (WalkOracle.Hop out : oracle.hops("p0", "Knows", "out")) {
      for (WalkOracle.Hop in : oracle.hops("p3", "Knows", "in")) if (out.to().equals(in.to())) expected.add(out.to());
    }
    assertEquals(List.of("p1", "p2"), sorted(expected), "the fixture's two paths from p0 to p3");
    assertEquals(sorted(expected), answer("SELECT x.m FROM GRAPH_TABLE (graph MATCH (a:Person WHERE a.id = 'p0')"
        + "->(m:Person) COLUMNS (m.id AS m)) AS x JOIN GRAPH_TABLE (graph MATCH (d:Person WHERE d.id = 'p3')"
        + "<-(m:Person) COLUMNS (m.id AS m)) AS y ON x.m = y.m"));
  }

  @Test
  void graphTableInsideLiteralsAndCommentsIsLeftAlone() throws SQLException {
    assertEquals(List.of("GRAPH_TABLE (graph MATCH (a) COLUMNS (a.id))"),
        answer("SELECT 'GRAPH_TABLE (graph MATCH (a) COLUMNS (a.id))' AS s /* GRAPH_TABLE ( */ FROM Person"
            + " WHERE id = 'p0' -- GRAPH_TABLE (\n"));
    assertEquals(List.of("p1|a ) b"), answer("SELECT * FROM GRAPH_TABLE (graph MATCH (a:Person WHERE a.id = 'p0'"
        + " AND a.name <> 'x)(')-[:Knows]->(b:Person WHERE b.name IN ('p1', '-[]->')) COLUMNS (b.id AS \"quoted)\","
        + " 'a ) b' AS \"t\"))"));
  }

  @Test
  void joinsWithOrdinaryTables() throws SQLException {
    List<String> expected = new ArrayList<>();
    for (WalkOracle.Hop h : oracle.hops("p0", "Knows", "out")) {
      for (WalkOracle.Hop w : oracle.hops(h.to(), "WorksAt", "out")) expected.add(h.to() + "|" + "C" + w.to().substring(1));
    }
    assertEquals(sorted(expected), answer("SELECT g.friend, co.country FROM GRAPH_TABLE (graph MATCH"
        + " (a:Person WHERE a.id = 'p0')-[:Knows]->(b:Person) COLUMNS (b.id AS friend)) AS g"
        + " JOIN WorksAt w ON w.src = g.friend JOIN Company co ON co.id = w.dst"));
  }

  @Test
  void explainShowsTheStartSetHopsAndWhereFiltersRun() throws SQLException {
    String plan = String.join("\n", Fixture.strings(c, "EXPLAIN PLAN FOR SELECT * FROM GRAPH_TABLE (graph MATCH"
        + " (a:Person WHERE a.name = 'p0')-[k:Knows]->{1,3}(b:Person) WHERE b.age > 30 COLUMNS (b.name AS reached))"));
    // The plan is the second argument of the match function, so EXPLAIN shows it as a SQL literal.
    assertTrue(plan.contains("start (a:Person) scanned with [`name` = ''p0''] pushed into the scan"), plan);
    assertTrue(plan.contains("hop -[k:Knows]->{1,3} on the adjacency index to (b:Person)"), plan);
    assertTrue(plan.contains("MATCH WHERE applied by SQL after the match: b.age > 30"), plan);
  }

  @Test
  void bareReferencesAreNamedAfterTheirProperty() throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM GRAPH_TABLE (graph MATCH"
        + " (a:Person WHERE a.id = 'p3')-[k:Knows]->(b:Person) COLUMNS (b.id, b.age, k.src AS from_id))")) {
      assertEquals("id", rs.getMetaData().getColumnLabel(1));
      assertEquals("age", rs.getMetaData().getColumnLabel(2));
      assertEquals("from_id", rs.getMetaData().getColumnLabel(3));
      assertEquals(List.of(List.of("p4", 32, "p3")), Fixture.rows(rs));
    }
  }

  @Test
  void columnsAreAnySqlExpressionOverProperties() throws SQLException {
    assertEquals(List.of("p4|64|1"), answer("SELECT * FROM GRAPH_TABLE (graph MATCH (a:Person WHERE a.id = 'p3')"
        + "-[:Knows]->(b:Person) COLUMNS (b.id AS id, b.age * 2 AS twice, CHAR_LENGTH(a.name) - 1 AS n))"));
  }

  @Test
  void aTimeoutStopsAnExplodingTraversal() throws SQLException {
    // Undirected repetition on the fixture's cycles: billions of walks within 40 hops.
    System.setProperty("omnigraph.graphTable.unboundedHops", "40");
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      long t0 = System.nanoTime();
      // The end condition matches nobody, so the walks pile up no rows while they run.
      SQLException e = assertThrows(SQLException.class, () -> Fixture.rows(s.executeQuery("SELECT COUNT(*) FROM"
          + " GRAPH_TABLE (graph MATCH (a:Person)-[:Knows]-+(b:Person WHERE b.id = 'nobody') COLUMNS (b.id AS b))")));
      assertEquals("57014", e.getSQLState(), e.toString());
      assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "stopped soon after the timeout");
    } finally {
      System.clearProperty("omnigraph.graphTable.unboundedHops");
    }
  }

  @Test
  void sqlKeywordsListGraphTable() throws SQLException {
    assertTrue(c.getMetaData().getSQLKeywords().contains("GRAPH_TABLE"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "(a:Pirate)-[:Knows]->(b); 42704; Pirate",
      "(a:Person)-[:Knows]->(b:Knows); 42704; it is an edge type",
      "(a:Person)-[k:Likes]->(b); 42704; Likes",
      "(a:Person)-[:Knows]->(b) COLUMNS (b.salary); 42S22; b.salary",
      "p = ALL SHORTEST (a:Person)-[:Knows]->{1,3}(b); 42000; ALL SHORTEST",
      "ANY 2 (a:Person)-[:Knows]->{1,3}(b); 42000; ANY k",
      "(a:Person)-[:Knows]->?(b); 42000; the quantifier '?'",
      "(a:Person&Company); 42000; label conjunction",
      "((a:Person)-[:Knows]->(b)){2}; 42000; parenthesized path pattern",
      "(a:Person)-[k:Knows]->{1,3}(b) COLUMNS (k.since); 42000; quantified edge variable 'k'",
      "p = ANY SHORTEST TRAIL (a:Person)-[:Knows]->{1,3}(b); 42000; ANY SHORTEST with TRAIL",
      "(a:Person)-[:Knows]->{3,1}(b); 42601; quantifier",
      "(a:Person)-[:Knows]->(b) COLUMNS (path_length(b)); 42000; path_length",
      "(a:Person)-[:Knows]->(b) COLUMNS (*); 42000; '*' in COLUMNS",
      "(a:Person)-[]->(x:Person|Company) COLUMNS (x.age); 42S22; common to all its types",
      "(a:Person)-[:Knows]->(b) COLUMNS (a.id, b.*); 42000; '*' in COLUMNS"})
  void constructsOutsideTheSubsetAreRefusedByName(String pattern, String state, String named) {
    String columns = pattern.contains("COLUMNS") ? "" : " COLUMNS (a.id)";
    SQLException e = assertThrows(SQLException.class,
        () -> Fixture.rows(c, "SELECT * FROM GRAPH_TABLE (graph MATCH " + pattern + columns + ")"));
    assertEquals(state, e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains(named), e.getMessage());
  }

  @Test
  void aDataChangeOverAGraphTableIsRefusedByName() throws SQLException {
    SQLException e = assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("INSERT INTO Company"
        + " (name, country) SELECT b.id, 'X' FROM GRAPH_TABLE (graph MATCH (a:Person)->(b:Person) COLUMNS (b.id)) AS b"));
    assertEquals("42000", e.getSQLState());
    assertTrue(e.getMessage().contains("GRAPH_TABLE in INSERT"), e.getMessage());
    try (Statement s = c.createStatement()) {
      assertEquals(1, s.executeUpdate("UPDATE Company SET country = 'GRAPH_TABLE (' WHERE name = 'c2'"),
          "the words inside a literal are no GRAPH_TABLE");
      s.executeUpdate("UPDATE Company SET country = 'C2' WHERE name = 'c2'");
    }
  }

  @Test
  void anUnknownGraphNameIsRefused() {
    SQLException e = assertThrows(SQLException.class,
        () -> Fixture.rows(c, "SELECT * FROM GRAPH_TABLE (social MATCH (a:Person) COLUMNS (a.id))"));
    assertEquals("42704", e.getSQLState());
    assertTrue(e.getMessage().contains("social"), e.getMessage());
  }
}
