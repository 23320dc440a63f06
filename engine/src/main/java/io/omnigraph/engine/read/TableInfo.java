package io.omnigraph.engine.read;

/**
 * The published state of one table in a view.
 *
 * @param tableBranch the Lance branch that owns the data, or null when it is inherited from main
 */
public record TableInfo(
    String typeName, String kind, String tableKey, long publishedVersion, long rowCount, String tableBranch) {}
