package io.omnigraph.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reaches the engine's scan, as EXPLAIN PLAN shows it, and that pushed plans return the right rows. */
class PushdownTest {
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
  void explainShowsPushedFilterAndProjection() throws Exception {
    String plan = g.explain("select name from Person where age > 30");
    assertEquals("EnumerableGraphTableScan(table=[[graph, Person]], columns=[name], filter=[age > 30])", plan.strip());
    assertEquals(List.of("Charlie"), g.column("select name from Person where age > 30"));
  }

  @Test
  void unpushableConjunctStaysInCalciteAndThePushedOneLeaves() throws Exception {
    String plan = g.explain("select name from Person where age > 26 and upper(name) like 'A%'");
    assertTrue(plan.contains("filter=[age > 26]"), plan);
    assertTrue(plan.contains("UPPER("), plan);
    assertFalse(plan.contains(">($"), "the pushed comparison must not be evaluated twice: " + plan);
    assertEquals(List.of("Alice"), g.column("select name from Person where age > 26 and upper(name) like 'A%'"));
  }

  @Test
  void countStarIsAnsweredByTheEngineWithAndWithoutAFilter() throws Exception {
    assertEquals("EnumerableGraphCount(table=[[graph, Person]])", g.explain("select count(*) from Person").strip());
    assertEquals(List.of(4L), g.column("select count(*) from Person"));
    String filtered = g.explain("select count(*) from Person where age > ?", 26);
    assertEquals("EnumerableGraphCount(table=[[graph, Person]], filter=[age > ?0])", filtered.strip());
    assertEquals(List.of(3L), g.column("select count(*) from Person where age > ?", 26));
    assertEquals(List.of(1L), g.column("select count(*) from Person where age > ?", 30));
    assertTrue(g.explain("select count(*), count(*) from Knows").contains("EnumerableGraphCount"));
    assertEquals(List.of(List.of(3L, 3L)), g.query("select count(*), count(*) from Knows"));
    assertFalse(g.explain("select count(age) from Person").contains("EnumerableGraphCount"),
        "count of a nullable column counts values, not rows");
    assertFalse(g.explain("select count(*) from Person group by age").contains("EnumerableGraphCount"));
  }

  @Test
  void inListsRangesAndNegationsArePushed() throws Exception {
    assertTrue(g.explain("select name from Person where name in ('Alice', 'Bob')").contains("filter=[name IN ('Alice', 'Bob')]"));
    assertTrue(g.explain("select name from Person where age between 26 and 31").contains("filter=[age >= 26 AND age <= 31]"));
    assertTrue(g.explain("select name from Person where not (age < 30)").contains("filter=[age >= 30]"));
    assertTrue(g.explain("select name from Person where age is null or name like 'D%'")
        .contains("filter=[age IS NULL OR name LIKE 'D%']"));
    assertEquals(List.of("Alice", "Diana"), g.column("select name from Person where age between 26 and 31 order by name"));
  }

  @Test
  void parametersArePushedAndBoundPerExecution() throws Exception {
    String plan = g.explain("select name from Person where age = ?", 25);
    assertTrue(plan.contains("filter=[age = ?0]"), plan);
    assertEquals(List.of("Bob"), g.column("select name from Person where age = ?", 25));
    assertEquals(List.of("Diana"), g.column("select name from Person where age = ?", 28));
  }

  @Test
  void datesArePushed() throws Exception {
    String plan = g.explain("select src from Knows where since > DATE '2021-01-01'");
    assertTrue(plan.contains("filter=[since > DATE '2021-01-01']"), plan);
    assertEquals(List.of("Bob"), g.column("select src from Knows where since > DATE '2021-01-01'"));
  }

  @Test
  void unorderedLimitIsPushedAndOrderedLimitIsNot() throws Exception {
    String plan = g.explain("select name from Person limit 2 offset 1");
    assertTrue(plan.contains("EnumerableLimit(offset=[1], fetch=[2])"), plan);
    assertTrue(plan.contains("columns=[name], limit=[2 + 1]"), plan);
    assertEquals(2, g.column("select name from Person limit 2 offset 1").size());
    assertFalse(g.explain("select name from Person order by name limit 2").contains("limit=["));
  }

  @Test
  void filterIsNeverPushedBelowALimit() throws Exception {
    String sql = "select name from (select name, age from Person limit 10) where age > 29";
    String plan = g.explain(sql);
    assertTrue(plan.contains("limit=[10]"), plan);
    assertFalse(plan.contains("filter=[age > 29], limit"), plan);
    assertEquals(List.of("Alice", "Charlie"), g.column(sql + " order by name"));
  }

  @Test
  void joinsPushIntoEachSide() throws Exception {
    String plan = g.explain("select a.name from Person a join Knows k on k.src = a.id where a.name = 'Alice'");
    assertTrue(plan.contains("GraphTableScan(table=[[graph, Person]], columns=[id, name], filter=[name = 'Alice'])"), plan);
    assertTrue(plan.contains("EnumerableLookupJoin(table=[[graph, Knows]], columns=[src], key=[id = src])"), plan);
    assertEquals(List.of("Alice", "Alice"),
        g.column("select a.name from Person a join Knows k on k.src = a.id where a.name = 'Alice'"));
  }

  @Test
  void aJoinAlongAnEdgeReadsOnlyTheKeysTheOtherSideFound() throws Exception {
    String sql = "select k2.dst from Knows k1 join Knows k2 on k1.dst = k2.src where k1.src = ? order by k2.dst";
    String plan = g.explain(sql, "Alice");
    assertEquals("""
        EnumerableCalc(expr#0..3=[{inputs}], dst=[$t3])
          EnumerableLookupJoin(table=[[graph, Knows]], columns=[src, dst], key=[dst = src])
            EnumerableGraphTableScan(table=[[graph, Knows]], columns=[src, dst], filter=[src = ?0])""",
        g.explain("select k2.dst from Knows k1 join Knows k2 on k1.dst = k2.src where k1.src = ?", "x").strip(),
        "the plan docs/sql-reference.md shows");
    assertTrue(plan.contains("EnumerableLookupJoin(table=[[graph, Knows]], columns=[src, dst], key=[dst = src])"), plan);
    assertTrue(plan.contains("filter=[src = ?0]"), plan);
    List<List<Object>> edges = g.query("select src, dst from Knows");
    List<Object> expected = edges.stream().filter(e -> e.get(0).equals("Alice"))
        .flatMap(e -> edges.stream().filter(f -> f.get(0).equals(e.get(1))).map(f -> f.get(1))).sorted().toList();
    assertFalse(expected.isEmpty(), "the fixture has a two-hop path from Alice: " + edges);
    assertEquals(expected, g.column(sql, "Alice"));
    assertEquals(List.of(), g.column(sql, "Nobody"));
    System.setProperty("omnigraph.lookupJoin.maxKeys", "0");
    try {
      g = g.reopen(); // plans again, under the new limit
      assertEquals(expected, g.column(sql, "Alice"), "past the key limit the right table is scanned whole");
    } finally {
      System.clearProperty("omnigraph.lookupJoin.maxKeys");
    }
    String byId = "select p.name, k.since from Knows k join Person p on p.id = k.dst where k.src = 'Alice' order by p.name";
    assertTrue(g.explain(byId).contains("EnumerableLookupJoin(table=[[graph, Person]]"), g.explain(byId));
    assertEquals(2, g.query(byId).size());
  }
}
