package io.omnigraph.engine.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Shared test inputs of the schema package. */
final class Fixtures {
  private Fixtures() {}

  /** The fixture schema of SPEC §1.5. */
  static String testPg() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/schema/test.pg")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #testPg()} compiled. */
  static Catalog fixture() {
    return SchemaCompiler.compile(testPg());
  }
}
