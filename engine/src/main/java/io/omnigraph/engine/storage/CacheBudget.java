package io.omnigraph.engine.storage;

/**
 * The native memory one open graph may spend on Lance caches: how many table-version read handles
 * it keeps open, and the byte capacities of the one Lance session every dataset of the graph
 * shares. Lance's own defaults (6 GiB of index cache and 1 GiB of metadata cache per dataset
 * handle) let a committing process grow without bound, so the engine always sets these.
 *
 * @param openVersions read handles of table versions kept open (each pins its version's manifest)
 * @param indexCacheBytes capacity of the shared index cache (index pages of scalar and text indexes)
 * @param metadataCacheBytes capacity of the shared metadata cache (manifests, file footers, deletion files)
 * @param locatedRows rows whose id the graph handle keeps mapped to a row id for lookups (about 32
 *     bytes of heap each; 0 = lookups always search the table)
 * @param columnBytes heap the graph handle may spend holding table columns for repeated aggregates
 *     (0 = aggregates always read the table)
 */
public record CacheBudget(
    int openVersions, long indexCacheBytes, long metadataCacheBytes, long locatedRows, long columnBytes) {
  private static final long MIB = 1024 * 1024;

  /** What a graph handle uses unless told otherwise; docs/operations.md explains the sizes. */
  public static final CacheBudget DEFAULT = new CacheBudget(16, 256 * MIB, 64 * MIB, 2_000_000, 128 * MIB);

  public CacheBudget {
    if (openVersions < 1) throw new IllegalArgumentException("openVersions must be at least 1, not " + openVersions);
    if (indexCacheBytes < 0) throw new IllegalArgumentException("indexCacheBytes must not be negative");
    if (metadataCacheBytes < 0) throw new IllegalArgumentException("metadataCacheBytes must not be negative");
    if (locatedRows < 0) throw new IllegalArgumentException("locatedRows must not be negative");
    if (columnBytes < 0) throw new IllegalArgumentException("columnBytes must not be negative");
  }

  /**
   * {@link #DEFAULT}, with any of the system properties {@code omnigraph.cache.openVersions},
   * {@code omnigraph.cache.indexBytes}, {@code omnigraph.cache.metadataBytes},
   * {@code omnigraph.cache.locatedRows} and {@code omnigraph.cache.columnBytes} applied.
   */
  public static CacheBudget fromSystemProperties() {
    return new CacheBudget(
        Integer.getInteger("omnigraph.cache.openVersions", DEFAULT.openVersions),
        Long.getLong("omnigraph.cache.indexBytes", DEFAULT.indexCacheBytes),
        Long.getLong("omnigraph.cache.metadataBytes", DEFAULT.metadataCacheBytes),
        Long.getLong("omnigraph.cache.locatedRows", DEFAULT.locatedRows),
        Long.getLong("omnigraph.cache.columnBytes", DEFAULT.columnBytes));
  }
}
