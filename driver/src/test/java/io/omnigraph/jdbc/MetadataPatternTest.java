package io.omnigraph.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetadataPatternTest {

  @Test
  void percentAndUnderscoreAreWildcards() {
    assertTrue(MetadataPattern.of("%").matches("Person"));
    assertTrue(MetadataPattern.of(null).matches("Person"));
    assertTrue(MetadataPattern.of("Per%").matches("Person"));
    assertTrue(MetadataPattern.of("P_rson").matches("Person"));
    assertFalse(MetadataPattern.of("per%").matches("Person"), "patterns match names exactly as declared");
  }

  @Test
  void escapedWildcardsAreLiteral() {
    assertTrue(MetadataPattern.of("\\_graph\\_commits").matches("_graph_commits"));
    assertFalse(MetadataPattern.of("\\_graph\\_commits").matches("xgraph_commits"));
  }

  @Test
  void regexCharactersHaveNoSpecialMeaning() {
    assertTrue(MetadataPattern.of("a.b").matches("a.b"));
    assertFalse(MetadataPattern.of("a.b").matches("axb"));
  }

  @Test
  void exactNameArgumentsOnlyBecomePatternsWithPercent() {
    assertFalse(MetadataPattern.exactOrPattern("Works_t").matches("WorksAt"));
    assertTrue(MetadataPattern.exactOrPattern("WorksAt").matches("WorksAt"));
    assertTrue(MetadataPattern.exactOrPattern("%").matches("WorksAt"));
  }
}
