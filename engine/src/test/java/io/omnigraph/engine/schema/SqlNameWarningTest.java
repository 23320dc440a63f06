package io.omnigraph.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlNameWarningTest {

  @Test
  void propertiesAndTypesNamedLikeSqlKeywordsAreReportedInDeclarationOrder() {
    Catalog c = SchemaCompiler.compile("""
        interface Valued { value: F64? }
        node Purchase implements Valued { code: String @key, order: I32?, total: F64? }
        node User { name: String @key, date: Date? }
        edge Placed: User -> Purchase { at: DateTime? }
        """);

    assertEquals(List.of(
            new SqlNameWarning("Purchase", "order"),
            new SqlNameWarning("Purchase", "value"),
            new SqlNameWarning("User", null),
            new SqlNameWarning("User", "date"),
            new SqlNameWarning("Placed", "at")),
        SqlNameWarning.of(c));
  }

  @Test
  void theMessageShowsTheQuotedSpellingThatWorks() {
    assertEquals("property Purchase.order is a reserved word in SQL: write it in double quotes, as in"
        + " SELECT \"order\" FROM Purchase", new SqlNameWarning("Purchase", "order").message());
    assertTrue(new SqlNameWarning("User", null).message().contains("SELECT * FROM \"User\""));
  }

  @Test
  void ordinaryNamesGiveNoWarning() {
    assertEquals(List.of(), SqlNameWarning.of(SchemaCompiler.compile(Fixtures.testPg())));
    assertTrue(SqlNameWarning.isReserved("Order"), "unquoted SQL names fold, so case does not matter");
  }
}
