package io.omnigraph.engine.storage;

import java.util.List;

/**
 * One row of the {@code __manifest} dataset (table registrations, published table versions,
 * tombstones, graph commits and branch heads all share this shape). Nullable fields are null when
 * a row kind does not use them.
 */
public record ManifestRow(
    String objectId,
    String objectType,
    String location,
    String metadata,
    List<String> baseObjects,
    String tableKey,
    Long stableTableId,
    Long tableIncarnationId,
    Long tableVersion,
    String tableBranch,
    Long rowCount) {

  public static final String TABLE = "table";
  public static final String TABLE_VERSION = "table_version";
  public static final String TABLE_TOMBSTONE = "table_tombstone";
  public static final String GRAPH_COMMIT = "graph_commit";
  public static final String GRAPH_HEAD = "graph_head";
  public static final String GRAPH_LOG = "graph_log";
}
