package io.omnigraph.engine.schema;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code pg} example of docs/schema-language.md compiles, except those whose first line is
 * {@code // not allowed: <message>}, which the compiler must refuse with that message.
 */
class SchemaLanguageDocTest {
  private static final Path DOC = Path.of("..", "docs", "schema-language.md");
  private static final Pattern BLOCK = Pattern.compile("(?ms)^```pg\\n(.*?)^```$");
  private static final String NOT_ALLOWED = "// not allowed: ";

  /** The {@code pg} blocks of the document, each with the line it starts on. */
  static List<Arguments> examples() throws IOException {
    String doc = Files.readString(DOC);
    List<Arguments> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(doc);
    while (m.find()) {
      int line = (int) doc.substring(0, m.start()).lines().count() + 1;
      out.add(Arguments.of("line " + line, m.group(1)));
    }
    return out;
  }

  static Stream<Arguments> allowed() throws IOException {
    return examples().stream().filter(a -> !((String) a.get()[1]).startsWith(NOT_ALLOWED));
  }

  static Stream<Arguments> refused() throws IOException {
    return examples().stream().filter(a -> ((String) a.get()[1]).startsWith(NOT_ALLOWED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allowed")
  void anExampleCompiles(String where, String source) {
    Catalog catalog = assertDoesNotThrow(() -> SchemaCompiler.compile(source), where);
    // Examples model good names; only the one showing the warning uses names SQL reserves.
    if (!source.contains("with a warning")) {
      assertEquals(List.of(), SqlNameWarning.of(catalog), where);
    } else {
      assertFalse(SqlNameWarning.of(catalog).isEmpty(), where);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void aNotAllowedExampleIsRefusedWithItsMessage(String where, String source) {
    String expected = source.lines().findFirst().orElseThrow().substring(NOT_ALLOWED.length()).strip();
    SchemaException e = assertThrows(SchemaException.class, () -> SchemaCompiler.compile(source), where);
    assertTrue(e.getMessage().contains(expected), where + ": expected '" + expected + "' in: " + e.getMessage());
  }

  @Test
  void theDocumentShowsBothKinds() throws IOException {
    assertTrue(allowed().count() >= 15, "allowed examples");
    assertTrue(refused().count() >= 25, "not-allowed examples");
  }
}
