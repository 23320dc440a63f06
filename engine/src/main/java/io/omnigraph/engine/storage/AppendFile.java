package io.omnigraph.engine.storage;

/**
 * A file that only grows at its end, each append durable when it returns: the storage a commit log
 * needs. Readers in any process see appended bytes by reading past what they read before.
 */
public interface AppendFile extends AutoCloseable {
  /** Its length now. */
  long size();

  /** Writes {@code bytes} at the end and forces them to stable storage before returning. */
  void append(byte[] bytes);

  /** The bytes from {@code offset} to the end as it is now. */
  byte[] readFrom(long offset);

  /**
   * Cuts the file back to {@code length}: for a tail a writer left half written when it died, which
   * nobody was told had landed.
   */
  void truncate(long length);

  @Override
  void close();
}
