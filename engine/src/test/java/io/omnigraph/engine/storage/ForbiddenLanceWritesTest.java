package io.omnigraph.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every durable Lance effect must go through the storage layer's stage-then-commit operations, so
 * that recovery can account for it. This walks the engine's sources and fails on a Lance write call
 * anywhere outside {@code io.omnigraph.engine.storage}.
 */
class ForbiddenLanceWritesTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final String STORAGE = "io/omnigraph/engine/storage/";
  /**
   * Outside the storage package nothing may name Lance at all, so no Lance object, and therefore no
   * Lance write, can be reached there. The write-call names are a second net for code that gets a
   * Lance object some other way.
   */
  private static final List<Pattern> FORBIDDEN = List.of(
      Pattern.compile("\\borg\\.lance\\b"),
      Pattern.compile("\\bCommitBuilder\\b"),
      Pattern.compile("\\bcommitTransaction\\s*\\("),
      Pattern.compile("\\bFragment\\s*\\.\\s*(create|write)\\b"),
      Pattern.compile("\\bDataset\\s*\\.\\s*(write|create|commit|commitAppend|commitOverwrite|drop)\\s*\\("),
      Pattern.compile("\\.\\s*(mergeInsert|deleteRows|truncateTable|cleanupWithPolicy|optimizeIndices)\\s*\\("));

  @Test
  void noLanceWriteCallOutsideTheStorageLayer() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String rel = MAIN.relativize(f).toString().replace('\\', '/');
        if (rel.startsWith(STORAGE)) continue;
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) continue;
          for (Pattern p : FORBIDDEN) {
            if (p.matcher(line).find()) offenders.add(rel + ":" + (i + 1) + ": " + line);
          }
        }
      }
    }
    assertEquals(List.of(), offenders, "Lance writes must go through io.omnigraph.engine.storage");
  }

  @Test
  void theCheckSeesTheStorageLayerItself() throws IOException {
    String store = Files.readString(MAIN.resolve(STORAGE + "TableStore.java"));
    assertTrue(FORBIDDEN.stream().anyMatch(p -> p.matcher(store).find()), "patterns match real write calls");
  }
}
