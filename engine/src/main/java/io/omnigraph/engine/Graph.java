package io.omnigraph.engine;

import io.omnigraph.engine.commit.BranchInfo;
import io.omnigraph.engine.maintenance.CleanupResult;
import io.omnigraph.engine.maintenance.IndexBuildResult;
import io.omnigraph.engine.maintenance.Maintenance;
import io.omnigraph.engine.maintenance.OptimizeResult;
import io.omnigraph.engine.merge.BranchMerge;
import io.omnigraph.engine.merge.ChangeFeed;
import io.omnigraph.engine.merge.ChangeSet;
import io.omnigraph.engine.merge.MergeResult;
import io.omnigraph.engine.read.Adjacencies;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.recovery.RecoveryAudit;
import io.omnigraph.engine.recovery.RecoveryRecord;
import io.omnigraph.engine.schemaapply.SchemaApply;
import io.omnigraph.engine.schemaapply.SchemaApplyResult;
import io.omnigraph.engine.schemaapply.SchemaPlan;
import io.omnigraph.engine.commit.BranchName;
import io.omnigraph.engine.commit.Branches;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.ManifestIds;
import io.omnigraph.engine.commit.ManifestState;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.recovery.RecoverySweep;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.SchemaCompiler;
import io.omnigraph.engine.schema.TypeKind;
import io.omnigraph.engine.storage.ManifestRow;
import io.omnigraph.engine.storage.ManifestStore;
import io.omnigraph.engine.storage.ObjectStore;
import io.omnigraph.engine.storage.ObjectStores;
import io.omnigraph.engine.storage.StorageOptions;
import io.omnigraph.engine.storage.TableStore;
import io.omnigraph.engine.write.GraphTransaction;
import io.omnigraph.engine.write.JsonlLoader;
import io.omnigraph.engine.write.LoadMode;
import io.omnigraph.engine.write.LoadResult;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * An open graph. One handle is meant to be shared by every thread and connection of a process that
 * uses the graph: reads take immutable snapshots, writes go through per-table queues and a single
 * manifest publish per commit.
 */
public final class Graph implements AutoCloseable {
  public static final String SCHEMA_FILE = "_schema.pg";
  public static final String SCHEMA_IR_FILE = "_schema.ir.json";
  public static final String SCHEMA_STATE_FILE = "__schema_state.json";
  static final String INIT_CLAIM = "__init_claim.json";

  private final String location;
  private final BufferAllocator allocator;
  private final EngineContext ctx;
  private final Adjacencies adjacencies = new Adjacencies();

  private Graph(String location, BufferAllocator allocator, EngineContext ctx) {
    this.location = location;
    this.allocator = allocator;
    this.ctx = ctx;
  }

  /** True when {@code location} holds a graph. */
  public static boolean exists(String location) {
    return exists(location, StorageOptions.NONE);
  }

  /** True when {@code location}, reached with {@code storage} options, holds a graph. */
  public static boolean exists(String location, StorageOptions storage) {
    try (ObjectStore store = ObjectStores.forLocation(location, storage)) {
      return store.exists(SCHEMA_FILE);
    }
  }

  /**
   * Creates a graph at {@code location} from schema text: one empty table per type, the manifest
   * with the genesis commit, and the accepted schema files.
   */
  public static Graph init(String location, String schemaSource) {
    return init(location, schemaSource, StorageOptions.NONE);
  }

  /** {@link #init(String, String)} on a location reached with {@code storage} options. */
  public static Graph init(String location, String schemaSource, StorageOptions storage) {
    return init(location, schemaSource, storage, GraphSettings.defaults());
  }

  /** {@link #init(String, String, StorageOptions)}, the handle opened with {@code settings}. */
  public static Graph init(String location, String schemaSource, StorageOptions storage, GraphSettings settings) {
    Catalog catalog = SchemaCompiler.compile(schemaSource);
    try (ObjectStore store = ObjectStores.forLocation(location, storage)) {
      initTables(location, catalog, store, storage);
    }
    return open(location, false, storage, settings);
  }

  private static void initTables(String location, Catalog catalog, ObjectStore store, StorageOptions storage) {
    if (store.exists(SCHEMA_FILE) || store.exists(ManifestStore.DIR)) {
      throw OmniGraphException.state("a graph already exists at " + location + " (AlreadyInitialized)");
    }
    if (!store.createExclusive(INIT_CLAIM, "{}")) {
      throw OmniGraphException.state("another process is initializing a graph at " + location);
    }
    BufferAllocator allocator = new RootAllocator();
    TableStore tables = new TableStore(allocator, storage);
    try {
      List<ManifestRow> rows = new ArrayList<>();
      for (EntityType t : catalog.allTypes()) {
        String path = ManifestIds.location(t.kind() == TypeKind.NODE, t.stableTypeId(), t.incarnationId());
        tables.create(store.uri(path), t.arrowSchema());
        TableEntry e = new TableEntry(t.tableKey(), t.stableTypeId(), t.incarnationId(), path, 1, null, 0);
        rows.add(ManifestState.registrationRow(e));
        rows.add(ManifestState.versionRow(e));
      }
      String genesis = new io.omnigraph.engine.commit.Ulid().next();
      rows.add(ManifestState.commitRow(new GraphCommit(genesis, null, 1, null, null, null, nowMicros())));
      rows.add(ManifestState.headRow("main", genesis, null));
      new ManifestStore(store.uri(ManifestStore.DIR), tables).create(rows);
      SchemaFiles.write(store, catalog);
      store.delete(INIT_CLAIM);
    } catch (RuntimeException e) {
      tables.close();
      allocator.close();
      throw e;
    }
    tables.close();
    allocator.close();
  }


  /**
   * Opens an existing graph; {@code readOnly} handles refuse every write and never repair. A
   * read-write open first settles every writer a crash interrupted (SPEC §7) and fails, naming the
   * sidecar, if one cannot be settled.
   */
  public static Graph open(String location, boolean readOnly) {
    return open(location, readOnly, StorageOptions.NONE);
  }

  /** {@link #open(String, boolean)} on a location reached with {@code storage} options. */
  public static Graph open(String location, boolean readOnly, StorageOptions storage) {
    return open(location, readOnly, storage, GraphSettings.defaults());
  }

  /** {@link #open(String, boolean, StorageOptions)}, the handle maintaining itself by {@code settings}. */
  public static Graph open(String location, boolean readOnly, StorageOptions storage, GraphSettings settings) {
    ObjectStore store = ObjectStores.forLocation(location, storage);
    try {
      return open(location, readOnly, storage, settings, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static Graph open(String location, boolean readOnly, StorageOptions storage, GraphSettings settings,
      ObjectStore store) {
    if (!store.exists(SCHEMA_FILE)) {
      throw OmniGraphException.notFound("no graph at " + location + " (missing " + SCHEMA_FILE + ")");
    }
    Catalog catalog = SchemaFiles.read(store);
    BufferAllocator allocator = new RootAllocator();
    TableStore tables = new TableStore(allocator, settings.cache(), storage);
    ManifestStore manifest = new ManifestStore(store.uri(ManifestStore.DIR), tables);
    checkInternalVersion(location, manifest, tables, allocator);
    EngineContext ctx = new EngineContext(store, tables, manifest, catalog, readOnly, settings);
    if (!readOnly) {
      try {
        new RecoverySweep(ctx).run();
        // Commits a handle made durable in the log but did not publish before it ended.
        ctx.commitLog().settle();
      } catch (RuntimeException e) {
        ctx.commitLog().close();
        tables.close();
        allocator.close();
        throw e;
      }
    }
    return new Graph(location, allocator, ctx);
  }

  private static void checkInternalVersion(String location, ManifestStore manifest, TableStore tables,
      BufferAllocator allocator) {
    int found;
    try {
      found = manifest.internalSchemaVersion();
    } catch (RuntimeException e) {
      tables.close();
      allocator.close();
      throw e;
    }
    int expected = Integer.parseInt(ManifestStore.SCHEMA_VERSION);
    if (found != expected) {
      tables.close();
      allocator.close();
      throw OmniGraphException.state("graph at " + location + " has internal schema version " + found + "; this engine reads "
          + expected + (found < expected ? ": rebuild it via export/import" : ": upgrade omnigraph first"));
    }
  }

  public String location() {
    return location;
  }

  public Catalog catalog() {
    return ctx.catalog();
  }

  public boolean readOnly() {
    return ctx.readOnly();
  }

  /** Engine internals for the layers built on it (SQL adapter, maintenance). */
  public EngineContext context() {
    return ctx;
  }

  /** The edge-type adjacencies this handle has built for graph pattern traversal, by table version. */
  public Adjacencies adjacencies() {
    return adjacencies;
  }

  /** The newest committed state of a branch. */
  public Snapshot snapshot(String branch) {
    requireBranch(branch);
    if (!branch.equals("main")) return ctx.latest(branch);
    // A read-only handle cannot publish what the commit log holds: it reads it on top.
    if (ctx.readOnly()) return ctx.commitLog().withUnfolded(ctx.latest(branch));
    ctx.commitLog().settle();
    return ctx.latest(branch);
  }

  /** A branch as of one of its manifest versions. */
  public Snapshot snapshotAt(String branch, long manifestVersion) {
    requireBranch(branch);
    if (branch.equals("main")) ctx.commitLog().settle();
    long latest = ctx.manifest().latestVersion(branch);
    if (manifestVersion < 1 || manifestVersion > latest) {
      throw OmniGraphException.notFound("branch '" + branch + "' has no manifest version " + manifestVersion
          + " (latest is " + latest + ")");
    }
    return ctx.at(branch, manifestVersion);
  }

  /** The graph exactly as a commit left it. */
  public Snapshot snapshotAtCommit(String commitId) {
    ctx.commitLog().settle();
    List<String> candidates = new ArrayList<>();
    candidates.add("main");
    candidates.addAll(ctx.manifest().branchNames());
    for (String b : candidates) {
      ManifestState state = ctx.latest(b).state();
      GraphCommit c = state.commit(commitId);
      if (c == null) continue;
      Snapshot at = ctx.at(c.branchName(), c.manifestVersion());
      return c.branchName().equals("main") ? exactlyAfter(c, at, state) : at;
    }
    throw OmniGraphException.notFound("commit '" + commitId + "' not found");
  }

  /**
   * {@code at}, the version that published commit {@code c} on main, or, when a fold of the commit
   * log published later commits in the same version, the version before with the fold's records
   * up to {@code c} on top.
   */
  private Snapshot exactlyAfter(GraphCommit c, Snapshot at, ManifestState mainState) {
    List<GraphCommit> commits = mainState.commits();
    int i = commits.indexOf(c);
    boolean lastOfVersion = i == commits.size() - 1 || commits.get(i + 1).manifestVersion() != c.manifestVersion();
    if (lastOfVersion || c.manifestVersion() < 2) return at;
    Snapshot before = ctx.at("main", c.manifestVersion() - 1);
    // A group commit shares a version too, without a log to tell its commits apart (a state the branch had).
    if (before.state().log().equals(at.state().log())) return at;
    return ctx.commitLog().asOf(before, at.state().log(), c.id()).orElseThrow(() -> OmniGraphException.notFound(
        "commit '" + c.id() + "' was published together with the commits after it up to '"
            + at.headCommitId() + "', and CLEANUP has since removed the commit log records that tell its own state"
            + " apart; read as of '" + at.headCommitId() + "' instead"));
  }

  /** Starts a write transaction on a branch; {@code actor} is recorded on its commit (may be null). */
  public GraphTransaction begin(String branch, String actor) {
    requireBranch(branch);
    return new GraphTransaction(ctx, branch, actor);
  }

  /** Loads a JSONL batch as one commit. */
  public LoadResult load(String branch, Reader jsonl, LoadMode mode, String actor) {
    requireBranch(branch);
    ctx.checkWritable();
    return JsonlLoader.load(ctx, branch, jsonl, mode, actor);
  }

  /** Commits visible on a branch, newest first (own commits plus those inherited up to its fork). */
  public List<GraphCommit> commits(String branch) {
    List<GraphCommit> all = new ArrayList<>(snapshot(branch).state().commits());
    java.util.Collections.reverse(all);
    return all;
  }

  /** Branch names: main first, then the others sorted; internal branches are hidden. */
  public List<String> branches() {
    return branchOps().names().stream().filter(b -> !BranchName.isInternal(b)).toList();
  }

  /** Live branches with their heads and origins. */
  public List<BranchInfo> branchInfos() {
    ctx.commitLog().settle();
    return branchOps().list();
  }

  /** Creates a branch at the current head of {@code from} (SPEC §3.2). */
  public BranchInfo createBranch(String name, String from) {
    refuseDuringSchemaApply("branch create");
    ctx.commitLog().settle();
    return branchOps().create(name, from);
  }

  /** Deletes a branch (SPEC §3.2); main and branches others depend on are refused. */
  public void deleteBranch(String name) {
    refuseDuringSchemaApply("branch delete");
    branchOps().delete(name);
  }

  /**
   * Merges {@code source} into {@code target} (SPEC §5): already up to date, fast-forward, or a
   * three-way entity merge published as one commit; conflicts throw and publish nothing.
   */
  public MergeResult merge(String source, String target, String actor) {
    refuseDuringSchemaApply("branch merge");
    ctx.commitLog().settle();
    return new BranchMerge(ctx).merge(source, target, actor, false);
  }

  /** What {@link #merge} would do, conflicts included, without publishing anything. */
  public MergeResult mergeDryRun(String source, String target) {
    ctx.commitLog().settle();
    return new BranchMerge(ctx).merge(source, target, null, true);
  }

  /** The entity-level changes from one view to another (two commits, two branches). */
  public ChangeSet diff(ReadView from, ReadView to) {
    return new ChangeFeed(ctx).diff(from, to);
  }

  /** The steps that applying {@code desiredSchema} would take, or why it cannot be applied. */
  public SchemaPlan planSchema(String desiredSchema) {
    return new SchemaApply(ctx).plan(desiredSchema);
  }

  /** Why {@link #applySchema} would be refused now (another branch exists, an apply runs); empty if nothing blocks it. */
  public Optional<String> schemaApplyRefusal() {
    return new SchemaApply(ctx).refusal();
  }

  /** Applies a new schema atomically (SPEC §6); only while main is the only branch. */
  public SchemaApplyResult applySchema(String desiredSchema, boolean allowDataLoss) {
    ctx.commitLog().settle();
    return new SchemaApply(ctx).apply(desiredSchema, allowDataLoss);
  }

  /** Builds every declared index missing on a branch; one commit if anything was built. */
  public IndexBuildResult ensureIndices(String branch) {
    requireBranch(branch);
    if (branch.equals("main")) ctx.commitLog().settle();
    return new Maintenance(ctx).ensureIndices(branch);
  }

  /** Compacts main's tables and folds new rows into indexes; one commit if anything changed. */
  public OptimizeResult optimize() {
    ctx.commitLog().settle();
    return new Maintenance(ctx).optimize();
  }

  /** Removes table versions older than the newest {@code keepVersions} that nothing still pins. */
  public CleanupResult cleanup(int keepVersions) {
    ctx.commitLog().settle();
    CleanupResult result = new Maintenance(ctx).cleanup(keepVersions);
    ctx.commitLog().rotate();
    return result;
  }

  /** The recovery audit: one record per sidecar a read-write open settled. */
  public List<RecoveryRecord> recoveries() {
    return new RecoveryAudit(ctx).recoveries();
  }

  private void refuseDuringSchemaApply(String operation) {
    if (SchemaApply.inProgress(ctx)) {
      throw OmniGraphException.state(operation + " is unavailable while schema apply is in progress");
    }
  }

  private Branches branchOps() {
    return new Branches(ctx);
  }

  void requireBranch(String branch) {
    if (!branchOps().exists(branch)) throw OmniGraphException.notFound("branch '" + branch + "' not found");
  }

  static long nowMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  @Override
  public void close() {
    try {
      ctx.commitLog().close();
    } catch (RuntimeException e) {
      // What the log holds is durable: the next read-write open publishes it.
      java.util.logging.Logger.getLogger(Graph.class.getName()).log(java.util.logging.Level.WARNING,
          "could not publish the commit log's last commits at close; the next open will", e);
    }
    ctx.autoCompaction().close();
    ctx.manifestCompaction().close();
    ctx.recovery().close();
    ctx.tables().close();
    allocator.close();
    ctx.store().close();
  }
}
