package io.omnigraph.engine.storage;

import io.omnigraph.engine.error.OmniGraphException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.lance.Dataset;
import org.lance.ipc.LanceScanner;
import org.lance.ipc.ScanOptions;

/**
 * Finds rows by {@code id} through Lance's stable row ids, so that a lookup reads the one row it
 * wants instead of searching an index and then scanning every fragment the index does not cover yet
 * (each commit adds one). Per table lineage it keeps a map from id hash to row id, filled by reading
 * the id column of each fragment once.
 *
 * <p>Why the answers are exact: a row id never changes while its row lives (compaction keeps it),
 * and Lance's take by row id returns only rows live in the version taken from. So the candidates may
 * be stale (deleted, updated, another key with the same hash) but the caller keeps only returned rows
 * whose id matches; and they are complete, because a version is answered only once every fragment of
 * it, in the very deletion state it has there, was read into the map.
 *
 * <p>Bounded: at most {@code budget} entries over all tables, least recently used tables dropped
 * first; a table with more live rows than that is never located. Reading a whole table waits until it
 * has been looked up several times, so a one-off lookup never pays for it.
 */
final class RowLocator {
  /** Lookups answered by a scan before a table (or a large change to it) is read into the map. */
  static final int LOOKUPS_BEFORE_BUILD = 8;
  /** Rows of new or changed fragments read at once without waiting for repeated lookups. */
  static final long EAGER_ROWS = 65_536;
  /** Default budget: about 64 MB (16-byte slots, at most half full). */
  static final long DEFAULT_BUDGET = 2_000_000;
  private static final int MAX_COVERED_VERSIONS = 256;

  /** One lineage's map; guarded by its own monitor. */
  private static final class Located {
    RowIdMultimap rows = new RowIdMultimap();
    final Set<String> scanned = new HashSet<>();
    final Set<Long> covered = new HashSet<>();
    /** A version found larger than the budget, so its lookups skip listing its fragments again. */
    long declined = -1;
    int fallbacks;

    void reset() {
      rows = new RowIdMultimap();
      scanned.clear();
      covered.clear();
    }
  }

  private final long budget;
  private final java.util.concurrent.atomic.AtomicLong answered = new java.util.concurrent.atomic.AtomicLong();
  // Guarded by this; access order, so iteration starts at the least recently used lineage.
  private final Map<TableLineage, Located> tables = new LinkedHashMap<>(16, 0.75f, true);

  RowLocator(long budget) {
    this.budget = budget;
  }

  /**
   * Row ids that may hold the rows with these ids in {@code ds} (the handle of {@code ref}'s
   * version), or empty when this table is not located (yet) and the caller must scan instead.
   */
  Optional<long[]> candidates(TableRef ref, Dataset ds, Collection<String> ids) {
    if (budget <= 0) return Optional.empty();
    Located t;
    synchronized (this) {
      t = tables.computeIfAbsent(TableLineage.of(ref), k -> new Located());
    }
    synchronized (t) {
      if (!t.covered.contains(ref.version()) && !cover(t, ds, ref.version())) return Optional.empty();
      answered.incrementAndGet();
      LongStream.Builder out = LongStream.builder();
      for (String id : ids) t.rows.forEach(hash(id), out::add);
      return Optional.of(out.build().toArray());
    }
  }

  /** Lookups answered since this locator was made. */
  long answered() {
    return answered.get();
  }

  private static long hash(String id) {
    return RowIdMultimap.hash(id.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads what the map lacks of {@code version}; false when the caller should scan this time. */
  private boolean cover(Located t, Dataset ds, long version) {
    if (version == t.declined) return false;
    List<FragmentContent> fragments = FragmentContent.of(ds);
    long live = 0;
    long missingRows = 0;
    List<FragmentContent> missing = new ArrayList<>();
    for (FragmentContent f : fragments) {
      live += f.liveRows();
      if (t.scanned.contains(f.key())) continue;
      missing.add(f);
      missingRows += f.liveRows();
    }
    if (live > budget) {
      t.declined = version;
      return false;
    }
    if (missingRows > EAGER_ROWS && ++t.fallbacks < LOOKUPS_BEFORE_BUILD) return false;
    // Stale entries (updated and deleted rows) are dropped by reading the version afresh.
    if (t.rows.size() + missingRows > 2 * live + EAGER_ROWS) {
      t.reset();
      missing = fragments;
    }
    read(t, ds, missing);
    t.fallbacks = 0;
    if (t.covered.size() >= MAX_COVERED_VERSIONS) t.covered.clear();
    t.covered.add(version);
    enforceBudget();
    return true;
  }

  private static void read(Located t, Dataset ds, List<FragmentContent> fragments) {
    if (fragments.isEmpty()) return;
    List<Integer> ids = fragments.stream().map(FragmentContent::id).toList();
    ScanOptions options = new ScanOptions.Builder().fragmentIds(ids).columns(List.of("id")).withRowId(true)
        .batchSize(8192).build();
    try (LanceScanner scanner = ds.newScan(options); ArrowReader reader = scanner.scanBatches()) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        VarCharVector idColumn = (VarCharVector) root.getVector("id");
        UInt8Vector rowIds = (UInt8Vector) root.getVector("_rowid");
        for (int i = 0; i < root.getRowCount(); i++) {
          if (!idColumn.isNull(i)) t.rows.put(RowIdMultimap.hash(idColumn.get(i)), rowIds.get(i));
        }
      }
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      throw OmniGraphException.storage("cannot read the ids of " + ds.uri() + ": " + e.getMessage(), e);
    }
    fragments.forEach(f -> t.scanned.add(f.key()));
  }

  /** Sizes of other lineages are read without their locks: the budget is approximate by design. */
  private synchronized void enforceBudget() {
    long total = 0;
    for (Located t : tables.values()) total += t.rows.size();
    Iterator<Located> eldest = tables.values().iterator();
    while (total > budget && eldest.hasNext()) {
      Located t = eldest.next();
      total -= t.rows.size();
      eldest.remove();
    }
  }
}
