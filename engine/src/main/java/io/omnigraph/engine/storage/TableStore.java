package io.omnigraph.engine.storage;

import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.WriteConflict;
import io.omnigraph.engine.read.Aggregation;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.RowCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.lance.CommitBuilder;
import org.lance.Dataset;
import org.lance.Fragment;
import org.lance.FragmentMetadata;
import org.lance.ReadOptions;
import org.lance.Ref;
import org.lance.Session;
import org.lance.Transaction;
import org.lance.WriteParams;
import org.lance.ipc.LanceScanner;
import org.lance.ipc.ScanOptions;
import org.lance.operation.Append;
import org.lance.operation.Restore;
import org.lance.operation.Update;

/**
 * The only door to the table datasets. Writes exist only as stage-then-commit pairs, so every
 * durable effect on a table happens in {@link #commit}, where the engine controls when and whether
 * it happens; recovery can therefore account for every version a writer created.
 *
 * <p>Read handles are cached per (uri, branch, version): a Lance version never changes once
 * written, and handles are safe to share between threads. Every dataset this store opens shares
 * one Lance session, so the native caches of the whole graph stay within its {@link CacheBudget}.
 */
public final class TableStore implements AutoCloseable {
  private final BufferAllocator allocator;
  private final StorageOptions storage;
  private final WriteParams stageParams;
  private final Session session;
  private final DatasetCache readCache;
  private final RowLocator locator;
  private final java.util.concurrent.atomic.LongAdder idsLookedUp = new java.util.concurrent.atomic.LongAdder();
  private final ColumnCache columns;

  public TableStore(BufferAllocator allocator) {
    this(allocator, StorageOptions.NONE);
  }

  public TableStore(BufferAllocator allocator, StorageOptions storage) {
    this(allocator, CacheBudget.fromSystemProperties(), storage);
  }

  public TableStore(BufferAllocator allocator, CacheBudget budget) {
    this(allocator, budget, StorageOptions.NONE);
  }

  /** {@code storage} goes to Lance with every dataset this store (and the stores sharing it) opens or writes. */
  public TableStore(BufferAllocator allocator, CacheBudget budget, StorageOptions storage) {
    this.allocator = allocator;
    this.storage = storage;
    this.stageParams = new WriteParams.Builder().withEnableStableRowIds(true).withStorageOptions(storage.lance()).build();
    this.session = Session.builder().indexCacheSizeBytes(budget.indexCacheBytes())
        .metadataCacheSizeBytes(budget.metadataCacheBytes()).build();
    this.readCache = new DatasetCache(budget.openVersions(), this::openVersion);
    this.locator = new RowLocator(budget.locatedRows());
    this.columns = new ColumnCache(budget.columnBytes());
  }

  public BufferAllocator allocator() {
    return allocator;
  }

  /** The Lance session of this graph handle; every dataset opened for the graph shares it. */
  Session session() {
    return session;
  }

  /** The object-store options of this graph handle, for every Lance call that takes a URI. */
  Map<String, String> lanceOptions() {
    return storage.lance();
  }

  /** Parameters of a staged (uncommitted) fragment write: stable row ids, this graph's storage options. */
  WriteParams stageParams() {
    return stageParams;
  }

  /** A Lance branch of {@code source}'s dataset; Lance refuses an empty options map, and a local graph has none. */
  Dataset createBranch(Dataset source, String name, Ref ref) {
    return storage.lance().isEmpty() ? source.createBranch(name, ref) : source.createBranch(name, ref, storage.lance());
  }

  /** Opens the newest version of the dataset at {@code uri} with this graph's session and storage options. */
  Dataset openDataset(String uri) {
    return Dataset.open().allocator(allocator).session(session).uri(uri)
        .readOptions(new ReadOptions.Builder().setSession(session).setStorageOptions(storage.lance()).build()).build();
  }

  /** Creates an empty table dataset (version 1) with stable row ids. */
  public void create(String uri, Schema schema) {
    try (Dataset ds = Dataset.write().allocator(allocator).session(session).schema(schema).uri(uri)
        .storageOptions(storage.lance()).mode(WriteParams.WriteMode.CREATE).enableStableRowIds(true).execute()) {
      ds.version();
    } catch (RuntimeException e) {
      throw OmniGraphException.storage("cannot create table at " + uri + ": " + e.getMessage(), e);
    }
  }

  /** The newest version of the table on a Lance branch (null = main lineage). */
  public long latestVersion(String uri, String lanceBranch) {
    try (Dataset ds = openLatest(uri, lanceBranch)) {
      return ds.version();
    }
  }

  /** Lance branch names present on the table. */
  public Set<String> branches(String uri) {
    try (Dataset ds = openLatest(uri, null)) {
      Set<String> names = new HashSet<>();
      VanishedRefs.branches(ds).forEach(b -> names.add(b.getName()));
      return names;
    }
  }

  /**
   * Forks the table for a graph branch: a Lance branch named {@code newBranch} starting at
   * {@code from}. Cheap: no data is copied. A stale fork of the same name (left by a deleted graph
   * branch) is replaced.
   */
  public void fork(TableRef from, String newBranch) {
    try (Dataset base = openLatest(from.uri(), null)) {
      boolean exists = VanishedRefs.branches(base).stream().anyMatch(b -> b.getName().equals(newBranch));
      if (exists) base.branches().delete(newBranch);
      Ref ref = from.lanceBranch() == null
          ? Ref.ofMain(from.version())
          : Ref.ofBranch(from.lanceBranch(), from.version());
      // Lance resolves the version inside the lineage of the handle it is called on.
      try (Dataset source = from.lanceBranch() == null ? null : openLatest(from.uri(), from.lanceBranch());
          Dataset fork = createBranch(source == null ? base : source, newBranch, ref)) {
        fork.version();
      }
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      // Lance raises I/O failures as undeclared IOExceptions.
      throw OmniGraphException.storage("cannot fork " + from.uri() + " for branch " + newBranch + ": " + e.getMessage(), e);
    }
  }

  /** Removes a table's fork for a deleted graph branch; absent forks are ignored. */
  public void deleteFork(String uri, String lanceBranch) {
    try (Dataset base = openLatest(uri, null)) {
      if (VanishedRefs.branches(base).stream().anyMatch(b -> b.getName().equals(lanceBranch))) {
        base.branches().delete(lanceBranch);
      }
    }
  }

  /**
   * Prepares one table write against {@code ref}: the rows with {@code removeIds} (or every row when
   * {@code removeAll}) are marked deleted and {@code newRows} are written as new data files.
   */
  public StagedWrite stage(
      TableRef ref, EntityType type, Collection<String> removeIds, boolean removeAll, List<Map<String, Object>> newRows) {
    return stage(ref, type, removeIds, removeAll, newRows, Map.of());
  }

  /**
   * As {@link #stage(TableRef, EntityType, Collection, boolean, List)}, where {@code knownAddresses}
   * gives the row address in {@code ref} of some of the ids to remove (read with them, see
   * {@link RowAddresses}), so that only the others are looked up.
   */
  public StagedWrite stage(TableRef ref, EntityType type, Collection<String> removeIds, boolean removeAll,
      List<Map<String, Object>> newRows, Map<String, Long> knownAddresses) {
    List<Long> removed = new ArrayList<>();
    List<FragmentMetadata> updated = new ArrayList<>();
    long rowsRemoved;
    try (DatasetCache.Lease lease = lease(ref)) {
      rowsRemoved = stageRemovals(ref, lease.dataset(), removeIds, removeAll, knownAddresses, removed, updated);
    }
    List<FragmentMetadata> fresh = List.of();
    if (!newRows.isEmpty()) {
      try (VectorSchemaRoot root = VectorSchemaRoot.create(type.arrowSchema(), allocator)) {
        RowCodec.write(type, newRows, root);
        fresh = Fragment.create(writeUri(ref), allocator, root, stageParams);
      } catch (RuntimeException e) {
        throw OmniGraphException.storage("cannot stage rows for " + type.name() + ": " + e.getMessage(), e);
      }
    }
    return new StagedWrite(ref.uri(), ref.lanceBranch(), ref.version(), removed, updated, fresh, newRows.size(), rowsRemoved);
  }

  /** Marks rows deleted fragment by fragment; returns how many rows that removes. */
  private long stageRemovals(TableRef ref, Dataset ds, Collection<String> removeIds, boolean removeAll,
      Map<String, Long> knownAddresses, List<Long> removed, List<FragmentMetadata> updated) {
    long rowsRemoved = 0;
    if (removeAll) {
      for (Fragment f : ds.getFragments()) {
        removed.add((long) f.getId());
        rowsRemoved += f.countRows();
      }
    } else if (!removeIds.isEmpty()) {
      Map<Integer, List<Integer>> byFragment = rowAddresses(ref, ds, removeIds, knownAddresses);
      for (Map.Entry<Integer, List<Integer>> e : byFragment.entrySet()) {
        rowsRemoved += e.getValue().size();
        FragmentMetadata after = ds.getFragment(e.getKey()).deleteRows(e.getValue());
        if (after == null) removed.add((long) e.getKey());
        else updated.add(after);
      }
    }
    return rowsRemoved;
  }

  /**
   * Commits a staged write as exactly one new version. Lance would rebase a stale write onto a newer
   * HEAD; the engine needs expected-version semantics, so a moved HEAD is a conflict here.
   *
   * @param properties recorded on the Lance transaction, so recovery can recognise its own effects
   * @return the new version
   */
  public long commit(StagedWrite w, Map<String, String> properties) {
    TableRef read = new TableRef(w.uri(), w.lanceBranch(), w.readVersion());
    try (DatasetCache.Lease lease = lease(read)) {
      // On the main lineage the staged read version's handle tells the newest version without
      // reopening the table; a fork's newest version is only known to a handle opened on it.
      Dataset base = lease.dataset();
      long head = w.lanceBranch() == null
          ? NewerVersions.newest(w.uri(), base, w.readVersion(), (v, ds) -> readCache.adopt(new TableRef(w.uri(), null, v), ds))
          : latestVersion(w.uri(), w.lanceBranch());
      if (head != w.readVersion()) {
        throw new WriteConflict("table " + w.uri() + " moved from version " + w.readVersion() + " to "
            + head + " while this write was prepared; retry the transaction");
      }
      org.lance.operation.Operation op = w.appendOnly()
          ? Append.builder().fragments(w.newFragments()).build()
          : Update.builder().removedFragmentIds(w.removedFragmentIds()).updatedFragments(w.updatedFragments())
              .newFragments(w.newFragments()).build();
      Dataset committed;
      try (Transaction tx = new Transaction.Builder().readVersion(w.readVersion()).operation(op)
              .transactionProperties(properties).build()) {
        committed = new CommitBuilder(base).execute(tx);
      }
      long version = committed.version();
      // The next write or read of this table starts from the version just made.
      if (w.lanceBranch() == null) readCache.adopt(new TableRef(w.uri(), null, version), committed);
      else committed.close();
      return version;
    } catch (OmniGraphException e) {
      throw e;
    } catch (RuntimeException e) {
      throw OmniGraphException.storage("cannot commit write to " + w.uri() + ": " + e.getMessage(), e);
    }
  }

  /** Makes {@code version}'s content the new HEAD (one new version); used to undo a crashed writer. */
  public long restore(String uri, String lanceBranch, long version) {
    try (Dataset head = openLatest(uri, lanceBranch)) {
      try (Transaction tx = new Transaction.Builder().readVersion(head.version())
              .operation(Restore.builder().version(version).build()).build();
          Dataset restored = new CommitBuilder(head).execute(tx)) {
        return restored.version();
      }
    }
  }

  /** The transaction properties recorded by the commit that produced HEAD, if any. */
  public Map<String, String> headTransactionProperties(String uri, String lanceBranch) {
    try (Dataset head = openLatest(uri, lanceBranch)) {
      java.util.Optional<Transaction> read = head.readTransaction();
      if (read.isEmpty()) return Map.of();
      try (Transaction tx = read.get()) {
        return tx.transactionProperties().orElse(Map.of());
      }
    }
  }

  /** Streams rows of one table version. */
  public RowCursor scan(TableRef ref, List<String> columns, String lanceFilter, Long limit) {
    List<String> stored = columns.stream().filter(c -> !c.equals(RowAddresses.COLUMN)).toList();
    boolean filtered = lanceFilter != null && !lanceFilter.equals("true");
    DatasetCache.Lease lease = lease(ref);
    try {
      ScanOptions.Builder b = new ScanOptions.Builder().columns(stored)
          .batchSize(ScanBatches.rows(lease.dataset()::getSchema, stored, filtered));
      if (stored.size() != columns.size()) b.withRowAddress(true);
      if (filtered) b.filter(lanceFilter);
      if (limit != null) b.limit(limit);
      return new ArrowRowCursor(lease, b.build(), columns);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /**
   * Hands every id of {@code ref}'s version to {@code sink} as the UTF-8 bytes Arrow holds, batch by
   * batch, without making a string of any: for the id sets of key checks, which keep bytes.
   */
  public void readIds(TableRef ref, Utf8Sink sink) {
    try (DatasetCache.Lease lease = lease(ref)) {
      IdColumn.read(lease.dataset(), sink);
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      throw OmniGraphException.storage("cannot read the ids of " + ref.uri() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The rows of one table version that may have these ids, read by row id (see {@link RowLocator}),
   * or empty when the table is not located and the caller must scan. The cursor may hold rows with
   * other ids: the caller filters on {@code id}, which {@code columns} must include.
   */
  public Optional<RowCursor> lookup(TableRef ref, List<String> columns, Collection<String> ids) {
    DatasetCache.Lease lease = lease(ref);
    try {
      Dataset ds = lease.dataset();
      Optional<long[]> rowIds = locator.candidates(ref, ds, ids);
      if (rowIds.isEmpty()) {
        lease.close();
        return Optional.empty();
      }
      if (rowIds.get().length == 0) {
        lease.close();
        return Optional.of(RowCursor.empty(columns));
      }
      List<Long> take = java.util.Arrays.stream(rowIds.get()).boxed().toList();
      ArrowReader reader;
      try {
        reader = ds.takeRows(take, columns);
      } catch (java.io.IOException e) {
        throw OmniGraphException.storage("cannot read rows of " + ref.uri() + ": " + e.getMessage(), e);
      }
      return Optional.of(new ArrowRowCursor(lease, reader, columns));
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /** Ids whose row addresses staging had to look up since this store opened; for tests. */
  long idsLookedUp() {
    return idsLookedUp.sum();
  }

  /** Lookups answered by row id since this store opened; for tests. */
  long locatedLookups() {
    return locator.answered();
  }

  /** Aggregates answered from held columns since this store opened; for tests. */
  long cachedAggregates() {
    return columns.answered();
  }

  /** The heap the held columns take, approximately; for tests. */
  long cachedColumnBytes() {
    return columns.bytes();
  }

  /**
   * Grouped aggregates of one table version: over the columns the {@link ColumnCache} holds when
   * the table is aggregated repeatedly and the aggregate is one {@link CachedAggregate} computes,
   * otherwise inside Lance (see {@link AggregateQuery}); the filter must be
   * {@link io.omnigraph.engine.read.Predicate#pushable pushable}.
   */
  public RowCursor aggregate(TableRef ref, Aggregation aggregation) {
    DatasetCache.Lease lease = lease(ref);
    try {
      Dataset ds = lease.dataset();
      Optional<CachedAggregate> cached = columns.enabled()
          ? CachedAggregate.plan(aggregation, columns.kinds(ref, ds))
          : Optional.empty();
      if (cached.isPresent()) {
        Optional<List<CachedColumn[]>> held = columns.columns(ref, ds, cached.get().forms());
        if (held.isPresent()) {
          lease.close();
          return cached.get().run(held.get());
        }
      }
      AggregateQuery query = new AggregateQuery(aggregation, ds.getSchema());
      ArrowReader reader;
      try {
        reader = ds.sql(query.sql()).tableName(AggregateQuery.TABLE).intoBatchRecords();
      } catch (java.io.IOException e) {
        throw OmniGraphException.storage("aggregate failed: " + e.getMessage(), e);
      }
      return query.results(new ArrowRowCursor(lease, reader, query.items()));
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  public long count(TableRef ref, String lanceFilter) {
    try (DatasetCache.Lease lease = lease(ref)) {
      Dataset ds = lease.dataset();
      return lanceFilter == null || lanceFilter.equals("true") ? ds.countRows() : ds.countRows(lanceFilter);
    }
  }

  /** Hands a handle of {@code ref} the caller produced (a commit's result) to the read cache. */
  void adopt(TableRef ref, Dataset dataset) {
    readCache.adopt(ref, dataset);
  }

  /** A lease on the cached read handle of one immutable table version; close it when done reading. */
  DatasetCache.Lease lease(TableRef ref) {
    return readCache.acquire(ref);
  }

  Dataset openVersion(TableRef ref) {
    return VanishedRefs.retrying(ref.lanceBranch(), () -> openVersionOnce(ref));
  }

  private Dataset openVersionOnce(TableRef ref) {
    try {
      Dataset base = open(ref.uri());
      Ref r = ref.lanceBranch() == null ? Ref.ofMain(ref.version()) : Ref.ofBranch(ref.lanceBranch(), ref.version());
      if (ref.lanceBranch() == null && base.version() == ref.version()) return base;
      try (base) {
        return base.checkout(r);
      }
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      // Lance raises I/O failures (a truncated version file) as undeclared IOExceptions.
      throw OmniGraphException.storage("cannot open " + ref.uri() + " version " + ref.version()
          + (ref.lanceBranch() == null ? "" : " on " + ref.lanceBranch()) + ": " + e.getMessage(), e);
    }
  }

  Dataset openLatest(String uri, String lanceBranch) {
    return VanishedRefs.retrying(lanceBranch, () -> openLatestOnce(uri, lanceBranch));
  }

  private Dataset openLatestOnce(String uri, String lanceBranch) {
    try {
      Dataset base = open(uri);
      if (lanceBranch == null) return base;
      try (base) {
        return base.checkout(Ref.ofBranch(lanceBranch));
      }
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      throw OmniGraphException.storage("cannot open " + uri + (lanceBranch == null ? "" : " on " + lanceBranch)
          + ": " + e.getMessage(), e);
    }
  }

  private Dataset open(String uri) {
    return openDataset(uri);
  }

  private String writeUri(TableRef ref) {
    return ref.lanceBranch() == null ? ref.uri() : ref.uri() + "/tree/" + ref.lanceBranch();
  }

  /** Row addresses of the given ids, grouped by fragment id, offsets ascending; {@code known} are not looked up. */
  private Map<Integer, List<Integer>> rowAddresses(TableRef ref, Dataset ds, Collection<String> ids,
      Map<String, Long> known) {
    if (known.isEmpty()) return rowAddresses(ref, ds, ids);
    List<String> unknown = new ArrayList<>();
    long[] addresses = new long[ids.size()];
    int n = 0;
    for (String id : ids) {
      Long a = known.get(id);
      if (a == null) unknown.add(id);
      else addresses[n++] = a;
    }
    if (unknown.isEmpty()) return byFragment(addresses, n);
    Map<Integer, List<Integer>> out = byFragment(addresses, n);
    rowAddresses(ref, ds, unknown).forEach((f, offsets) -> out.computeIfAbsent(f, k -> new ArrayList<>()).addAll(offsets));
    out.values().forEach(l -> l.sort(null));
    return out;
  }

  /** The first {@code n} addresses (fragment id in the high half) as offsets by fragment, ascending. */
  private static Map<Integer, List<Integer>> byFragment(long[] addresses, int n) {
    // Sorting the addresses themselves orders them by fragment, then offset, without boxing.
    java.util.Arrays.sort(addresses, 0, n);
    Map<Integer, List<Integer>> out = new TreeMap<>();
    List<Integer> current = null;
    int fragment = 0;
    for (int i = 0; i < n; i++) {
      int f = (int) (addresses[i] >>> 32);
      if (current == null || f != fragment) {
        fragment = f;
        current = new ArrayList<>();
        out.put(f, current);
      }
      current.add((int) addresses[i]);
    }
    return out;
  }

  /** Row addresses of the given ids, grouped by fragment id, offsets ascending. */
  private Map<Integer, List<Integer>> rowAddresses(TableRef ref, Dataset ds, Collection<String> ids) {
    idsLookedUp.add(ids.size());
    Set<String> wanted = ids instanceof Set<String> s ? s : new HashSet<>(ids);
    Optional<long[]> rowIds = locator.candidates(ref, ds, wanted);
    if (rowIds.isPresent()) return takenAddresses(ds, rowIds.get(), wanted);
    ScanOptions.Builder b = new ScanOptions.Builder().columns(List.of("id")).withRowAddress(true).batchSize(8192);
    if (wanted.size() <= 4096) {
      io.omnigraph.engine.read.Predicate in = new io.omnigraph.engine.read.Predicate.In("id", List.copyOf(wanted));
      // Ids Lance cannot be handed as filter text are found by the full scan below.
      if (io.omnigraph.engine.read.Predicate.pushable(in)) b.filter(in.toLance());
    }
    try (LanceScanner scanner = ds.newScan(b.build()); ArrowReader reader = scanner.scanBatches()) {
      return addressesOf(reader, wanted);
    } catch (Exception e) {
      throw OmniGraphException.storage("cannot locate rows in " + ds.uri() + ": " + e.getMessage(), e);
    }
  }

  /** The addresses of the rows among {@code rowIds} whose id is wanted, by fragment (see {@link RowLocator}). */
  private static Map<Integer, List<Integer>> takenAddresses(Dataset ds, long[] rowIds, Set<String> wanted) {
    if (rowIds.length == 0) return new TreeMap<>();
    List<Long> take = java.util.Arrays.stream(rowIds).boxed().toList();
    try (ArrowReader reader = ds.takeRows(take, List.of("id", RowAddresses.COLUMN))) {
      return addressesOf(reader, wanted);
    } catch (Exception e) {
      throw OmniGraphException.storage("cannot locate rows in " + ds.uri() + ": " + e.getMessage(), e);
    }
  }

  /** Row offsets by fragment of the rows {@code reader} yields (id and address) whose id is wanted. */
  private static Map<Integer, List<Integer>> addressesOf(ArrowReader reader, Set<String> wanted) throws java.io.IOException {
    long[] addresses = new long[Math.max(16, wanted.size())];
    int n = 0;
    while (reader.loadNextBatch()) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      VarCharVector id = (VarCharVector) root.getVector("id");
      for (int i = 0; i < root.getRowCount(); i++) {
        if (!wanted.contains(new String(id.get(i), java.nio.charset.StandardCharsets.UTF_8))) continue;
        if (n == addresses.length) addresses = java.util.Arrays.copyOf(addresses, n * 2);
        addresses[n++] = RowAddresses.at(root, i);
      }
    }
    return byFragment(addresses, n);
  }

  /** Closes idle read handles and releases the Lance session; handles of open scans close with their scans. */
  @Override
  public void close() {
    try {
      readCache.close();
    } finally {
      session.close();
    }
  }
}
