package io.omnigraph.engine.commit;

/**
 * One table as a manifest version pins it.
 *
 * @param location the dataset path relative to the graph root
 * @param tableBranch the Lance branch owning the pinned version; null when on the main lineage
 */
public record TableEntry(
    String tableKey, long stableTableId, long incarnationId, String location, long version, String tableBranch,
    long rowCount) {

  public String registrationId() {
    return ManifestIds.table(stableTableId, incarnationId);
  }
}
