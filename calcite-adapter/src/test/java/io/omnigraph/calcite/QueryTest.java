package io.omnigraph.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryTest {
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
  void selectsFilteredProjectedRowsInOrder() throws Exception {
    assertEquals(List.of("Charlie", "Alice"), g.column("select name from Person where age > 28 order by age desc"));
  }

  @Test
  void nodeTableHasIdThenPropertiesWithCatalogTypes() throws Exception {
    try (TestQuery ps = TestQuery.prepare(g.session, "select * from Person where name = 'Alice'");
        ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(3, md.getColumnCount());
      assertEquals(List.of("id", "name", "age"), List.of(md.getColumnName(1), md.getColumnName(2), md.getColumnName(3)));
      assertEquals(Types.VARCHAR, md.getColumnType(1));
      assertEquals(Types.INTEGER, md.getColumnType(3));
      assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
      assertEquals(ResultSetMetaData.columnNullable, md.isNullable(3));
      assertTrue(rs.next());
      assertEquals("Alice", rs.getString("id"));
      assertEquals(30, rs.getInt("age"));
      assertFalse(rs.next());
    }
  }

  @Test
  void edgeTableHasIdSrcDstThenProperties() throws Exception {
    List<List<Object>> rows = g.query("select src, dst, since from Knows where src = 'Bob'");
    assertEquals(List.of(List.of("Bob", "Diana", Date.valueOf(LocalDate.of(2022, 6, 1)))), rows);
    try (TestQuery ps = TestQuery.prepare(g.session, "select * from WorksAt");
        ResultSet rs = ps.executeQuery()) {
      assertEquals(3, rs.getMetaData().getColumnCount());
      assertEquals("src", rs.getMetaData().getColumnName(2));
    }
  }

  @Test
  void unquotedIdentifiersIgnoreCaseAndQuotedOnesAreExact() throws Exception {
    assertEquals(List.of("Alice"), g.column("SELECT NAME FROM person P WHERE p.Age = 30"));
    assertEquals(List.of("Alice"), g.column("select \"name\" from \"Person\" where \"age\" = 30"));
    assertEquals(List.of(4L), g.column("select count(*) as Total from graph.PERSON"));
    SqlAssert.fails("42S02", () -> g.query("select name from \"person\""));
    SqlAssert.fails("42S22", () -> g.query("select \"NAME\" from Person"));
  }

  @Test
  void outputColumnsTakeTheCatalogSpelling() throws Exception {
    try (TestQuery ps = TestQuery.prepare(g.session, "select NAME, AGE as Years from PERSON");
        ResultSet rs = ps.executeQuery()) {
      assertEquals("name", rs.getMetaData().getColumnLabel(1));
      assertEquals("years", rs.getMetaData().getColumnLabel(2));
    }
  }

  @Test
  void functionNamesResolveInAnyCase() throws Exception {
    assertEquals(List.of("ALICE"), g.column("select upper(name) from Person where name = 'Alice'"));
    assertEquals(List.of("Alice"), g.column("select initcap(lower(name)) from Person where name = 'Alice'"));
  }

  @Test
  void aggregatesGroupAndCount() throws Exception {
    List<List<Object>> rows = g.query(
        "select src, count(*) as n from Knows group by src order by n desc, src");
    assertEquals(List.of(List.of("Alice", 2L), List.of("Bob", 1L)), rows);
    assertEquals(List.of(118L), g.column("select sum(age) from Person"));
  }

  @Test
  void twoHopJoinOverEdgeTablesFindsFriendsOfFriends() throws Exception {
    List<Object> names = g.column("""
        select distinct c.name
        from Person a
        join Knows k1 on k1.src = a.id
        join Knows k2 on k2.src = k1.dst
        join Person c on c.id = k2.dst
        where a.name = 'Alice'""");
    assertEquals(List.of("Diana"), names);
  }

  @Test
  void joinsNodesToEdgesToOtherNodeTypes() throws Exception {
    assertEquals(List.of(List.of("Alice", "Acme"), List.of("Bob", "Globex")), g.query("""
        select p.name, c.name from Person p
        join WorksAt w on w.src = p.id
        join Company c on c.id = w.dst
        order by p.name"""));
  }

  @Test
  void parametersBindPerExecutionOfOnePlan() throws Exception {
    try (TestQuery ps = TestQuery.prepare(g.session, "select name from Person where age >= ? and name <> ? order by name")) {
      ps.setInt(1, 28);
      ps.setString(2, "Diana");
      assertEquals(List.of("Alice", "Charlie"), names(ps));
      ps.setLong(1, 30L);
      ps.setObject(2, "Alice");
      assertEquals(List.of("Charlie"), names(ps));
    }
  }

  @Test
  void parametersAreConvertedToTheTypeTheirPlaceNeeds() throws Exception {
    try (TestQuery ps = TestQuery.prepare(g.session, "select name from Person where age >= ? order by name")) {
      ps.setString(1, "30");
      assertEquals(List.of("Alice", "Charlie"), names(ps));
      ps.setDouble(1, 35.0);
      assertEquals(List.of("Charlie"), names(ps));
      ps.setObject(1, new java.math.BigDecimal("28"));
      assertEquals(List.of("Alice", "Charlie", "Diana"), names(ps));
      SqlAssert.fails("22018", () -> ps.setDouble(1, 28.5));
    }
    try (TestQuery ps = TestQuery.prepare(g.session, "select name from Person where upper(name) = ?")) {
      ps.setInt(1, 7);
      assertEquals(List.of(), names(ps));
    }
  }

  @Test
  void dateParametersAndLiteralsCompareAsDates() throws Exception {
    assertEquals(List.of("Bob"), g.column("select src from Knows where since > DATE '2021-01-01'"));
    assertEquals(List.of("Alice"), g.column("select src from Knows where since = ?", LocalDate.of(2020, 1, 15)));
    assertEquals(List.of("Bob"), g.column("select src from Knows where since > ?", Date.valueOf("2021-01-01")));
  }

  @Test
  void nullParameterMatchesNothing() throws Exception {
    assertEquals(List.of(), g.column("select name from Person where age = ?", (Object) null));
    assertEquals(List.of(), g.column("select name from Person where not (age = ?)", (Object) null));
  }

  @Test
  void inListsAndRangesReturnTheSameRowsWhetherPushedOrNot() throws Exception {
    assertEquals(List.of("Alice", "Bob"), g.column("select name from Person where name in ('Bob', 'Alice') order by name"));
    assertEquals(List.of("Alice", "Diana"), g.column("select name from Person where age between 27 and 32 order by name"));
    assertEquals(List.of("Bob", "Charlie"),
        g.column("select name from Person where age not in (30, 28) order by name"));
    assertEquals(List.of("Charlie"), g.column("select name from Person where name like 'C%'"));
    assertEquals(List.of("Alice", "Bob", "Diana"), g.column("select name from Person where name not like 'C%' order by name"));
    assertEquals(List.of("Alice"), g.column("select src from Knows where since is null"));
  }

  @Test
  void limitAndOffsetApply() throws Exception {
    assertEquals(2, g.column("select name from Person limit 2").size());
    assertEquals(List.of("Bob", "Charlie"), g.column("select name from Person order by name limit 2 offset 1"));
    assertEquals(1, g.column("select name from Person limit ?", 1).size());
  }

  @Test
  void preparingTheSameTextAgainReusesThePlan() throws Exception {
    String sql = "select name from Person where age = ?";
    QueryPlan planned = g.session.prepareQuery(sql);
    long plansMade = g.session.planner().plansMade();
    try (TestQuery second = TestQuery.prepare(g.session, sql)) {
      assertSame(planned, second.plan);
      assertEquals(plansMade, g.session.planner().plansMade());
      second.setInt(1, 25);
      assertEquals(List.of("Bob"), names(second));
    }
  }

  @Test
  void aSchemaChangeReachesTheNextPrepare() throws Exception {
    assertEquals(List.of(4L), g.column("select count(*) from Person"));
    g.graph.applySchema(FixtureGraph.SCHEMA.replace("age: I32?", "age: I32?\n  email: String?"), false);
    g.execute("update Person set email = 'a@example.com' where name = 'Alice'");
    assertEquals(List.of("Alice"), g.column("select name from Person where email like 'a@%'"));
    assertEquals(List.of(4L), g.column("select count(*) from Person"));
  }

  @Test
  void twoOpenStatementsOfOneTextDoNotShareResults() throws Exception {
    try (TestQuery a = TestQuery.prepare(g.session, "select name from Person where age = ?");
        TestQuery b = TestQuery.prepare(g.session, "select name from Person where age = ?")) {
      assertSame(a.plan, b.plan, "one plan, two executions");
      a.setInt(1, 25);
      b.setInt(1, 30);
      try (ResultSet ra = a.executeQuery(); ResultSet rb = b.executeQuery()) {
        assertTrue(ra.next());
        assertTrue(rb.next());
        assertEquals("Bob", ra.getString(1));
        assertEquals("Alice", rb.getString(1));
      }
    }
  }

  @Test
  void valuesAndWithQueriesRun() throws Exception {
    assertEquals(List.of(3), g.column("values (1 + 2)"));
    assertEquals(List.of("Bob"), g.column("with young as (select name, age from Person where age < 26) select name from young"));
  }

  @Test
  void nullPropertiesReadAsNull() throws Exception {
    List<List<Object>> rows = g.query("select since from Knows where dst = 'Charlie'");
    assertEquals(1, rows.size());
    assertNull(rows.get(0).get(0));
  }

  private static List<String> names(TestQuery ps) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  /**
   * Statements of one shape share one compiled class, and each still reads its own table, filter
   * and columns: those reach the class through the execution's context, by name. A plain scan is
   * read from the scan itself and compiles nothing.
   */
  @Test
  void statementsOfOneShapeShareACompiledClassAndKeepTheirOwnAnswers() throws Exception {
    GraphPlanner planner = g.session.planner();
    assertEquals(List.of("Alice", "Charlie"), sorted(g.column("SELECT name FROM Person WHERE age > 29")));
    assertEquals(0, planner.sourcesCompiled(), "a plain scan generates no code");
    assertEquals(List.of("ALICE", "CHARLIE"), sorted(g.column("SELECT UPPER(name) FROM Person WHERE age > 29")));
    long first = planner.sourcesCompiled();
    assertEquals(1, first);
    assertEquals(List.of("ALICE", "CHARLIE", "DIANA"),
        sorted(g.column("SELECT UPPER(p.name) FROM Person p WHERE p.age > 26")));
    assertEquals(List.of("ACME", "GLOBEX"), sorted(g.column("SELECT UPPER(name) FROM Company")));
    assertEquals(List.of("BOB"), sorted(g.column("SELECT UPPER(name) FROM Person WHERE age < ?", 27)));
    assertEquals(first, planner.sourcesCompiled(), "one class serves every upper-cased single-column scan");
    assertEquals(5L, planner.plansMade(), "each text is still planned on its own");

    assertEquals(List.of(List.of("ALICE", 31)), g.query("SELECT UPPER(name), age + 1 FROM Person WHERE name = 'Alice'"));
    assertEquals(first + 1, planner.sourcesCompiled(), "another expression is another class");
    assertEquals(List.of(List.of("DIANA", 29)), g.query("SELECT UPPER(name), age + 1 FROM Person WHERE name = ?", "Diana"));
    assertEquals(first + 1, planner.sourcesCompiled());
  }

  private static List<Object> sorted(List<Object> values) {
    return values.stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
  }
}
