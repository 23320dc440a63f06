package io.omnigraph.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omnigraph.engine.schema.SchemaCompiler;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** Filtered scans of narrow columns read big batches; wide rows and unfiltered scans keep small ones. */
class ScanBatchesTest {
  private static final Schema PERSON = SchemaCompiler.compile("""
      node Person { name: String @key  age: I32  city: String  v: Vector(512)?  tags: [String]? }
      """).node("Person").orElseThrow().arrowSchema();

  @Test
  void batchSizesFollowTheFilterAndTheWidthOfTheColumnsRead() {
    assertEquals(ScanBatches.ROWS, ScanBatches.rows(() -> PERSON, List.of("id", "name", "age", "city"), false));
    assertEquals(ScanBatches.MAX_FILTERED_ROWS, ScanBatches.rows(() -> PERSON, List.of("id", "name", "age", "city"), true));
    assertEquals(ScanBatches.ROWS, ScanBatches.rows(() -> PERSON, List.of("id", "v"), true), "a vector column is wide");
    int tagged = ScanBatches.rows(() -> PERSON, List.of("id", "tags"), true);
    assertEquals(ScanBatches.ROWS, tagged, "a list column is taken as wide");
  }
}
