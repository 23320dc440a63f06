package io.omnigraph.engine.storage;

import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.WriteConflict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.lance.CommitBuilder;
import org.lance.Dataset;
import org.lance.Fragment;
import org.lance.Transaction;
import org.lance.index.DistanceType;
import org.lance.index.Index;
import org.lance.index.IndexDescription;
import org.lance.index.IndexOptions;
import org.lance.index.IndexParams;
import org.lance.index.IndexType;
import org.lance.index.OptimizeOptions;
import org.lance.index.scalar.InvertedIndexParams;
import org.lance.index.scalar.ScalarIndexParams;
import org.lance.index.vector.IvfBuildParams;
import org.lance.index.vector.VectorIndexParams;
import org.lance.index.vector.VectorTrainer;
import org.lance.ipc.LanceScanner;
import org.lance.ipc.ScanOptions;
import org.lance.ipc.ScanStats;
import org.lance.operation.CreateIndex;
import org.lance.schema.LanceField;

/**
 * Index builds on table datasets. Every index of one table is built as an uncommitted segment over
 * all of its fragments and then committed together as one {@code CreateIndex} version, so recovery
 * sees at most one new version per table for an index build.
 */
public final class TableIndexes {
  /** Below this many vectors an IVF index is not worth training; brute force is as fast. */
  public static final long MIN_TRAINING_VECTORS = 256;
  private static final int MAX_PARTITIONS = 256;

  private final TableStore tables;

  public TableIndexes(TableStore tables) {
    this.tables = tables;
  }

  /** An index the caller wants on one column. */
  public record IndexRequest(String column, IndexKind kind) {}

  /** An index left unbuilt, with the reason in words a user can act on. */
  public record PendingIndex(String column, String reason) {
    /** {@code column: reason}, as result rows show it. */
    public String describe() {
      return column + ": " + reason;
    }
  }

  /**
   * Index segments written beside a table version but not yet part of any version.
   *
   * @param built the columns whose index is staged
   * @param pending columns left without an index, and why: vectors too few to train, or inverted
   *     indexes this machine cannot build safely (see {@link #invertedBuildsAreSafe})
   * @param replaced the indexes the segments take the place of, for a rebuild
   */
  public record StagedIndexes(
      String uri, String lanceBranch, long readVersion, List<Index> segments, List<String> built,
      List<PendingIndex> pending, List<Index> replaced) {
    public StagedIndexes {
      segments = List.copyOf(segments);
      replaced = List.copyOf(replaced);
      built = List.copyOf(built);
      pending = List.copyOf(pending);
    }

    public boolean empty() {
      return segments.isEmpty();
    }
  }

  /** What a filtered scan did: whether an index answered it and how many rows it had to read. */
  public record LookupProbe(long indicesLoaded, long rowsScanned, long fragmentsScanned, long rowsMatched) {}

  /** The index name the engine gives the index on a column. */
  public static String indexName(String column) {
    return column + "_idx";
  }

  /** Columns of a table version that carry an index, with the Lance index type of each. */
  public Map<String, String> indexedColumns(TableRef ref) {
    try (DatasetCache.Lease lease = tables.lease(ref)) {
      return indexedColumns(lease.dataset());
    }
  }

  /** Per indexed column, how many of the table version's rows its index covers. */
  public Map<String, Long> rowsIndexed(TableRef ref) {
    try (DatasetCache.Lease lease = tables.lease(ref)) {
      Map<String, Long> out = new LinkedHashMap<>();
      indexesByColumn(lease.dataset()).forEach((column, d) -> out.put(column, d.getRowsIndexed()));
      return out;
    }
  }

  /** Rows not yet covered by every index of the table version (new fragments since the build). */
  public long unindexedRows(TableRef ref) {
    try (DatasetCache.Lease lease = tables.lease(ref)) {
      Dataset ds = lease.dataset();
      long rows = ds.countRows();
      long worst = 0;
      for (IndexDescription d : ds.describeIndices()) worst = Math.max(worst, rows - d.getRowsIndexed());
      return worst;
    }
  }

  /**
   * Builds the requested indexes of the table HEAD without committing them. HEAD must be the
   * version {@code ref} names; otherwise the table moved and the build is refused.
   */
  public StagedIndexes stage(TableRef ref, List<IndexRequest> requests) {
    try (Dataset ds = tables.openLatest(ref.uri(), ref.lanceBranch())) {
      if (ds.version() != ref.version()) throw moved(ref.uri(), ref.version(), ds.version());
      List<Integer> fragments = ds.getFragments().stream().map(Fragment::getId).toList();
      List<Index> segments = new ArrayList<>();
      List<String> built = new ArrayList<>();
      List<PendingIndex> pending = new ArrayList<>();
      for (IndexRequest r : requests) {
        Optional<Index> segment = segment(ds, fragments, r, false);
        if (segment.isPresent()) {
          segments.add(segment.get());
          built.add(r.column());
        } else {
          pending.add(new PendingIndex(r.column(), pendingReason(r.kind())));
        }
      }
      return new StagedIndexes(ref.uri(), ref.lanceBranch(), ref.version(), segments, built, pending, List.of());
    } catch (OmniGraphException e) {
      throw e;
    } catch (RuntimeException e) {
      throw OmniGraphException.storage("cannot build indexes on " + ref.uri() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Builds anew, over every fragment of main-lineage version {@code ref}, each BTREE index that
   * misses rows of it, and commits nothing: the work of a fold, done without holding any lock.
   * Lance 7 folds new rows into a BTREE by rewriting it whole anyway. Text indexes are left alone
   * (rebuilding one reads its whole column; OPTIMIZE does it).
   *
   * @return the rebuilt segments (none when no BTREE misses rows), or null when a vector index
   *     misses rows: those are folded by Lance, under the lock
   * @throws WriteConflict when HEAD is no longer {@code ref}
   */
  public StagedIndexes stageRebuild(TableRef ref) {
    try (Dataset ds = tables.openLatest(ref.uri(), null)) {
      if (ds.version() != ref.version()) throw moved(ref.uri(), ref.version(), ds.version());
      long rows = ds.countRows();
      List<String> columns = new ArrayList<>();
      for (Map.Entry<String, IndexDescription> e : indexesByColumn(ds).entrySet()) {
        IndexDescription d = e.getValue();
        if (d.getRowsIndexed() >= rows || isText(d)) continue;
        if (!d.getIndexType().toLowerCase(java.util.Locale.ROOT).contains("btree")) return null;
        columns.add(e.getKey());
      }
      List<Integer> fragments = ds.getFragments().stream().map(Fragment::getId).toList();
      List<Index> segments = new ArrayList<>();
      List<Index> replaced = new ArrayList<>();
      for (String column : columns) {
        segment(ds, fragments, new IndexRequest(column, IndexKind.BTREE), true).ifPresent(segments::add);
        ds.getIndexes().stream().filter(i -> i.name().equals(indexName(column))).forEach(replaced::add);
      }
      return new StagedIndexes(ref.uri(), null, ref.version(), segments, columns, List.of(), replaced);
    } catch (OmniGraphException e) {
      throw e;
    } catch (RuntimeException e) {
      throw OmniGraphException.storage("cannot rebuild indexes on " + ref.uri() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Commits staged segments onto main-lineage HEAD, which must be {@code expectedHead}: Lance
   * carries them over the versions made since the one they index (rows appended since are simply
   * not covered yet) and refuses them if one of those rewrote indexed fragments.
   */
  public long commitOnto(StagedIndexes staged, long expectedHead, Map<String, String> properties) {
    try {
      return commitIndexes(staged, expectedHead, properties);
    } catch (OmniGraphException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new WriteConflict("the indexes staged on " + staged.uri() + " collided with a commit: " + e.getMessage());
    }
  }

  /** Commits staged segments as one new version, only if HEAD is still the version they index. */
  public long commit(StagedIndexes staged, Map<String, String> properties) {
    try {
      return commitIndexes(staged, staged.readVersion(), properties);
    } catch (OmniGraphException e) {
      throw e;
    } catch (RuntimeException e) {
      throw OmniGraphException.storage("cannot commit indexes on " + staged.uri() + ": " + e.getMessage(), e);
    }
  }

  /** One CreateIndex version of the staged segments, read at their version, onto HEAD {@code expectedHead}. */
  private long commitIndexes(StagedIndexes staged, long expectedHead, Map<String, String> properties) {
    try (Dataset head = tables.openLatest(staged.uri(), staged.lanceBranch())) {
      if (head.version() != expectedHead) throw moved(staged.uri(), expectedHead, head.version());
      CreateIndex op = CreateIndex.builder().withNewIndices(staged.segments()).withRemovedIndices(staged.replaced())
          .build();
      try (Transaction tx = new Transaction.Builder().readVersion(staged.readVersion()).operation(op)
              .transactionProperties(properties).build();
          Dataset committed = new CommitBuilder(head).execute(tx)) {
        return committed.version();
      }
    }
  }

  /**
   * Folds fragments written since the last build into the existing indexes of the main-lineage
   * HEAD. Lance commits this itself, as one new version.
   *
   * @return the new HEAD version, or the old one when nothing needed folding
   */
  public long fold(String uri, long expectedHead) {
    return fold(uri, expectedHead, true, false);
  }

  /**
   * As {@link #fold(String, long)}; with {@code withText} false, text indexes are left behind
   * (rebuilding one reads its whole column) and only BTREE and vector indexes catch up. With
   * {@code delta}, new rows get an index segment of their own instead of being merged into the
   * existing one: the cost is the new rows, not the table (a later full fold merges the segments).
   */
  public long fold(String uri, long expectedHead, boolean withText, boolean delta) {
    try (Dataset ds = tables.openLatest(uri, null)) {
      if (ds.version() != expectedHead) throw moved(uri, expectedHead, ds.version());
      long rows = ds.countRows();
      List<String> merged = new ArrayList<>();
      List<String> rebuilt = new ArrayList<>();
      for (IndexDescription d : ds.describeIndices()) {
        if (d.getRowsIndexed() >= rows) continue;
        if (!isText(d)) merged.add(d.getName());
        else if (withText) rebuilt.add(d.getName());
      }
      if (!merged.isEmpty()) {
        OptimizeOptions.Builder options = OptimizeOptions.builder().indexNames(merged);
        if (delta) options.numIndicesToMerge(0);
        ds.optimizeIndices(options.build());
      }
      if (rebuilt.isEmpty()) return ds.latestVersion();
      if (merged.isEmpty()) return rebuildText(ds, rebuilt);
      // The merge committed a version this handle does not see.
      try (Dataset head = tables.openLatest(uri, null)) {
        return rebuildText(head, rebuilt);
      }
    } catch (OmniGraphException e) {
      throw e;
    } catch (RuntimeException e) {
      throw OmniGraphException.storage("cannot fold new rows into the indexes of " + uri + ": " + e.getMessage(), e);
    }
  }

  /**
   * Replaces text indexes by new ones over every fragment, in one CreateIndex version. Lance 7.0.0
   * aborts the process when it merges new rows into a text index whose indexed rows were since
   * updated (lance-index inverted/builder.rs, merge_from), with or without retraining.
   */
  private long rebuildText(Dataset ds, List<String> names) {
    Map<String, String> columns = new HashMap<>();
    indexedColumns(ds).forEach((column, type) -> columns.put(indexName(column), column));
    List<Integer> fragments = ds.getFragments().stream().map(Fragment::getId).toList();
    List<Index> added = new ArrayList<>();
    List<Index> removed = new ArrayList<>();
    for (String name : names) {
      String column = columns.get(name);
      if (column == null) continue;
      Optional<Index> fresh = segment(ds, fragments, new IndexRequest(column, IndexKind.INVERTED), true);
      if (fresh.isEmpty()) continue;
      added.add(fresh.get());
      ds.getIndexes().stream().filter(i -> i.name().equals(name)).forEach(removed::add);
    }
    if (added.isEmpty()) return ds.version();
    CreateIndex op = CreateIndex.builder().withNewIndices(added).withRemovedIndices(removed).build();
    try (Transaction tx = new Transaction.Builder().readVersion(ds.version()).operation(op).build();
        Dataset committed = new CommitBuilder(ds).execute(tx)) {
      return committed.version();
    }
  }

  /** Whether an index type, as {@link #indexedColumns} reports it, is a text (inverted) index. */
  public static boolean isText(String indexType) {
    return indexType.toLowerCase(java.util.Locale.ROOT).contains("inverted");
  }

  private static boolean isText(IndexDescription d) {
    return isText(d.getIndexType());
  }

  /** Runs a filtered scan of {@code ref} to the end and reports how Lance answered it. */
  public LookupProbe probe(TableRef ref, String lanceFilter) {
    ScanOptions opts = new ScanOptions.Builder().columns(List.of("id")).filter(lanceFilter).collectStats(true).build();
    long matched = 0;
    try (DatasetCache.Lease lease = tables.lease(ref); LanceScanner scanner = lease.dataset().newScan(opts)) {
      try (ArrowReader reader = scanner.scanBatches()) {
        while (reader.loadNextBatch()) matched += reader.getVectorSchemaRoot().getRowCount();
      }
      ScanStats s = scanner.getStats().orElseThrow(() -> new IllegalStateException("scan collected no stats"));
      Map<String, Long> counts = s.getAllCounts();
      return new LookupProbe(s.getIndicesLoaded(), counts.getOrDefault("rows_scanned", 0L),
          counts.getOrDefault("fragments_scanned", 0L), matched);
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      throw OmniGraphException.storage("cannot probe " + ref.uri() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Lance 7.0.0's inverted-index writer deadlocks on machines with three or fewer cores unless its
   * thread pool is sized through LANCE_CPU_THREADS; such builds are left pending rather than hung.
   */
  static boolean invertedBuildsAreSafe() {
    return invertedBuildsAreSafe(Runtime.getRuntime().availableProcessors(), System.getenv("LANCE_CPU_THREADS"));
  }

  static boolean invertedBuildsAreSafe(int processors, String lanceCpuThreads) {
    return processors > 3 || lanceCpuThreads != null;
  }

  /** Why {@link #segment} built nothing for an index of {@code kind}; BTREE builds always succeed. */
  static String pendingReason(IndexKind kind) {
    return kind == IndexKind.INVERTED ? textIndexPendingReason(Runtime.getRuntime().availableProcessors())
        : "vector index waits for at least " + MIN_TRAINING_VECTORS + " non-null vectors to train on;"
            + " ENSURE INDICES builds it once there are";
  }

  static String textIndexPendingReason(int processors) {
    return "text index not built: Lance's text-index writer can hang on a machine with 3 or fewer cores"
        + " (this one has " + processors + ") unless LANCE_CPU_THREADS is set; set LANCE_CPU_THREADS=2"
        + " (or more) in the environment before the JVM starts, then run ENSURE INDICES again";
  }

  private static Optional<Index> segment(Dataset ds, List<Integer> fragments, IndexRequest r, boolean replace) {
    if (r.kind() == IndexKind.INVERTED && !invertedBuildsAreSafe()) return Optional.empty();
    String uuid = UUID.randomUUID().toString();
    IndexOptions.Builder b = switch (r.kind()) {
      case BTREE -> IndexOptions.builder(List.of(r.column()), IndexType.BTREE,
          IndexParams.builder().setScalarIndexParams(ScalarIndexParams.create("btree")).build());
      case INVERTED -> IndexOptions.builder(List.of(r.column()), IndexType.INVERTED,
          IndexParams.builder().setScalarIndexParams(textParams()).build());
      case VECTOR -> {
        long vectors = ds.countRows(r.column() + " IS NOT NULL");
        if (vectors < MIN_TRAINING_VECTORS) yield null;
        yield IndexOptions.builder(List.of(r.column()), IndexType.IVF_FLAT,
            IndexParams.builder().setVectorIndexParams(vectorParams(ds, r.column(), vectors)).build());
      }
    };
    if (b == null) return Optional.empty();
    Index staged = ds.createIndex(b.withIndexName(indexName(r.column())).withIndexUUID(uuid)
        .withFragmentIds(fragments).replace(replace).build());
    return Optional.of(switch (r.kind()) {
      case BTREE -> staged;
      case INVERTED -> {
        // A fragment-scoped text index is written as partitions; merging writes its metadata file.
        ds.mergeIndexMetadata(uuid, IndexType.INVERTED, Optional.empty());
        yield staged;
      }
      case VECTOR -> ds.buildIndexSegments(List.of(staged), IndexType.IVF_FLAT, Optional.empty()).get(0);
    });
  }

  private static ScalarIndexParams textParams() {
    // Lance's Java binding passes every field through, so the defaults are spelled out here.
    return InvertedIndexParams.builder().baseTokenizer("simple").language("English").withPosition(false)
        .maxTokenLength(40).lowerCase(true).stem(true).removeStopWords(true).asciiFolding(true).build();
  }

  private static VectorIndexParams vectorParams(Dataset ds, String column, long vectors) {
    int partitions = (int) Math.max(1, Math.min(MAX_PARTITIONS, (long) Math.sqrt(vectors)));
    IvfBuildParams untrained = new IvfBuildParams.Builder().setNumPartitions(partitions).build();
    // A segment built outside Lance's own commit path needs its centroids trained up front.
    float[] centroids = VectorTrainer.trainIvfCentroids(ds, column, untrained, DistanceType.L2);
    IvfBuildParams ivf = new IvfBuildParams.Builder().setNumPartitions(partitions).setCentroids(centroids).build();
    return new VectorIndexParams.Builder(ivf).setDistanceType(DistanceType.L2).build();
  }

  private static Map<String, String> indexedColumns(Dataset ds) {
    Map<String, String> out = new LinkedHashMap<>();
    indexesByColumn(ds).forEach((column, d) -> out.put(column, d.getIndexType()));
    return out;
  }

  /** Each indexed column of the dataset with the index on it. */
  private static Map<String, IndexDescription> indexesByColumn(Dataset ds) {
    Map<Integer, String> names = new HashMap<>();
    for (LanceField f : ds.getLanceSchema().fields()) names.put(f.getId(), f.getName());
    Map<String, IndexDescription> out = new LinkedHashMap<>();
    for (IndexDescription d : ds.describeIndices()) {
      for (int id : d.getFieldIds()) {
        String name = names.get(id);
        if (name != null) out.put(name, d);
      }
    }
    return out;
  }

  private static WriteConflict moved(String uri, long expected, long actual) {
    return new WriteConflict("table " + uri + " is at version " + actual + " but the manifest pins " + expected
        + "; its index build was refused");
  }
}
