package io.omnigraph.engine.storage;

/** Takes strings as their UTF-8 bytes, {@code bytes[from, from + length)}, valid only during the call. */
@FunctionalInterface
public interface Utf8Sink {
  void accept(byte[] bytes, int from, int length);
}
