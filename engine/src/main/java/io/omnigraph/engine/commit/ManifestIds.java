package io.omnigraph.engine.commit;

/** The {@code object_id} formats of manifest rows. */
public final class ManifestIds {
  private ManifestIds() {}

  public static String table(long sid, long inc) {
    return String.format("table:%016x:%016x", sid, inc);
  }

  public static String tableVersion(long sid, long inc, long version) {
    return String.format("table_version:%016x:%016x:%020d", sid, inc, version);
  }

  public static String tombstone(long sid, long inc, long version) {
    return String.format("table_tombstone:%016x:%016x:%020d", sid, inc, version);
  }

  public static String head(String branch) {
    return "graph_head:" + (branch == null ? "main" : branch);
  }

  /** The row recording how much of a branch's commit log its manifest holds. */
  public static String log(String branch) {
    return "graph_log:" + (branch == null ? "main" : branch);
  }

  /** The dataset directory of one table lifetime. */
  public static String location(boolean node, long sid, long inc) {
    return String.format("%s/%016x-%016x", node ? "nodes" : "edges", sid, inc);
  }
}
