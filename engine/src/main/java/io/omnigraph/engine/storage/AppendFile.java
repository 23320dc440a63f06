package io.omnigraph.engine.storage;

/**
 * A file that only grows at its end, each append durable once synced: the storage a commit log
 * needs. Readers in any process see appended bytes by reading past what they read before.
 */
public interface AppendFile extends AutoCloseable {
  /** Its length now. */
  long size();

  /**
   * Writes {@code bytes} at the end, not yet forced to stable storage, and returns the length the
   * file then has: readers see them at once, a crash of the machine before {@link #sync} may lose
   * them.
   */
  long append(byte[] bytes);

  /**
   * Returns once every byte up to {@code length} is on stable storage. Writers that call it
   * together share one fdatasync: whoever forces the file covers everything appended before.
   */
  void sync(long length);

  /** The bytes from {@code offset} to the end as it is now. */
  default byte[] readFrom(long offset) {
    return read(offset, Long.MAX_VALUE);
  }

  /** The bytes from {@code offset} up to {@code end}, or to the end of the file if it is shorter. */
  byte[] read(long offset, long end);

  /**
   * Cuts the file back to {@code length}: for a tail a writer left half written when it died, which
   * nobody was told had landed.
   */
  void truncate(long length);

  @Override
  void close();
}
