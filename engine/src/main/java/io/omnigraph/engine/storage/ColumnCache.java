package io.omnigraph.engine.storage;

import io.omnigraph.engine.error.OmniGraphException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.lance.Dataset;
import org.lance.ipc.LanceScanner;
import org.lance.ipc.ScanOptions;

/**
 * Table columns held on the Java heap as primitive arrays ({@link CachedColumn}), per table lineage,
 * fragment content ({@link FragmentContent}) and column, so that aggregates repeated over a table
 * read no Lance data at all. Lance fragments are immutable and a commit only adds fragments or
 * replaces a fragment's deletion file, so an entry stays right for every later version that still
 * holds the fragment in the same state; a version is answered only once every one of its fragments
 * is held, which keeps old snapshots and branch forks exact.
 *
 * <p>Bounded: at most {@code budget} bytes (approximate) over all tables, least recently used
 * entries dropped first. Reading a large table waits until it is aggregated a second time, so
 * a one-off query never pays for it. Thread-safe.
 */
final class ColumnCache {
  /** The aggregate of a table (or of a large change to it) that reads it into the cache; earlier ones go to Lance. */
  static final int USES_BEFORE_BUILD = 2;
  /** Rows of new or changed fragments read at once without waiting for repeated use. */
  static final long EAGER_ROWS = 65_536;
  private static final int VERSIONS_KEPT = 64;
  private static final int LINEAGES_KEPT = 256;

  private record Key(TableLineage lineage, String fragment, String column, ColumnKind form) {}

  /** What a repeated aggregate needs to know of a table version before it reads any column. */
  private record VersionFacts(List<FragmentContent> fragments, Map<String, ColumnKind> kinds) {
    static VersionFacts of(Dataset ds) {
      Map<String, ColumnKind> kinds = new HashMap<>();
      ds.getSchema().getFields().forEach(f -> kinds.put(f.getName(), ColumnKind.of(f.getType())));
      return new VersionFacts(FragmentContent.of(ds), Map.copyOf(kinds));
    }
  }

  /** What is known of one lineage; guarded by its own monitor. */
  private static final class Lineage {
    /** Versions seen, so a repeated aggregate neither lists fragments nor decodes the schema again. */
    final Map<Long, VersionFacts> versions = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, VersionFacts> eldest) {
        return size() > VERSIONS_KEPT;
      }
    };
    /** String columns with too many distinct values for a dictionary (their null bitmaps may still be held). */
    final Set<String> refused = new HashSet<>();
    int fallbacks;
  }

  private final long budget;
  private final AtomicLong answered = new AtomicLong();
  // Guarded by this; access order, so iteration starts at the least recently used entry.
  private final LinkedHashMap<Key, CachedColumn> columns = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;
  // Guarded by this.
  private final Map<TableLineage, Lineage> lineages = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<TableLineage, Lineage> eldest) {
      return size() > LINEAGES_KEPT;
    }
  };

  ColumnCache(long budget) {
    this.budget = budget;
  }

  /** False when the budget is 0: aggregates always read the table. */
  boolean enabled() {
    return budget > 0;
  }

  /** The cache's form of each column of {@code ref}'s version ({@code ds} is its handle). */
  Map<String, ColumnKind> kinds(TableRef ref, Dataset ds) {
    Lineage t = lineage(TableLineage.of(ref));
    synchronized (t) {
      return t.versions.computeIfAbsent(ref.version(), v -> VersionFacts.of(ds)).kinds();
    }
  }

  private synchronized Lineage lineage(TableLineage lineage) {
    return lineages.computeIfAbsent(lineage, k -> new Lineage());
  }

  /**
   * The columns {@code forms} names of every fragment of {@code ref}'s version ({@code ds} is its
   * handle), one array per fragment in the table's order holding the columns in the order of
   * {@code forms}; empty when they are not held (yet) and the caller must read the table instead.
   */
  Optional<List<CachedColumn[]>> columns(TableRef ref, Dataset ds, Map<String, ColumnKind> forms) {
    if (budget <= 0 || forms.isEmpty()) return Optional.empty();
    TableLineage lineage = TableLineage.of(ref);
    Lineage t = lineage(lineage);
    List<String> names = new ArrayList<>(forms.keySet());
    synchronized (t) {
      for (String name : names) {
        if (forms.get(name) == ColumnKind.STRING && t.refused.contains(name)) return Optional.empty();
      }
      List<FragmentContent> fragments = t.versions.computeIfAbsent(ref.version(), v -> VersionFacts.of(ds)).fragments();
      long live = 0;
      for (FragmentContent f : fragments) live += f.liveRows();
      // Four bytes a row and column is the least any form takes: a table beyond the budget is not tried.
      if (live * 4 * names.size() > budget) return Optional.empty();
      List<CachedColumn[]> out = new ArrayList<>(fragments.size());
      Map<List<String>, List<Integer>> missing = new LinkedHashMap<>();
      long missingRows = 0;
      synchronized (this) {
        for (int f = 0; f < fragments.size(); f++) {
          CachedColumn[] held = new CachedColumn[names.size()];
          List<String> absent = new ArrayList<>();
          for (int c = 0; c < held.length; c++) {
            held[c] = columns.get(new Key(lineage, fragments.get(f).key(), names.get(c), forms.get(names.get(c))));
            if (held[c] == null) absent.add(names.get(c));
          }
          if (absent.isEmpty() && !sameLength(held)) absent.addAll(names);
          out.add(held);
          if (!absent.isEmpty()) {
            missing.computeIfAbsent(absent, k -> new ArrayList<>()).add(f);
            missingRows += fragments.get(f).liveRows();
          }
        }
      }
      if (!missing.isEmpty()) {
        if (missingRows > EAGER_ROWS && ++t.fallbacks < USES_BEFORE_BUILD) return Optional.empty();
        try {
          for (Map.Entry<List<String>, List<Integer>> m : missing.entrySet()) {
            if (!read(ds, lineage, fragments, m.getValue(), m.getKey(), forms, names, out)) return Optional.empty();
          }
        } catch (ColumnBuilder.TooManyValues e) {
          t.refused.add(e.column());
          return Optional.empty();
        }
        t.fallbacks = 0;
      }
      for (CachedColumn[] f : out) if (!sameLength(f)) return Optional.empty();
      answered.incrementAndGet();
      return Optional.of(out);
    }
  }

  /** Aggregates answered from the cache since it was made. */
  long answered() {
    return answered.get();
  }

  /** The heap the held columns take, approximately. */
  synchronized long bytes() {
    return bytes;
  }

  private static boolean sameLength(CachedColumn[] fragment) {
    for (CachedColumn c : fragment) if (c.rows() != fragment[0].rows()) return false;
    return true;
  }

  /**
   * Reads {@code wanted} columns of the fragments at positions {@code which} into the cache and
   * {@code out}; false, keeping nothing, if Lance did not return a fragment's rows in order.
   */
  private boolean read(Dataset ds, TableLineage lineage, List<FragmentContent> fragments, List<Integer> which,
      List<String> wanted, Map<String, ColumnKind> forms, List<String> names, List<CachedColumn[]> out) {
    Map<Integer, Integer> positionOf = new HashMap<>();
    Map<Integer, ColumnBuilder[]> builders = new HashMap<>();
    Map<Integer, Long> lastOffset = new HashMap<>();
    for (int f : which) {
      FragmentContent content = fragments.get(f);
      positionOf.put(content.id(), f);
      ColumnBuilder[] b = new ColumnBuilder[wanted.size()];
      for (int c = 0; c < b.length; c++) b[c] = new ColumnBuilder(wanted.get(c), forms.get(wanted.get(c)), content.liveRows());
      builders.put(content.id(), b);
    }
    ScanOptions options = new ScanOptions.Builder().fragmentIds(new ArrayList<>(positionOf.keySet()))
        .columns(wanted).withRowAddress(true).batchSize(8192).build();
    try (LanceScanner scanner = ds.newScan(options); ArrowReader reader = scanner.scanBatches()) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        UInt8Vector addresses = (UInt8Vector) root.getVector(RowAddresses.COLUMN);
        FieldVector[] vectors = new FieldVector[wanted.size()];
        for (int c = 0; c < vectors.length; c++) vectors[c] = root.getVector(wanted.get(c));
        int rows = root.getRowCount();
        for (int from = 0; from < rows; ) {
          int fragment = (int) (addresses.get(from) >>> 32);
          int to = from + 1;
          while (to < rows && (int) (addresses.get(to) >>> 32) == fragment) to++;
          // Columns read at different times line up only if each fragment comes back in row order.
          long first = addresses.get(from) & 0xffffffffL;
          long last = addresses.get(to - 1) & 0xffffffffL;
          if (first <= lastOffset.getOrDefault(fragment, -1L) || last < first) return false;
          lastOffset.put(fragment, last);
          for (int c = 0; c < vectors.length; c++) builders.get(fragment)[c].append(vectors[c], from, to);
          from = to;
        }
      }
    } catch (ColumnBuilder.TooManyValues | OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      throw OmniGraphException.storage("cannot read columns of " + ds.uri() + ": " + e.getMessage(), e);
    }
    synchronized (this) {
      for (Map.Entry<Integer, ColumnBuilder[]> e : builders.entrySet()) {
        int f = positionOf.get(e.getKey());
        for (int c = 0; c < wanted.size(); c++) {
          CachedColumn built = e.getValue()[c].build();
          out.get(f)[names.indexOf(wanted.get(c))] = built;
          CachedColumn old = columns.put(new Key(lineage, fragments.get(f).key(), wanted.get(c), forms.get(wanted.get(c))), built);
          bytes += built.bytes() - (old == null ? 0 : old.bytes());
        }
      }
      evict();
    }
    return true;
  }

  /** Drops least recently used entries until the budget holds; callers keep what they already took. */
  private void evict() {
    Iterator<CachedColumn> eldest = columns.values().iterator();
    while (bytes > budget && eldest.hasNext()) {
      bytes -= eldest.next().bytes();
      eldest.remove();
    }
  }
}
