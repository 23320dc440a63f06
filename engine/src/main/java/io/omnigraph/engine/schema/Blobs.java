package io.omnigraph.engine.schema;

import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import java.util.Base64;

/** Blob input: only managed bytes written as {@code "base64:<payload>"} are accepted. */
final class Blobs {
  static final String PREFIX = "base64:";

  private Blobs() {}

  static byte[] decode(String typeName, String label, String text) {
    if (!text.startsWith(PREFIX)) {
      throw new OmniGraphException(ErrorKind.UNSUPPORTED, label + ": external blob URI '" + text
          + "' denied; only managed bytes written as \"base64:<payload>\" are accepted");
    }
    try {
      return Base64.getDecoder().decode(text.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw ValueErrors.wrongType(typeName, label, "Blob", "invalid base64 payload");
    }
  }
}
