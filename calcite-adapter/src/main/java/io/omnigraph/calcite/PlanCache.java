package io.omnigraph.calcite;

import io.omnigraph.engine.schema.Catalog;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Planned queries of one graph by SQL text and the catalog they were planned against, least
 * recently used first out. Planning costs tens of milliseconds; a plan found here costs nothing.
 * A schema apply makes a new catalog, so no plan of the old one is found again; they age out.
 */
final class PlanCache {
  private final int capacity;
  /** Guarded by {@code this}; access order, so the least recently used plan is evicted first. */
  private final Map<Key, QueryPlan> plans;
  private long planned;

  private record Key(String sql, Catalog catalog) {
    @Override
    public boolean equals(Object o) {
      // Catalogs are compared by identity: each schema apply makes a new one.
      return o instanceof Key k && k.sql.equals(sql) && k.catalog == catalog;
    }

    @Override
    public int hashCode() {
      return sql.hashCode() * 31 + System.identityHashCode(catalog);
    }
  }

  PlanCache(int capacity) {
    this.capacity = capacity;
    this.plans = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, QueryPlan> eldest) {
        return size() > PlanCache.this.capacity;
      }
    };
  }

  synchronized QueryPlan get(String sql, Catalog catalog) {
    return plans.get(new Key(sql, catalog));
  }

  /** Keeps {@code plan}, unless another thread planned the same text first: then that one is kept and returned. */
  synchronized QueryPlan put(String sql, Catalog catalog, QueryPlan plan) {
    planned++;
    QueryPlan earlier = plans.putIfAbsent(new Key(sql, catalog), plan);
    return earlier != null ? earlier : plan;
  }

  /** How many plans were made for this cache. */
  synchronized long planned() {
    return planned;
  }

  synchronized int size() {
    return plans.size();
  }
}
