package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SQL's TIMESTAMP is a UTC wall clock in exactly one place, {@code calcite.UtcClock}: no other
 * source of the adapter or the driver names the UTC offset, so a conversion cannot drift from the
 * rule the others follow.
 */
class UtcRuleTest {
  private static final List<Path> SOURCES = List.of(Path.of("../calcite-adapter/src/main/java"), Path.of("../driver/src/main/java"));

  @Test
  void onlyUtcClockNamesTheUtcOffset() throws IOException {
    List<String> offenders = new ArrayList<>();
    int files = 0;
    for (Path root : SOURCES) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
          files++;
          if (f.getFileName().toString().equals("UtcClock.java")) continue;
          String text = Files.readString(f);
          if (text.contains("ZoneOffset.UTC") || text.contains("getTimeZone(\"UTC\")")) offenders.add(f.toString());
        }
      }
    }
    assertTrue(files > 100, "the sources were found: " + files);
    assertEquals(List.of(), offenders);
  }
}
