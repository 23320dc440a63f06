package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Browses the graph the way DBeaver's generic driver does (CALCITE-JDBC-NOTES): catalogs, schemas,
 * tables, columns, then primary and imported keys of every table with "%", index and type info.
 * The edge foreign keys are what make an ER diagram of the graph.
 */
class MetadataCrawlTest {
  @TempDir static Path dir;
  static Connection connection;
  static DatabaseMetaData md;

  @BeforeAll
  static void open() throws SQLException {
    connection = Fixture.createLoaded(dir);
    md = connection.getMetaData();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
    try (rs) {
      ResultSetMetaData m = rs.getMetaData();
      List<Map<String, Object>> out = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= m.getColumnCount(); i++) row.put(m.getColumnName(i), rs.getObject(i));
        out.add(row);
      }
      return out;
    }
  }

  private static List<String> columnNames(ResultSet rs) throws SQLException {
    try (rs) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) names.add(rs.getMetaData().getColumnName(i));
      return names;
    }
  }

  @Test
  void productAndCapabilities() throws SQLException {
    assertEquals("OmniGraph", md.getDatabaseProductName());
    assertFalse(md.getDatabaseProductVersion().isBlank());
    assertFalse(md.getDriverVersion().isBlank());
    assertTrue(md.supportsTransactions());
    assertTrue(md.supportsBatchUpdates());
    assertTrue(md.supportsGetGeneratedKeys());
    assertEquals(Connection.TRANSACTION_REPEATABLE_READ, md.getDefaultTransactionIsolation());
    assertEquals("\"", md.getIdentifierQuoteString());
    assertTrue(md.storesMixedCaseIdentifiers());
    assertFalse(md.supportsMixedCaseIdentifiers());
    assertEquals("graph", connection.getSchema());
    assertTrue(connection.isValid(1));
  }

  @Test
  void catalogsAndSchemas() throws SQLException {
    assertTrue(rows(md.getCatalogs()).isEmpty());
    assertEquals(List.of("graph"), rows(md.getSchemas()).stream().map(r -> r.get("TABLE_SCHEM")).toList());
    assertEquals(1, rows(md.getSchemas(null, "gr%")).size());
    assertTrue(rows(md.getSchemas(null, "other")).isEmpty());
    assertEquals(List.of("SYSTEM TABLE", "TABLE"), rows(md.getTableTypes()).stream().map(r -> r.get("TABLE_TYPE")).toList());
  }

  @Test
  void tablesAreTheNodeAndEdgeTypesPlusSystemTables() throws SQLException {
    Map<String, Object> types = new LinkedHashMap<>();
    Map<String, Object> remarks = new LinkedHashMap<>();
    for (Map<String, Object> r : rows(md.getTables(null, "graph", "%", null))) {
      types.put((String) r.get("TABLE_NAME"), r.get("TABLE_TYPE"));
      remarks.put((String) r.get("TABLE_NAME"), r.get("REMARKS"));
    }
    for (String t : List.of("Person", "Company", "Note", "Knows", "WorksAt")) assertEquals("TABLE", types.get(t), t);
    for (String t : List.of("_graph_commits", "_graph_branches", "_graph_tables", "_graph_recoveries")) {
      assertEquals("SYSTEM TABLE", types.get(t), t);
    }
    assertEquals("Someone in the network", remarks.get("Person"));
    assertEquals("Acquaintance", remarks.get("Knows"));
    assertEquals(5, rows(md.getTables(null, null, null, new String[] {"TABLE"})).size());
    assertEquals(List.of("Person"), rows(md.getTables("", "graph", "Pers%", null)).stream()
        .map(r -> r.get("TABLE_NAME")).toList());
  }

  @Test
  void columnsCarryTypesNullabilityOrderAndRemarks() throws SQLException {
    Map<String, Map<String, Object>> person = new LinkedHashMap<>();
    for (Map<String, Object> r : rows(md.getColumns(null, "graph", "Person", "%"))) {
      person.put((String) r.get("COLUMN_NAME"), r);
    }
    assertEquals(List.of("id", "name", "age", "email", "status"), List.copyOf(person.keySet()));
    assertEquals(Types.VARCHAR, ((Number) person.get("id").get("DATA_TYPE")).intValue());
    assertEquals("NO", person.get("id").get("IS_NULLABLE"));
    assertEquals(DatabaseMetaData.columnNoNulls, ((Number) person.get("name").get("NULLABLE")).intValue());
    assertEquals("Full name; also the id", person.get("name").get("REMARKS"));
    assertEquals(Types.INTEGER, ((Number) person.get("age").get("DATA_TYPE")).intValue());
    assertEquals("INTEGER", person.get("age").get("TYPE_NAME"));
    assertEquals("YES", person.get("age").get("IS_NULLABLE"));
    assertEquals(3, ((Number) person.get("age").get("ORDINAL_POSITION")).intValue());

    Map<String, Map<String, Object>> note = new LinkedHashMap<>();
    for (Map<String, Object> r : rows(md.getColumns(null, null, "Note", null))) note.put((String) r.get("COLUMN_NAME"), r);
    assertEquals(Types.DECIMAL, ((Number) note.get("big").get("DATA_TYPE")).intValue());
    assertEquals(20, ((Number) note.get("big").get("COLUMN_SIZE")).intValue());
    assertEquals(Types.ARRAY, ((Number) note.get("embedding").get("DATA_TYPE")).intValue());
    assertEquals("REAL ARRAY", note.get("embedding").get("TYPE_NAME"));
    assertEquals(Types.TIMESTAMP, ((Number) note.get("stamped").get("DATA_TYPE")).intValue());

    List<String> knows = rows(md.getColumns(null, null, "Knows", null)).stream()
        .map(r -> (String) r.get("COLUMN_NAME")).toList();
    assertEquals(List.of("id", "src", "dst", "since"), knows);
    List<String> commits = rows(md.getColumns(null, null, "_graph_commits", null)).stream()
        .map(r -> (String) r.get("COLUMN_NAME")).toList();
    assertTrue(commits.containsAll(List.of("graph_commit_id", "actor_id", "created_at")), commits.toString());
  }

  @Test
  void primaryKeysInBulkWithPercent() throws SQLException {
    Set<String> keys = new TreeSet<>();
    for (Map<String, Object> r : rows(md.getPrimaryKeys(null, "graph", "%"))) {
      assertEquals("id", r.get("COLUMN_NAME"));
      assertEquals(1, ((Number) r.get("KEY_SEQ")).intValue());
      keys.add(r.get("TABLE_NAME") + ":" + r.get("PK_NAME"));
    }
    assertEquals(Set.of("Company:Company_pk", "Knows:Knows_pk", "Note:Note_pk", "Person:Person_pk",
        "WorksAt:WorksAt_pk"), keys);
    assertEquals(1, rows(md.getPrimaryKeys(null, null, "Person")).size());
  }

  @Test
  void importedKeysInBulkAreTheEdgeEndpoints() throws SQLException {
    List<Map<String, Object>> fks = rows(md.getImportedKeys(null, "graph", "%"));
    Set<String> edges = new TreeSet<>();
    for (Map<String, Object> r : fks) {
      edges.add(r.get("FKTABLE_NAME") + "." + r.get("FKCOLUMN_NAME") + "->" + r.get("PKTABLE_NAME") + "."
          + r.get("PKCOLUMN_NAME") + " " + r.get("FK_NAME") + "/" + r.get("PK_NAME"));
      assertEquals("graph", r.get("PKTABLE_SCHEM"));
      assertEquals("graph", r.get("FKTABLE_SCHEM"));
      assertEquals(1, ((Number) r.get("KEY_SEQ")).intValue());
      assertEquals(DatabaseMetaData.importedKeyNoAction, ((Number) r.get("UPDATE_RULE")).intValue());
      assertEquals(DatabaseMetaData.importedKeyCascade, ((Number) r.get("DELETE_RULE")).intValue());
      assertEquals(DatabaseMetaData.importedKeyInitiallyDeferred, ((Number) r.get("DEFERRABILITY")).intValue());
    }
    assertEquals(Set.of(
        "Knows.dst->Person.id Knows_dst_fk/Person_pk",
        "Knows.src->Person.id Knows_src_fk/Person_pk",
        "WorksAt.dst->Company.id WorksAt_dst_fk/Company_pk",
        "WorksAt.src->Person.id WorksAt_src_fk/Person_pk"), edges);
    assertEquals(2, rows(md.getImportedKeys(null, null, "WorksAt")).size());
    assertTrue(rows(md.getImportedKeys(null, null, "Person")).isEmpty());
  }

  @Test
  void exportedKeysAndCrossReferenceSeeTheSameEdges() throws SQLException {
    List<String> exported = rows(md.getExportedKeys(null, null, "Person")).stream()
        .map(r -> (String) r.get("FK_NAME")).toList();
    assertEquals(List.of("Knows_dst_fk", "Knows_src_fk", "WorksAt_src_fk"), exported);
    List<String> cross = rows(md.getCrossReference(null, null, "Company", null, null, "WorksAt")).stream()
        .map(r -> (String) r.get("FKCOLUMN_NAME")).toList();
    assertEquals(List.of("dst"), cross);
  }

  @Test
  void indexInfoListsTheUniquePrimaryKeyIndex() throws SQLException {
    List<Map<String, Object>> person = rows(md.getIndexInfo(null, "graph", "Person", false, true));
    Map<String, Object> pk = person.stream().filter(r -> "Person_pk".equals(r.get("INDEX_NAME"))).findFirst().orElseThrow();
    assertEquals(false, pk.get("NON_UNIQUE"));
    assertEquals("id", pk.get("COLUMN_NAME"));
    assertEquals(4L, ((Number) pk.get("CARDINALITY")).longValue());
    assertTrue(person.stream().anyMatch(r -> "Person_email_unique".equals(r.get("INDEX_NAME"))));
    List<Map<String, Object>> all = rows(md.getIndexInfo(null, "graph", "%", true, true));
    assertTrue(all.stream().allMatch(r -> Boolean.FALSE.equals(r.get("NON_UNIQUE"))));
    assertEquals(5, all.stream().filter(r -> "id".equals(r.get("COLUMN_NAME"))).count());
  }

  @Test
  void typeInfoCoversEveryMappedType() throws SQLException {
    Set<Integer> types = new TreeSet<>();
    for (Map<String, Object> r : rows(md.getTypeInfo())) types.add(((Number) r.get("DATA_TYPE")).intValue());
    assertEquals(new TreeSet<>(List.of(Types.VARCHAR, Types.BOOLEAN, Types.INTEGER, Types.BIGINT, Types.DECIMAL,
        Types.REAL, Types.DOUBLE, Types.DATE, Types.TIMESTAMP, Types.VARBINARY, Types.ARRAY)), types);
  }

  @Test
  void theChangesTableFunctionIsListedAsAFunctionReturningATable() throws SQLException {
    List<Map<String, Object>> functions = rows(md.getFunctions(null, "graph", "%"));
    assertEquals(List.of("_graph_changes"), functions.stream().map(r -> r.get("FUNCTION_NAME")).toList());
    assertEquals(DatabaseMetaData.functionReturnsTable, ((Number) functions.get(0).get("FUNCTION_TYPE")).intValue());
    assertTrue(rows(md.getFunctions(null, null, "upper")).isEmpty());
    List<String> recoveries = rows(md.getColumns(null, null, "_graph_recoveries", null)).stream()
        .map(r -> (String) r.get("COLUMN_NAME")).toList();
    assertEquals(List.of("graph_commit_id", "recovery_kind", "recovery_for_actor", "operation_id",
        "sidecar_writer_kind", "per_table_outcomes", "created_at"), recoveries);
  }

  @Test
  void absentFeaturesAnswerEmptyResultsWithJdbcColumns() throws SQLException {
    assertTrue(rows(md.getProcedures(null, null, "%")).isEmpty());
    assertTrue(rows(md.getUDTs(null, null, "%", null)).isEmpty());
    assertTrue(rows(md.getSuperTables(null, null, "%")).isEmpty());
    assertEquals(List.of("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "RESERVED1", "RESERVED2", "RESERVED3",
        "REMARKS", "PROCEDURE_TYPE", "SPECIFIC_NAME"), columnNames(md.getProcedures(null, null, null)));
    assertEquals(6, columnNames(md.getFunctions(null, null, null)).size());
  }
}
