package io.omnigraph.engine.storage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lance.Dataset;

/**
 * Open read handles of immutable table versions, at most {@code capacity} of them, least recently
 * used evicted first. A Lance handle pins its version's manifest and fragment metadata in native
 * memory, and Lance has no finalizer to free a dropped one, so every handle this cache opens is
 * closed by it: when evicted with no lease out, or when the last lease of an evicted handle ends.
 * A scan therefore holds a {@link Lease} for as long as it reads.
 */
final class DatasetCache implements AutoCloseable {
  private final int capacity;
  private final Function<TableRef, Dataset> opener;
  /** Guards {@link #entries}, {@link #closed} and every entry's reference count. */
  private final Object lock = new Object();
  private final LinkedHashMap<TableRef, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private boolean closed;

  DatasetCache(int capacity, Function<TableRef, Dataset> opener) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    this.capacity = capacity;
    this.opener = opener;
  }

  /** One use of a cached handle; closing it lets an evicted handle be closed. Not thread-safe. */
  static final class Lease implements AutoCloseable {
    private final DatasetCache cache;
    private final Entry entry;
    private boolean released;

    private Lease(DatasetCache cache, Entry entry) {
      this.cache = cache;
      this.entry = entry;
    }

    Dataset dataset() {
      if (released) throw new IllegalStateException("lease on " + entry.ref + " already released");
      return entry.dataset;
    }

    @Override
    public void close() {
      if (released) return;
      released = true;
      cache.release(entry);
    }
  }

  private static final class Entry {
    final TableRef ref;
    final Dataset dataset;
    /** One for membership in the cache plus one per open lease; the handle closes at zero. */
    int refs = 1;

    Entry(TableRef ref, Dataset dataset) {
      this.ref = ref;
      this.dataset = dataset;
    }
  }

  /** A lease on the handle of {@code ref}, opening it on a miss. */
  Lease acquire(TableRef ref) {
    synchronized (lock) {
      Entry hit = entries.get(ref);
      if (hit != null) return lease(hit);
    }
    // Opening reads the manifest from storage: not under the lock, so other versions stay readable.
    Dataset opened = opener.apply(ref);
    List<Dataset> toClose = new ArrayList<>();
    Lease lease;
    synchronized (lock) {
      Entry raced = entries.get(ref);
      if (raced != null) {
        toClose.add(opened);
        lease = lease(raced);
      } else {
        Entry fresh = new Entry(ref, opened);
        lease = lease(fresh);
        if (closed) {
          fresh.refs--;
        } else {
          entries.put(ref, fresh);
          evictOverflow(toClose);
        }
      }
    }
    closeAll(toClose);
    return lease;
  }

  /**
   * Takes over a handle the caller opened or produced for {@code ref} (a commit's result, which the
   * next write or read of the table is about to need); closes it instead if the cache has one.
   */
  void adopt(TableRef ref, Dataset dataset) {
    List<Dataset> toClose = new ArrayList<>();
    synchronized (lock) {
      if (closed || entries.containsKey(ref)) {
        toClose.add(dataset);
      } else {
        entries.put(ref, new Entry(ref, dataset));
        evictOverflow(toClose);
      }
    }
    closeAll(toClose);
  }

  /** Handles currently held by the cache (leased or idle). */
  int size() {
    synchronized (lock) {
      return entries.size();
    }
  }

  private Lease lease(Entry e) {
    e.refs++;
    return new Lease(this, e);
  }

  private void evictOverflow(List<Dataset> toClose) {
    Iterator<Map.Entry<TableRef, Entry>> it = entries.entrySet().iterator();
    while (entries.size() > capacity && it.hasNext()) {
      Entry eldest = it.next().getValue();
      it.remove();
      if (--eldest.refs == 0) toClose.add(eldest.dataset);
    }
  }

  private void release(Entry e) {
    boolean last;
    synchronized (lock) {
      last = --e.refs == 0;
    }
    if (last) e.dataset.close();
  }

  /** Drops every idle handle now; leased ones close when their last lease ends. */
  @Override
  public void close() {
    List<Dataset> toClose = new ArrayList<>();
    synchronized (lock) {
      closed = true;
      for (Entry e : entries.values()) {
        if (--e.refs == 0) toClose.add(e.dataset);
      }
      entries.clear();
    }
    closeAll(toClose);
  }

  private static void closeAll(List<Dataset> handles) {
    RuntimeException first = null;
    for (Dataset d : handles) {
      try {
        d.close();
      } catch (RuntimeException e) {
        if (first == null) first = e;
        else first.addSuppressed(e);
      }
    }
    if (first != null) throw first;
  }
}
