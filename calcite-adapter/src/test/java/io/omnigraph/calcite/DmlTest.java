package io.omnigraph.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.Rule;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DmlTest {
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
  void insertDerivesKeyedIdsAndReturnsThem() throws Exception {
    DmlResult r = g.execute("insert into Person (name, age) values ('Eve', 41), ('Frank', null)");
    assertEquals(new DmlResult(2, List.of("Eve", "Frank")), r);
    assertEquals(List.of(List.of("Eve", 41)), g.query("select id, age from Person where name = 'Eve'"));
    assertEquals(List.of("Frank"), g.column("select name from Person where age is null"));
  }

  @Test
  void insertWithoutColumnListTakesAllColumnsOrAllButId() throws Exception {
    g.execute("insert into Person values ('Gus', 'Gus', 50)");
    g.execute("insert into Person values ('Hal', 51)");
    assertEquals(List.of("Gus", "Hal"), g.column("select id from Person where age > 40 order by id"));
  }

  @Test
  void insertOfDefaultOmitsTheValue() throws Exception {
    assertEquals(List.of("Ike"), g.execute("insert into Person values (DEFAULT, 'Ike', DEFAULT)").generatedIds());
    assertEquals(List.of(List.of("Ike", "Ike")), g.query("select id, name from Person where name = 'Ike' and age is null"));
  }

  @Test
  void insertOfAnExistingKeyIsAKeyViolation() {
    ConstraintViolation e = assertThrows(ConstraintViolation.class,
        () -> g.execute("insert into Person (name, age) values ('Alice', 1)"));
    assertEquals(Rule.KEY, e.rule());
  }

  @Test
  void insertIntoEdgesGeneratesIds() throws Exception {
    DmlResult r = g.execute("insert into Knows (src, dst, since) values ('Charlie', 'Diana', DATE '2023-03-03')");
    assertEquals(1, r.count());
    assertEquals(26, r.generatedIds().get(0).length(), "a ULID");
    assertEquals(List.of(List.of(r.generatedIds().get(0), Date.valueOf(LocalDate.of(2023, 3, 3)))),
        g.query("select id, since from Knows where src = 'Charlie'"));
  }

  @Test
  void insertOfAnEdgeToAMissingNodeIsAnEndpointViolation() {
    ConstraintViolation e = assertThrows(ConstraintViolation.class,
        () -> g.execute("insert into WorksAt (src, dst) values ('Alice', 'Nowhere')"));
    assertEquals(Rule.ENDPOINT, e.rule());
  }

  @Test
  void insertSelectCopiesRowsThroughAQuery() throws Exception {
    DmlResult r = g.execute("insert into Company (name) select upper(name) from Person where age < 29");
    assertEquals(2, r.count());
    assertEquals(List.of("BOB", "DIANA"), g.column("select name from Company where name = upper(name) order by 1"));
  }

  @Test
  void insertOfComputedValuesCastsToTheColumnType() throws Exception {
    g.execute("insert into Person (name, age) values ('I' || 'vy', 20 + 2)");
    assertEquals(List.of(22), g.column("select age from Person where name = 'Ivy'"));
  }

  @Test
  void parameterizedInsertReusesOnePlan() throws Exception {
    DmlStatement st = g.session.prepareDml("insert into Person (name, age) values (?, ?)");
    assertEquals(2, st.parameterCount());
    GraphTransaction tx = g.begin();
    st.execute(tx, List.of("P1", 1));
    st.execute(tx, List.of("P2", 2L));
    tx.commit();
    assertEquals(List.of("P1", "P2"), g.column("select name from Person where age < 5 order by age"));
    SqlAssert.fails("07001", () -> st.execute(g.begin(), List.of("only one")));
  }

  @Test
  void upsertReplacesByIdAndInsertsMissing() throws Exception {
    DmlResult r = g.execute("upsert into Person (name, age) values ('Alice', 31), ('Zoe', 19)");
    assertEquals(2, r.count());
    assertEquals(List.of(31), g.column("select age from Person where name = 'Alice'"));
    assertEquals(List.of(19), g.column("select age from Person where name = 'Zoe'"));
  }

  @Test
  void updateChangesMatchingRowsWithComputedAndParameterValues() throws Exception {
    DmlResult r = g.execute("update Person set age = age + ? where age < ?", 10, 30);
    assertEquals(new DmlResult(2, List.of()), r);
    assertEquals(List.of(35, 38), g.column("select age from Person where name in ('Bob', 'Diana') order by age"));
    assertEquals(List.of(30), g.column("select age from Person where name = 'Alice'"));
  }

  @Test
  void updateOfRowsWithEqualValuesUpdatesEachOnce() throws Exception {
    g.execute("update Person set age = 40");
    DmlResult r = g.execute("update Person set age = 41 where age = 40");
    assertEquals(4, r.count());
    assertEquals(List.of(4L), g.column("select count(*) from Person where age = 41"));
  }

  @Test
  void updateOfEdgeEndpointMovesTheEdge() throws Exception {
    g.execute("update WorksAt set dst = 'Globex' where src = 'Alice'");
    assertEquals(List.of("Globex", "Globex"), g.column("select dst from WorksAt order by src"));
  }

  @Test
  void updateOfAKeyPropertyIsRefused() {
    ConstraintViolation e = assertThrows(ConstraintViolation.class,
        () -> g.execute("update Person set name = 'Alicia' where name = 'Alice'"));
    assertEquals(Rule.KEY_UPDATE, e.rule());
    SqlAssert.fails("42000", () -> g.session.prepareDml("update Person set id = 'x'"));
  }

  @Test
  void updateMatchingNothingChangesNothing() throws Exception {
    assertEquals(new DmlResult(0, List.of()), g.execute("update Person set age = 1 where name = 'Nobody'"));
  }

  @Test
  void deleteOfNodesCascadesToTheirEdges() throws Exception {
    DmlResult r = g.execute("delete from Person where name = ?", "Bob");
    assertEquals(1, r.count());
    assertEquals(List.of("Charlie"), g.column("select dst from Knows"));
    assertEquals(List.of("Alice"), g.column("select src from WorksAt"));
  }

  @Test
  void deleteOfRowsWithEqualValuesDeletesEachOnce() throws Exception {
    g.execute("insert into Knows (src, dst) values ('Diana', 'Alice'), ('Diana', 'Alice'), ('Diana', 'Alice')");
    String firstId = (String) g.column("select id from Knows where src = 'Diana' order by id").get(0);
    DmlResult r = g.execute("delete from Knows where src = 'Diana' and id <> ?", firstId);
    assertEquals(2, r.count());
    assertEquals(List.of(firstId), g.column("select id from Knows where src = 'Diana'"));
    assertEquals(1, g.execute("delete from Knows k where k.src = 'Diana'").count());
  }

  @Test
  void mergeUpdatesMatchedRowsAndInsertsTheRest() throws Exception {
    DmlResult r = g.execute("""
        merge into Person t
        using (values ('Alice', 60), ('Yan', 61)) as s (name, age)
        on t.id = s.name
        when matched then update set age = s.age
        when not matched then insert (name, age) values (s.name, s.age)""");
    assertEquals(new DmlResult(2, List.of("Yan")), r);
    assertEquals(List.of(List.of("Alice", 60), List.of("Yan", 61)),
        g.query("select name, age from Person where age >= 60 order by name"));
  }

  @Test
  void mergeTakesParametersInStatementOrder() throws Exception {
    g.execute("""
        merge into Person t
        using (select cast(? as varchar) as name, cast(? as integer) as age) s
        on t.id = s.name
        when matched then update set age = s.age + ?
        when not matched then insert (name, age) values (s.name, s.age)""", "Bob", 70, 1);
    assertEquals(List.of(71), g.column("select age from Person where name = 'Bob'"));
  }

  @Test
  void statementsOfOneTransactionSeeEachOther() throws Exception {
    GraphTransaction tx = g.begin();
    g.session.prepareDml("insert into Person (name, age) values ('Quinn', 5)").execute(tx, List.of());
    assertEquals(List.of("Quinn"), g.column("select name from Person where age = 5"), "the query reads the transaction");
    g.session.prepareDml("update Person set age = 6 where name = 'Quinn'").execute(tx, List.of());
    g.session.prepareDml("insert into Knows (src, dst) select 'Quinn', id from Person where age = 6")
        .execute(tx, List.of());
    assertEquals(List.of("Quinn"), g.column("select dst from Knows where src = 'Quinn'"));
    tx.rollback();
    g.tx = null;
    assertEquals(List.of(), g.column("select name from Person where name = 'Quinn'"));
  }

  @Test
  void isDmlRecognizesWritesButNotQueriesOrMergeBranch() {
    assertTrue(g.session.isDml("  insert into Person values ('a', 1)"));
    assertTrue(g.session.isDml("/* c */ UPSERT into Person values ('a', 1)"));
    assertTrue(g.session.isDml("update Person set age = 1"));
    assertTrue(g.session.isDml("-- x\ndelete from Person"));
    assertTrue(g.session.isDml("merge into Person t using x on true when matched then update set age = 1"));
    assertFalse(g.session.isDml("merge branch feature into main"));
    assertFalse(g.session.isDml("select * from Person"));
    assertFalse(g.session.isDml("explain plan for select 1"));
  }
}
