package io.omnigraph.calcite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.Property;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every .pg value type through SQL: column types, literals, parameters and values read back. */
class ValueTypesTest {
  static final String SCHEMA = """
      node Thing {
        name: String @key
        flag: Bool?
        small: I32?
        big: I64?
        uns: U32?
        huge: U64?
        ratio: F32?
        score: F64?
        born: Date?
        seen: DateTime?
        payload: Blob?
        tags: [String]?
        counts: [I32]?
        embedding: Vector(3)?
        color: enum(red, green)?
      }
      """;
  static final String ALL_COLUMNS =
      "name, flag, small, big, uns, huge, ratio, score, born, seen, payload, tags, counts, embedding, color";

  @TempDir Path dir;
  FixtureGraph g;

  @BeforeEach
  void open() throws Exception {
    g = FixtureGraph.empty(dir, SCHEMA);
  }

  @AfterEach
  void close() throws Exception {
    g.close();
  }

  @Test
  void columnsReportTheSqlTypesOfSqlTypes() throws Exception {
    EntityType thing = g.graph.catalog().type("Thing").orElseThrow();
    try (TestQuery ps = TestQuery.prepare(g.session, "select * from Thing");
        ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 0; i < thing.properties().size(); i++) {
        Property p = thing.properties().get(i);
        assertEquals(SqlTypes.jdbcType(p.type()), md.getColumnType(i + 2), p.name());
      }
      assertEquals(20, md.getPrecision(7), "U64 is DECIMAL(20, 0)");
    }
  }

  @Test
  void literalsOfEveryTypeRoundTrip() throws Exception {
    g.execute("insert into Thing (" + ALL_COLUMNS + ") values ('a', true, -1, 2, 3, 18446744073709551615, 1.5,"
        + " 2.25, DATE '2024-02-03', TIMESTAMP '2024-02-03 04:05:06.789', X'CAFE', ARRAY['x', 'y'], ARRAY[1, 2],"
        + " ARRAY[0.5, 1.5, 2.5], 'red')");
    assertStoredAndRead("a");
  }

  @Test
  void parametersOfEveryTypeRoundTrip() throws Exception {
    g.execute("insert into Thing (" + ALL_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        "a", true, -1, 2L, 3L, new BigInteger("18446744073709551615"), 1.5f, 2.25,
        LocalDate.of(2024, 2, 3), Instant.parse("2024-02-03T04:05:06.789Z"), new byte[] {(byte) 0xCA, (byte) 0xFE},
        List.of("x", "y"), List.of(1, 2), new float[] {0.5f, 1.5f, 2.5f}, "red");
    assertStoredAndRead("a");
  }

  @Test
  void valuesCopiedThroughAQueryKeepTheirTypes() throws Exception {
    literalsOfEveryTypeRoundTrip();
    g.execute("insert into Thing (" + ALL_COLUMNS + ") select 'b', flag, small, big, uns, huge, ratio, score,"
        + " born, seen, payload, tags, counts, embedding, color from Thing where name = 'a'");
    assertStoredAndRead("b");
    g.execute("update Thing set seen = seen, born = born, huge = huge where name = 'b'");
    assertStoredAndRead("b");
  }

  @Test
  void filtersOnEveryScalarTypeFindTheRow() throws Exception {
    literalsOfEveryTypeRoundTrip();
    for (String where : new String[] {"flag", "small = -1", "big > 1", "uns = 3", "huge = 18446744073709551615",
        "ratio = 1.5", "score < 3", "born = DATE '2024-02-03'", "seen = TIMESTAMP '2024-02-03 04:05:06.789'",
        "color = 'red'", "payload = X'CAFE'"}) {
      assertEquals(List.of("a"), g.column("select name from Thing where " + where), where);
    }
    assertEquals(List.of("a"), g.column("select name from Thing where huge = ?", new BigInteger("18446744073709551615")));
    String plan = g.explain("select name from Thing where seen >= TIMESTAMP '2024-02-03 04:05:06.789'");
    assertTrue(plan.contains("filter=[seen >= TIMESTAMP '2024-02-03 04:05:06.789']"), plan);
    assertEquals(List.of("a"), g.column("select name from Thing where seen = ?",
        Timestamp.valueOf(LocalDateTime.of(2024, 2, 3, 4, 5, 6, 789_000_000))));
  }

  private void assertStoredAndRead(String name) throws Exception {
    Map<String, Object> stored = g.graph.snapshot("main").get("Thing", name).orElseThrow();
    assertEquals(true, stored.get("flag"));
    assertEquals(-1, stored.get("small"));
    assertEquals(2L, stored.get("big"));
    assertEquals(3L, stored.get("uns"));
    assertEquals(new BigInteger("18446744073709551615"), stored.get("huge"));
    assertEquals(1.5f, stored.get("ratio"));
    assertEquals(2.25, stored.get("score"));
    assertEquals(LocalDate.of(2024, 2, 3), stored.get("born"));
    assertEquals(Instant.parse("2024-02-03T04:05:06.789Z"), stored.get("seen"));
    assertArrayEquals(new byte[] {(byte) 0xCA, (byte) 0xFE}, (byte[]) stored.get("payload"));
    assertEquals(List.of("x", "y"), stored.get("tags"));
    assertEquals(List.of(1, 2), stored.get("counts"));
    assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f}, (float[]) stored.get("embedding"));
    assertEquals("red", stored.get("color"));

    try (TestQuery ps = TestQuery.prepare(g.session, "select " + ALL_COLUMNS + " from Thing where name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertEquals(true, rs.getObject("flag"));
        assertEquals(-1, rs.getObject("small"));
        assertEquals(2L, rs.getObject("big"));
        assertEquals(3L, rs.getObject("uns"));
        assertEquals(new BigDecimal("18446744073709551615"), rs.getObject("huge"));
        assertEquals(1.5f, rs.getObject("ratio"));
        assertEquals(2.25, rs.getObject("score"));
        assertEquals(java.sql.Date.valueOf(LocalDate.of(2024, 2, 3)), rs.getObject("born"));
        assertEquals(Timestamp.valueOf(LocalDateTime.of(2024, 2, 3, 4, 5, 6, 789_000_000)), rs.getObject("seen"));
        assertArrayEquals(new byte[] {(byte) 0xCA, (byte) 0xFE}, rs.getBytes("payload"));
        assertEquals(List.of("x", "y"), items(rs.getArray("tags")));
        assertEquals(List.of(1, 2), items(rs.getArray("counts")));
        assertEquals(List.of(0.5f, 1.5f, 2.5f), items(rs.getArray("embedding")));
        assertEquals("red", rs.getString("color"));
      }
    }
  }

  /** The elements of a SQL array; Avatica hands primitive arrays for primitive element types. */
  private static List<Object> items(java.sql.Array array) throws Exception {
    Object values = array.getArray();
    List<Object> out = new java.util.ArrayList<>();
    for (int i = 0; i < java.lang.reflect.Array.getLength(values); i++) out.add(java.lang.reflect.Array.get(values, i));
    return out;
  }
}
