package io.omnigraph.engine.read;

import io.omnigraph.engine.schema.EdgeType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The adjacencies a graph handle has built, kept by the table version they were read from. Table
 * versions never change once published, so an entry stays correct for every view pinning that
 * version, on any branch. A transaction's pending edges are applied to a copy, which is never kept.
 */
public final class Adjacencies {
  private static final int MAX_ENTRIES = 16;

  private record Key(String tableKey, String tableBranch, long version) {}

  /** Guarded by {@code this}; access order, so the least recently used adjacency goes first. */
  private final Map<Key, Adjacency> built = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Adjacency> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  /**
   * The adjacency of {@code type} as {@code view} sees it: the committed table version's, built once
   * and kept, with the view's pending changes of the type applied on top when it has some.
   */
  public Adjacency of(ReadView view, EdgeType type) {
    Optional<PendingChanges> pending = view.pendingChanges(type.name());
    if (pending.isEmpty()) return committed(view, type);
    if (pending.get().replacesAll()) return Adjacency.build(view, type);
    return committed(pending.get().committed(), type).with(pending.get());
  }

  /** The adjacency of {@code type} in {@code view}, which holds no pending changes of it. */
  private Adjacency committed(ReadView view, EdgeType type) {
    Key key = null;
    for (TableInfo t : view.tables()) {
      if (t.typeName().equals(type.name())) key = new Key(t.tableKey(), t.tableBranch(), t.publishedVersion());
    }
    if (key == null) return Adjacency.build(view, type);
    synchronized (this) {
      Adjacency cached = built.get(key);
      if (cached != null) return cached;
    }
    // Built outside the lock: two readers may both build one, and the later simply replaces it.
    Adjacency fresh = Adjacency.build(view, type);
    synchronized (this) {
      built.put(key, fresh);
    }
    return fresh;
  }

  /** How many adjacencies are kept now. */
  public synchronized int size() {
    return built.size();
  }
}
