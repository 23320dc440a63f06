package io.omnigraph.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalVersionFilesTest {
  @TempDir Path dir;

  @Test
  void tellsWhichVersionsOfALocalDatasetExistAndAbstainsElsewhere() {
    try (Graph g = Fixtures.loaded(dir)) {
      String manifest = dir.resolve("g").resolve(ManifestStore.DIR).toString();
      long newest = g.context().manifest().latestVersion("main");
      assertEquals(Boolean.TRUE, LocalVersionFiles.exists(manifest, newest));
      assertEquals(Boolean.TRUE, LocalVersionFiles.exists("file://" + manifest, 1));
      assertEquals(Boolean.FALSE, LocalVersionFiles.exists(manifest, newest + 1));
      assertNull(LocalVersionFiles.exists(manifest, newest + 2), "no file for the version before: cannot tell");
      assertNull(LocalVersionFiles.exists(dir.resolve("absent").toString(), 3));
      assertNull(LocalVersionFiles.exists("s3://bucket/graph/__manifest", 3));
    }
  }
}
