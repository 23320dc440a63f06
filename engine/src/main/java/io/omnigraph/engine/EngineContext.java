package io.omnigraph.engine;

import io.omnigraph.engine.commit.BranchLocks;
import io.omnigraph.engine.commit.ManifestRows;
import io.omnigraph.engine.commit.ManifestState;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.commit.Ulid;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.recovery.Failpoints;
import io.omnigraph.engine.recovery.RecoveryJournal;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.storage.ManifestRow;
import io.omnigraph.engine.storage.ManifestStore;
import io.omnigraph.engine.storage.ObjectStore;
import io.omnigraph.engine.storage.TableStore;
import io.omnigraph.engine.write.KnownIds;
import io.omnigraph.engine.write.WriteQueues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared internals of one open graph: its stores, the accepted catalog, the write queues and
 * a cache of decoded manifest versions. Thread-safe; holds no static state. Engine-internal: use
 * {@link Graph}.
 */
public final class EngineContext {
  private static final int STATE_CACHE_LIMIT = 32;

  private final ObjectStore store;
  private final TableStore tables;
  private final ManifestStore manifest;
  private final AtomicReference<Catalog> catalog;
  /** The schema state file the catalog was read from: another process's schema apply changes it. */
  private volatile String schemaState;
  private final boolean readOnly;
  private final Ulid ulid = new Ulid();
  private final WriteQueues queues = new WriteQueues();
  private final io.omnigraph.engine.write.CommitGroups commitGroups = new io.omnigraph.engine.write.CommitGroups(this);
  private final BranchLocks branchLocks;
  private final io.omnigraph.engine.maintenance.AutoCompaction autoCompaction;
  private final io.omnigraph.engine.maintenance.ManifestCompaction manifestCompaction;
  private final KnownIds knownIds;
  private final Failpoints failpoints = Failpoints.fromSystemProperty();
  private final RecoveryJournal recovery = new RecoveryJournal(this);
  private final io.omnigraph.engine.write.CommitLog commitLog;
  /** Decoded manifest versions, least recently used evicted first; guarded by itself. */
  private final Map<String, ManifestState> states = new java.util.LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ManifestState> eldest) {
      return size() > STATE_CACHE_LIMIT;
    }
  };
  /** Every commit decoded so far, by id: immutable, shared by every version that lists it. */
  private final Map<String, io.omnigraph.engine.commit.GraphCommit> commits = new ConcurrentHashMap<>();
  /** Per branch, the newest fully read manifest rows, so the next version reads only what changed. */
  private final Map<String, RowsAt> newestRows = new ConcurrentHashMap<>();

  /**
   * The rows of a branch's newest read version, and the step that led to it: the version before
   * ({@code previousVersion}, -1 after a full read) and the rows written or rewritten since.
   */
  private record RowsAt(long version, ManifestRows rows, long headRowAddress, long maxFragmentId,
      long previousVersion, List<ManifestRow> changed, int fragments) {}

  EngineContext(ObjectStore store, TableStore tables, ManifestStore manifest, Catalog catalog, boolean readOnly,
      GraphSettings settings) {
    this.store = store;
    this.knownIds = new KnownIds(settings.knownIds());
    this.tables = tables;
    this.manifest = manifest;
    this.catalog = new AtomicReference<>(catalog);
    this.readOnly = readOnly;
    this.branchLocks = new BranchLocks(store);
    this.schemaState = store.read(Graph.SCHEMA_STATE_FILE).orElse("");
    this.autoCompaction = new io.omnigraph.engine.maintenance.AutoCompaction(this, settings.autoCompactEvery(),
        settings.autoIndexAtRows());
    this.manifestCompaction = new io.omnigraph.engine.maintenance.ManifestCompaction(manifest,
        settings.manifestCompactAt());
    this.commitLog = new io.omnigraph.engine.write.CommitLog(this, settings.commitLog());
  }

  /** Main's commit log; every read-write handle folds it, whether or not it appends. */
  public io.omnigraph.engine.write.CommitLog commitLog() {
    return commitLog;
  }

  public io.omnigraph.engine.maintenance.ManifestCompaction manifestCompaction() {
    return manifestCompaction;
  }

  public ObjectStore store() {
    return store;
  }

  public TableStore tables() {
    return tables;
  }

  public ManifestStore manifest() {
    return manifest;
  }

  public Catalog catalog() {
    return catalog.get();
  }

  /** Installs the catalog a schema apply of this handle just wrote. */
  public void replaceCatalog(Catalog next) {
    catalog.set(next);
    schemaState = store.read(Graph.SCHEMA_STATE_FILE).orElse("");
  }

  /**
   * Reloads the catalog if another process applied a schema since it was read.
   *
   * @return true when the catalog changed
   */
  public boolean refreshSchema() {
    String now = store.read(Graph.SCHEMA_STATE_FILE).orElse("");
    if (now.equals(schemaState)) return false;
    synchronized (this) {
      if (now.equals(schemaState)) return false;
      catalog.set(SchemaFiles.read(store));
      schemaState = now;
      return true;
    }
  }

  public boolean readOnly() {
    return readOnly;
  }

  public io.omnigraph.engine.write.CommitGroups commitGroups() {
    return commitGroups;
  }

  public WriteQueues queues() {
    return queues;
  }

  /** Background compaction of main's tables as commits add small fragments. */
  public io.omnigraph.engine.maintenance.AutoCompaction autoCompaction() {
    return autoCompaction;
  }

  /** The ids of recently written tables, for existence checks without scans. */
  public KnownIds knownIds() {
    return knownIds;
  }

  /** The cross-process write locks of this graph's branches. */
  public BranchLocks branchLocks() {
    return branchLocks;
  }

  /** This handle's crash points, for recovery tests; none armed unless a test or {@value Failpoints#PROPERTY} arms them. */
  public Failpoints failpoints() {
    return failpoints;
  }

  /** This handle's recovery sidecars: writers that move tables before publishing register here. */
  public RecoveryJournal recovery() {
    return recovery;
  }

  public String newId() {
    return ulid.next();
  }

  public void checkWritable() {
    if (readOnly) throw new OmniGraphException(ErrorKind.READ_ONLY, "the graph is open read-only");
  }

  /** Drops cached state of a deleted branch, so a re-created branch of that name starts fresh. */
  public void forgetBranch(String branch) {
    newestRows.remove(branch);
    synchronized (states) {
      states.keySet().removeIf(k -> k.startsWith(branch + "\u0000"));
    }
  }

  /** The newest committed state of a branch; never a cached head. */
  public Snapshot latest(String branch) {
    long version = manifest.latestVersion(branch);
    RowsAt known = newestRows.get(branch);
    // A version this handle did not publish may come from another process's schema apply.
    if (known == null || known.version() != version) refreshSchema();
    return at(branch, version);
  }

  /** The state of a branch at one manifest version. */
  public Snapshot at(String branch, long version) {
    String key = branch + "\u0000" + version;
    ManifestState state;
    synchronized (states) {
      state = states.get(key);
    }
    if (state == null) {
      ManifestRows rows = rowsAt(branch, version);
      state = stepFromCached(branch, version);
      if (state == null) state = ManifestState.decode(branch, version, rows.all(), commits);
      synchronized (states) {
        states.put(key, state);
      }
    }
    return new Snapshot(catalog.get(), state, tables, store);
  }

  /**
   * The state of the newest read version from the cached state of the version before it and the
   * rows changed since, when both are known; null otherwise.
   */
  private ManifestState stepFromCached(String branch, long version) {
    RowsAt known = newestRows.get(branch);
    if (known == null || known.version() != version || known.previousVersion() < 0) return null;
    ManifestState previous;
    synchronized (states) {
      previous = states.get(branch + "\u0000" + known.previousVersion());
    }
    return previous == null ? null : previous.next(version, known.changed(), commits);
  }

  /**
   * Records a publish this process just made, so the next read of the branch does not re-read the
   * manifest: the new version's rows are the previous version's plus exactly these.
   */
  public void published(String branch, long fromVersion, ManifestStore.Published published, List<ManifestRow> rows) {
    newestRows.compute(branch, (b, known) -> {
      if (known == null || known.version() != fromVersion || published.version() != fromVersion + 1) return known;
      // A publish adds one fragment; when it did not count them, that is the estimate.
      int fragments = published.fragments() >= 0 ? published.fragments() : known.fragments() + 1;
      return new RowsAt(published.version(), known.rows().with(rows), published.headRowAddress(),
          published.maxFragmentId(), fromVersion, List.copyOf(rows), fragments);
    });
  }

  /**
   * Publishes rows as the next manifest version of a branch, replacing rows whose object ids exist
   * in {@code base}, and remembers the result so the next read needs no manifest scan.
   */
  public long publish(String branch, ManifestState base, List<ManifestRow> rows) {
    try (BranchLocks.Held held = branchLocks.acquire(branch)) {
      return publishLocked(branch, base, rows);
    }
  }

  private long publishLocked(String branch, ManifestState base, List<ManifestRow> rows) {
    RowsAt known = newestRows.get(branch);
    Long headAddress = known != null && known.version() == base.version() && known.headRowAddress() >= 0
        ? known.headRowAddress() : null;
    java.util.Set<String> replaces = new java.util.HashSet<>();
    ManifestRows existing = known != null && known.version() == base.version() ? known.rows() : null;
    for (ManifestRow r : rows) {
      if (existing != null ? existing.contains(r.objectId()) : !r.objectType().equals(ManifestRow.GRAPH_COMMIT)
          && !r.objectType().equals(ManifestRow.TABLE_VERSION)) {
        replaces.add(r.objectId());
      }
    }
    long maxFragment = known != null && known.version() == base.version() ? known.maxFragmentId() : -1;
    ManifestStore.Published p = manifest.publish(branch, base.version(), rows, replaces, headAddress, maxFragment);
    published(branch, base.version(), p, rows);
    RowsAt now = newestRows.get(branch);
    int fragments = p.fragments();
    if (fragments < 0) fragments = now != null && now.version() == p.version() ? now.fragments() : 0;
    // Same rows, fewer files; the next read picks the rewritten fragments up as changed rows.
    if (!readOnly && isMain(branch)) manifestCompaction.published(fragments);
    return p.version();
  }

  private static boolean isMain(String branch) {
    return branch == null || branch.equals("main");
  }

  /** The rows of a version, reading only what changed when this handle knows an earlier one. */
  private ManifestRows rowsAt(String branch, long version) {
    RowsAt known = newestRows.get(branch);
    if (known != null && known.version() < version) {
      ManifestStore.Read changed = manifest.readChangedSince(branch, version, known.maxFragmentId());
      ManifestRows rows = known.rows().with(changed.rows());
      // A head row not rewritten since still lives where it did.
      long head = changed.headRowAddress() >= 0 ? changed.headRowAddress() : known.headRowAddress();
      newestRows.put(branch, new RowsAt(version, rows, head, changed.maxFragmentId(), known.version(),
          List.copyOf(changed.rows()), changed.fragments()));
      return rows;
    }
    if (known != null && known.version() == version) return known.rows();
    ManifestStore.Read read = manifest.read(branch, version);
    ManifestRows rows = ManifestRows.of(read.rows());
    if (known == null || known.version() < read.version()) {
      newestRows.put(branch, new RowsAt(read.version(), rows, read.headRowAddress(), read.maxFragmentId(), -1,
          List.of(), read.fragments()));
    }
    return rows;
  }
}
