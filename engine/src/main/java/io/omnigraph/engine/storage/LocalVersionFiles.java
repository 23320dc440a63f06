package io.omnigraph.engine.storage;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Whether a version of a dataset on a local disk exists, asked of the file system: Lance answers a
 * missing version by failing to read its manifest, which costs a native error and a Java exception
 * (a third of a millisecond, three times per commit). Lance names version files
 * {@code _versions/<2^64 - 1 - version>.manifest} and makes each appear atomically.
 */
final class LocalVersionFiles {
  private LocalVersionFiles() {}

  /**
   * True or false when the file system can tell; null when it cannot: the dataset is not on a local
   * disk, or its files are named otherwise (then the version before {@code version} has no such file).
   */
  static Boolean exists(String uri, long version) {
    Path versions = versionsDir(uri);
    if (versions == null) return null;
    if (Files.exists(versions.resolve(fileName(version)))) return true;
    return version > 0 && Files.exists(versions.resolve(fileName(version - 1))) ? Boolean.FALSE : null;
  }

  private static String fileName(long version) {
    return Long.toUnsignedString(-1L - version) + ".manifest";
  }

  private static Path versionsDir(String uri) {
    String path;
    if (uri.startsWith("file://")) path = uri.substring("file://".length());
    else if (uri.startsWith("/")) path = uri;
    else return null;
    try {
      return Path.of(path, "_versions");
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
