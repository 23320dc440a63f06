package io.omnigraph.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements of one shape share one compiled class, and each still reads its own table, filter
 * and columns: those reach the class through the execution's context, by name.
 */
class CompiledCodeTest {
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
  void statementsOfOneShapeShareACompiledClassAndKeepTheirOwnAnswers() throws Exception {
    GraphPlanner planner = g.session.planner();
    assertEquals(List.of("Alice", "Charlie"), sorted(g.column("SELECT name FROM Person WHERE age > 29")));
    long first = planner.sourcesCompiled();
    assertEquals(List.of("Alice", "Charlie", "Diana"), sorted(g.column("SELECT p.name FROM Person p WHERE p.age > 26")));
    assertEquals(List.of("Acme", "Globex"), sorted(g.column("SELECT name FROM Company")));
    assertEquals(List.of("Bob"), sorted(g.column("SELECT name FROM Person WHERE age < ?", 27)));
    assertEquals(first, planner.sourcesCompiled(), "one class serves every single-column scan");
    assertEquals(4L, planner.plansMade(), "each text is still planned on its own");

    assertEquals(List.of(List.of("Alice", 30)), g.query("SELECT name, age FROM Person WHERE name = 'Alice'"));
    assertEquals(first + 1, planner.sourcesCompiled(), "a two-column row is another class");
    assertEquals(List.of(List.of("Diana", 28)), g.query("SELECT name, age FROM Person WHERE name = ?", "Diana"));
    assertEquals(first + 1, planner.sourcesCompiled());
  }

  private static List<Object> sorted(List<Object> values) {
    return values.stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
  }
}
