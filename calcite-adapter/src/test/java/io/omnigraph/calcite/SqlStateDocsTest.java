package io.omnigraph.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every SQLState the driver and its SQL layer can report is in the error table of the SQL reference. */
class SqlStateDocsTest {
  @Test
  void theSqlReferenceListsEveryState() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "sql-reference.md"));
    List<String> missing = Arrays.stream(SqlState.values()).map(SqlState::code)
        .filter(code -> !doc.contains("`" + code + "`")).toList();
    assertEquals(List.of(), missing, "states missing from docs/sql-reference.md");
  }
}
