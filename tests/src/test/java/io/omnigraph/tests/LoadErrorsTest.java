package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A LOAD DATA file with one bad line fails with a message that names the line (and the column for
 * malformed JSON), in the user's terms rather than the JSON parser's, and loads nothing.
 */
class LoadErrorsTest extends OnFixtureGraph {
  private static final String GOOD = "{\"type\": \"Person\", \"data\": {\"name\": \"Eve\", \"age\": 41}}\n";


  static Stream<Arguments> badThirdLines() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"type\": \"Person\", \"data\": {name: \"Zed\"}}", "22023",
            "line 3, column 29: not valid JSON: unexpected character 'n': member names need double quotes"),
        Arguments.of("truncated JSON", "{\"type\": \"Person\", \"data\": {\"name\": \"Zed\"", "22023",
            "line 3, column 42: not valid JSON: the line ends inside an object"),
        Arguments.of("not an object", "[1, 2]", "22023", "line 3: expected one JSON object per line"),
        Arguments.of("duplicate member", "{\"type\": \"Person\", \"data\": {\"name\": \"Zed\", \"name\": \"Zoe\"}}", "22023",
            "line 3, column 50: not valid JSON: member 'name' appears twice"),
        Arguments.of("wrong type", "{\"type\": \"Person\", \"data\": {\"name\": \"Zed\", \"age\": \"old\"}}", "22018",
            "line 3: Person.age expects Int32, got string 'old'"),
        Arguments.of("trailing value", GOOD.strip() + " {}", "22023",
            "line 3, column 56: not valid JSON: something follows the object"),
        Arguments.of("@range", "{\"type\": \"Person\", \"data\": {\"name\": \"Zed\", \"age\": 200}}", "23514",
            "line 3: Person 'Zed': @range violation"),
        Arguments.of("out of range", "{\"type\": \"Note\", \"data\": {\"body\": \"n\", \"amount\": -1}}", "22003",
            "line 3: Note.amount value -1 is out of range for UInt32"),
        Arguments.of("missing edge endpoint key", "{\"edge\": \"Knows\", \"from\": \"Alice\"}", "22023",
            "line 3: edge lines need string \"from\" and \"to\""),
        Arguments.of("missing type key", "{\"data\": {\"name\": \"Zed\"}}", "22023",
            "line 3: exactly one of \"type\" and \"edge\""),
        Arguments.of("unknown property", "{\"type\": \"Person\", \"data\": {\"name\": \"Zed\", \"nick\": \"Z\"}}", "22023",
            "line 3: unknown input field 'nick'"),
        Arguments.of("missing @key property", "{\"type\": \"Person\", \"data\": {\"age\": 3}}", "23502",
            "line 3: missing required property 'name'"),
        Arguments.of("missing required property", "{\"type\": \"Company\", \"data\": {\"name\": \"Initech\"}}", "23502",
            "line 3: Company 'Initech': missing required property 'country'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badThirdLines")
  void aBadLineIsNamedAndNothingIsLoaded(String what, String line, String state, String expected) throws Exception {
    Path file = dir.resolve(what.replace(' ', '-') + ".jsonl");
    Files.writeString(file, GOOD + "\n" + line + "\n" + GOOD.replace("Eve", "Fay"));
    GraphState before = GraphState.of(connection);
    try (Statement s = connection.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.execute("LOAD DATA FROM '" + file + "'"));
      assertEquals(state, e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().startsWith(expected), e.getMessage());
      for (String internal : new String[] {"[Source", "code 1", "JsonParser", "jackson", "Exception", "\n"}) {
        assertFalse(e.getMessage().contains(internal), "no parser internals: " + e.getMessage());
      }
    }
    assertEquals(before, GraphState.of(connection));
  }
}
