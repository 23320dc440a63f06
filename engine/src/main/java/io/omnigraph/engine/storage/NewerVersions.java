package io.omnigraph.engine.storage;

import org.lance.Dataset;

/**
 * Finds the newest version of a table's main lineage from a handle of a version known to exist.
 * Lance answers "latest version" by listing every version file, which grows with history (a
 * graph's manifest gains one per commit, forever, since old versions serve time travel); Lance
 * versions are consecutive, so asking whether the next one exists is one file lookup instead.
 * After a few versions found that way the listing is cheaper again, and is used.
 */
final class NewerVersions {
  /** Versions opened one by one before falling back to the listing. */
  private static final int MAX_STEPS = 4;

  private NewerVersions() {}

  /** Receives each newer version's handle, which the caller keeps (typically in the read cache). */
  interface Found {
    void handle(long version, Dataset dataset);
  }

  /**
   * The newest version at or after {@code known}, the version of {@code handle}, a dataset at
   * {@code uri}. Fails as Lance does if a version file exists but cannot be read.
   */
  static long newest(String uri, Dataset handle, long known, Found found) {
    long version = known;
    for (int step = 0; step < MAX_STEPS; step++) {
      if (Boolean.FALSE.equals(LocalVersionFiles.exists(uri, version + 1))) return version;
      Dataset next;
      try {
        next = handle.checkoutVersion(version + 1);
      } catch (IllegalArgumentException e) {
        if (isMissingVersion(e)) return version;
        throw e;
      }
      version++;
      found.handle(version, next);
    }
    return Math.max(version, handle.latestVersion());
  }

  /** Lance reports a version with no manifest file as an invalid argument that says it was not found. */
  private static boolean isMissingVersion(IllegalArgumentException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("was not found") || m.contains("Not found");
  }
}
