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
 */
public record CacheBudget(int openVersions, long indexCacheBytes, long metadataCacheBytes) {
  private static final long MIB = 1024 * 1024;

  /** What a graph handle uses unless told otherwise; docs/operations.md explains the sizes. */
  public static final CacheBudget DEFAULT = new CacheBudget(16, 256 * MIB, 64 * MIB);

  public CacheBudget {
    if (openVersions < 1) throw new IllegalArgumentException("openVersions must be at least 1, not " + openVersions);
    if (indexCacheBytes < 0) throw new IllegalArgumentException("indexCacheBytes must not be negative");
    if (metadataCacheBytes < 0) throw new IllegalArgumentException("metadataCacheBytes must not be negative");
  }

  /**
   * {@link #DEFAULT}, with any of the system properties {@code omnigraph.cache.openVersions},
   * {@code omnigraph.cache.indexBytes} and {@code omnigraph.cache.metadataBytes} applied.
   */
  public static CacheBudget fromSystemProperties() {
    return new CacheBudget(
        Integer.getInteger("omnigraph.cache.openVersions", DEFAULT.openVersions),
        Long.getLong("omnigraph.cache.indexBytes", DEFAULT.indexCacheBytes),
        Long.getLong("omnigraph.cache.metadataBytes", DEFAULT.metadataCacheBytes));
  }
}
