package io.omnigraph.engine.storage;

import java.util.List;
import java.util.Optional;

/**
 * The small files a graph keeps beside its Lance datasets (schema files, recovery sidecars),
 * addressed by paths relative to the graph root: a local directory ({@link LocalObjectStore}) or an
 * S3-compatible bucket prefix ({@code storage.s3.S3ObjectStore}).
 */
public interface ObjectStore extends AutoCloseable {
  /** The graph root as a Lance-compatible URI (a local path or {@code s3://...}). */
  String root();

  /** The URI of a path under the root, for Lance. */
  String uri(String relativePath);

  Optional<String> read(String relativePath);

  /** Writes the whole file so that readers see either the old or the new content. */
  void write(String relativePath, String content);

  /** Writes only if the file does not exist; returns false if it did. */
  boolean createExclusive(String relativePath, String content);

  boolean exists(String relativePath);

  void delete(String relativePath);

  /** File names (not paths) directly under a directory, sorted; empty if it does not exist. */
  List<String> list(String relativeDir);

  /**
   * Takes the exclusive lock named by {@code relativePath} if no live holder has it, in this process
   * or any other; empty when it is held. Never waits. A local store uses an OS file lock, which the
   * kernel drops when its process dies; an object store uses a lease its holder renews, which
   * another process may take over only after it expired.
   */
  Optional<StoreLock> tryLock(String relativePath);

  /**
   * Opens the append-only file at {@code relativePath}, created empty if absent; empty when the
   * store cannot append durably in place (an object store), so callers keep to whole-file writes.
   */
  default Optional<AppendFile> openAppend(String relativePath) {
    return Optional.empty();
  }

  /** Whether {@link #openAppend} opens files here. */
  default boolean appendable() {
    return false;
  }

  /** Stops whatever the store runs in the background (lease renewal); locks still held are abandoned. */
  @Override
  default void close() {}
}
