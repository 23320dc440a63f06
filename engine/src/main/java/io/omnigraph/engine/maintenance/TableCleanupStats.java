package io.omnigraph.engine.maintenance;

/**
 * What {@code cleanup} reclaimed from one table lifetime (dropped ones included).
 *
 * @param keptFrom the oldest main-lineage version left readable (0 when the table was not cleaned)
 * @param error why the table was not cleaned, or null
 */
public record TableCleanupStats(String typeKey, long bytesRemoved, long oldVersionsRemoved, long keptFrom, String error) {}
