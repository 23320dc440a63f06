package io.omnigraph.engine.storage;

import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.WriteConflict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.lance.CommitBuilder;
import org.lance.Dataset;
import org.lance.Fragment;
import org.lance.FragmentMetadata;
import org.lance.Transaction;
import org.lance.operation.Update;
import org.lance.Ref;
import org.lance.Session;
import org.lance.WriteParams;
import org.lance.ipc.LanceScanner;
import org.lance.ipc.ScanOptions;
import org.lance.compaction.Compaction;
import org.lance.compaction.CompactionOptions;
import org.lance.compaction.CompactionPlan;
import org.lance.compaction.CompactionTask;
import org.lance.compaction.RewriteResult;
import org.lance.compaction.TaskData;

/**
 * The {@code __manifest} dataset: the single authority on which table versions and commits make
 * up each graph version. Graph branches are Lance branches of this dataset. A publish is one
 * single Lance {@code Update} that replaces the branch's head row, so two concurrent publishers on
 * one branch can never both land (see {@link #publish}).
 */
public final class ManifestStore {
  public static final String DIR = "__manifest";
  public static final String SCHEMA_VERSION = "6";
  static final Schema SCHEMA = new Schema(List.of(
      utf8("object_id", false),
      utf8("object_type", false),
      utf8("location", true),
      utf8("metadata", true),
      new Field("base_objects", FieldType.nullable(new ArrowType.List()),
          List.of(new Field("item", FieldType.nullable(new ArrowType.Utf8()), null))),
      utf8("table_key", false),
      u64("stable_table_id"),
      u64("table_incarnation_id"),
      u64("table_version"),
      utf8("table_branch", true),
      u64("row_count")),
      Map.of("omnigraph:internal_schema_version", SCHEMA_VERSION));
  private static final List<String> COLUMNS = SCHEMA.getFields().stream().map(Field::getName).toList();

  private final String uri;
  private final BufferAllocator allocator;
  private final Session session;
  private final TableStore tables;
  /**
   * The newest main version this store opened or published, or -1. Its handle, kept in the table
   * store's read cache, answers "which version is newest" (see {@link NewerVersions}) without
   * opening the manifest again: opening costs more than the rest of a small commit's reads.
   */
  private volatile long mainSeen = -1;

  /**
   * @param tables the graph handle's table store, whose allocator and Lance session this store
   *     shares, so that manifest metadata counts against the same {@link CacheBudget}
   */
  public ManifestStore(String uri, TableStore tables) {
    this.uri = uri;
    this.allocator = tables.allocator();
    this.session = tables.session();
    this.tables = tables;
  }

  /**
   * A lease on main's handle at {@code version}, or at the newest version when null. The newest
   * is found through the handle of the last version seen when there is one.
   */
  private DatasetCache.Lease leaseMain(Long version) {
    long target;
    if (version != null) {
      target = version;
    } else {
      long seen = mainSeen;
      if (seen >= 0) {
        try (DatasetCache.Lease known = tables.lease(new TableRef(uri, null, seen))) {
          target = NewerVersions.newest(uri, known.dataset(), seen, (v, ds) -> tables.adopt(new TableRef(uri, null, v), ds));
        }
      } else {
        try (Dataset ds = open(null, null)) {
          target = ds.version();
        }
      }
    }
    DatasetCache.Lease lease = tables.lease(new TableRef(uri, null, target));
    if (version == null && target > mainSeen) mainSeen = target;
    return lease;
  }

  /**
   * A read of one manifest version.
   *
   * @param maxFragmentId the highest fragment id of that version: a later read of the same branch
   *     finds every row written since in fragments above it
   * @param headRowAddress where the branch's head row lives, or -1 when the read did not see it
   */
  public record Read(long version, List<ManifestRow> rows, long maxFragmentId, long headRowAddress, int fragments) {}

  /** Creates the manifest holding {@code rows} as its first version. */
  public long create(List<ManifestRow> rows) {
    try (VectorSchemaRoot root = toRoot(rows);
        ArrowReader reader = ArrowStreams.readerOf(root, allocator);
        Dataset ds = Dataset.write().allocator(allocator).session(session).reader(reader).uri(uri)
            .storageOptions(tables.lanceOptions())
            .mode(WriteParams.WriteMode.CREATE).enableStableRowIds(true).execute()) {
      return ds.version();
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      throw OmniGraphException.storage("cannot create manifest at " + uri + ": " + e.getMessage(), e);
    }
  }

  /** The newest version of a branch's manifest (null or "main" = main). */
  public long latestVersion(String branch) {
    if (isMain(branch)) {
      try (DatasetCache.Lease lease = leaseMain(null)) {
        return lease.dataset().version();
      } catch (OmniGraphException e) {
        throw e;
      } catch (Exception e) {
        throw OmniGraphException.storage("cannot open manifest main at " + uri + ": " + e.getMessage(), e);
      }
    }
    try (Dataset ds = open(branch, null)) {
      return ds.version();
    }
  }

  /** Every row of the manifest of {@code branch} at {@code version} (null = newest). */
  public Read read(String branch, Long version) {
    return readChangedSince(branch, version, -1);
  }

  /**
   * The rows of {@code branch} at {@code version} written or rewritten since an earlier version of
   * the same branch whose highest fragment id was {@code sinceFragmentId} (-1 = every row). Every
   * publish writes its rows, replacements included, as new fragments, and Lance numbers fragments
   * upward along a lineage, so only fragments above {@code sinceFragmentId} are read: the cost is
   * the change, not the history. Applying the rows by object id to the earlier state yields this one.
   */
  public Read readChangedSince(String branch, Long version, long sinceFragmentId) {
    try (Handle h = handle(branch, version)) {
      Dataset ds = h.dataset();
      List<Integer> fresh = new ArrayList<>();
      long maxFragment = sinceFragmentId;
      List<Fragment> fragments = ds.getFragments();
      for (Fragment f : fragments) {
        if (f.getId() > sinceFragmentId) fresh.add(f.getId());
        maxFragment = Math.max(maxFragment, f.getId());
      }
      List<ManifestRow> rows = new ArrayList<>();
      long headAddress = -1;
      if (fresh.isEmpty()) return new Read(ds.version(), rows, maxFragment, headAddress, fragments.size());
      String headId = "graph_head:" + branchLabel(branch);
      ScanOptions.Builder b = new ScanOptions.Builder().columns(COLUMNS).withRowAddress(true).batchSize(8192);
      if (sinceFragmentId >= 0) b.fragmentIds(fresh);
      try (LanceScanner scanner = ds.newScan(b.build()); ArrowReader reader = scanner.scanBatches()) {
        while (reader.loadNextBatch()) {
          VectorSchemaRoot root = reader.getVectorSchemaRoot();
          for (int i = 0; i < root.getRowCount(); i++) {
            ManifestRow row = fromRoot(root, i);
            rows.add(row);
            if (row.objectId().equals(headId)) headAddress = RowAddresses.at(root, i);
          }
        }
      }
      return new Read(ds.version(), rows, maxFragment, headAddress, fragments.size());
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      throw OmniGraphException.storage("cannot read manifest " + branchLabel(branch) + " at " + uri
          + " (damaged or missing files?): " + e.getMessage(), e);
    }
  }

  /** A landed publish: the new manifest version and where the branch's head row now lives. */
  /**
   * A landed publish. {@code fragments} is the manifest's fragment count, or -1 when the publish did
   * not list its fragments (see {@link #publish}).
   */
  public record Published(long version, long headRowAddress, long maxFragmentId, int fragments) {}

  /**
   * Publishes rows as the next version of the branch's manifest, only if that branch is still at
   * {@code expectedVersion}. Rows whose object id already exists (listed in {@code replaces}) are
   * replaced. The publish is one Lance {@code Update}: the new rows as one new fragment plus a
   * deletion of the rows they replace. Every publish replaces the branch's head row, so two
   * publishers starting from one version touch the same fragment and Lance lets only one land.
   *
   * @param headRowAddress where the current head row lives, if known (saves a scan)
   * @throws WriteConflict if another publish landed first
   */
  public Published publish(String branch, long expectedVersion, List<ManifestRow> rows, Set<String> replaces,
      Long headRowAddress, long knownMaxFragmentId) {
    String headId = "graph_head:" + branchLabel(branch);
    List<ManifestRow> ordered = new ArrayList<>(rows);
    ordered.sort(java.util.Comparator.comparing(r -> r.objectId().equals(headId)));
    try (Handle h = handle(branch, null)) {
      Dataset ds = h.dataset();
      if (ds.version() != expectedVersion) throw moved(branch, expectedVersion, ds.version());
      Map<String, Long> addresses = new HashMap<>();
      if (headRowAddress != null && replaces.contains(headId)) addresses.put(headId, headRowAddress);
      Set<String> unknown = new HashSet<>(replaces);
      unknown.removeAll(addresses.keySet());
      if (!unknown.isEmpty()) addresses.putAll(addressesOf(ds, unknown));
      Map<Integer, List<Integer>> byFragment = new TreeMap<>();
      for (long a : addresses.values()) byFragment.computeIfAbsent((int) (a >>> 32), k -> new ArrayList<>()).add((int) a);
      List<Long> removed = new ArrayList<>();
      List<FragmentMetadata> updated = new ArrayList<>();
      for (Map.Entry<Integer, List<Integer>> e : byFragment.entrySet()) {
        e.getValue().sort(null);
        FragmentMetadata after = ds.getFragment(e.getKey()).deleteRows(e.getValue());
        if (after == null) removed.add((long) e.getKey());
        else updated.add(after);
      }
      List<FragmentMetadata> fresh;
      try (VectorSchemaRoot root = toRoot(ordered)) {
        fresh = Fragment.create(writeUri(branch), allocator, root, tables.stageParams());
      }
      Dataset after;
      try (Transaction tx = new Transaction.Builder().readVersion(expectedVersion).operation(Update.builder()
              .removedFragmentIds(removed).updatedFragments(updated).newFragments(fresh).build()).build()) {
        after = new CommitBuilder(ds).execute(tx);
      }
      try {
        long maxFragment = fresh.size() == 1 ? newFragmentAbove(after, knownMaxFragmentId) : -1;
        int fragments = -1;
        if (maxFragment < 0) {
          List<Integer> ids = after.getFragments().stream().map(Fragment::getId).toList();
          maxFragment = ids.stream().mapToLong(Integer::longValue).max().orElse(-1);
          fragments = ids.size();
        }
        // Lance numbers the fragments a commit adds above every existing one: the new rows are in the highest.
        boolean headWritten = ordered.get(ordered.size() - 1).objectId().equals(headId);
        long address = maxFragment >= 0 && fresh.size() == 1 && headWritten
            ? (maxFragment << 32) | (ordered.size() - 1) : -1;
        Published published = new Published(after.version(), address, maxFragment, fragments);
        if (isMain(branch)) {
          // The next commit's "is main still at this version" and its publish start from this handle.
          tables.adopt(new TableRef(uri, null, after.version()), after);
          after = null;
          if (published.version() > mainSeen) mainSeen = published.version();
        }
        return published;
      } finally {
        if (after != null) after.close();
      }
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("conflict")) {
        throw new WriteConflict("another commit landed on branch '" + branchLabel(branch)
            + "' while this one was published; retry the transaction");
      }
      throw OmniGraphException.storage("cannot publish to manifest " + branchLabel(branch) + ": " + e.getMessage(), e);
    }
  }

  private static WriteConflict moved(String branch, long expected, long actual) {
    return new WriteConflict("branch '" + branchLabel(branch) + "' moved from manifest version " + expected
        + " to " + actual + " while this commit was prepared; retry the transaction");
  }

  private Map<String, Long> addressesOf(Dataset ds, Set<String> objectIds) throws Exception {
    Map<String, Long> out = new HashMap<>();
    ScanOptions opts = new ScanOptions.Builder().columns(List.of("object_id")).withRowAddress(true)
        .filter(new io.omnigraph.engine.read.Predicate.In("object_id", List.copyOf(objectIds)).toLance()).build();
    try (LanceScanner scanner = ds.newScan(opts); ArrowReader reader = scanner.scanBatches()) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        for (int i = 0; i < root.getRowCount(); i++) out.put(str(root, "object_id", i), RowAddresses.at(root, i));
      }
    }
    return out;
  }

  private String writeUri(String branch) {
    return isMain(branch) ? uri : uri + "/tree/" + branch;
  }

  /**
   * Rewrites main's small fragments (every publish adds one) into few, holding the same rows, and
   * commits nothing: needs no lock, reads one version and writes only new data files. The newest
   * fragment is left out: it holds the head row that the next publish replaces, and a rewrite of
   * it would collide with that publish.
   *
   * @return the staged rewrite, or null when there is nothing to merge
   */
  public StagedCompaction stageMainCompaction() {
    Dataset ds = open(null, null);
    try {
      // Only the small fragments since the last round: the manifest keeps every commit's rows, so
      // merging everything below Lance's million-row target would rewrite the whole history.
      CompactionOptions options = CompactionOptions.builder().withTargetRowsPerFragment(TableMaintenance.TAIL_ROWS)
          .build();
      CompactionPlan plan = Compaction.planCompaction(ds, options);
      long newest = -1;
      for (CompactionTask task : plan.getCompactionTasks()) {
        for (FragmentMetadata f : task.getTaskData().getFragments()) newest = Math.max(newest, f.getId());
      }
      List<RewriteResult> results = new ArrayList<>();
      for (CompactionTask task : plan.getCompactionTasks()) {
        long leftOut = newest;
        List<FragmentMetadata> fragments = task.getTaskData().getFragments().stream()
            .filter(f -> f.getId() != leftOut).toList();
        if (fragments.size() < 2) continue;
        CompactionTask kept = fragments.size() == task.getTaskData().getFragments().size() ? task
            : new CompactionTask(new TaskData(fragments), task.getReadVersion(), task.getCompactionOptions());
        results.add(kept.execute(ds));
      }
      if (results.isEmpty()) {
        ds.close();
        return null;
      }
      return new StagedCompaction(uri, ds, results, options);
    } catch (RuntimeException e) {
      ds.close();
      throw e instanceof OmniGraphException o ? o
          : OmniGraphException.storage("cannot compact manifest main: " + e.getMessage(), e);
    }
  }

  /**
   * Commits a staged rewrite onto main's newest version; Lance carries it over the publishes made
   * since it was staged. Call only while holding main's write lock.
   *
   * @return false when a publish since then changed rows the rewrite covers (nothing is committed)
   */
  public boolean commitStaged(StagedCompaction staged) {
    try {
      staged.commit();
      return true;
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("conflict")) return false;
      throw OmniGraphException.storage("cannot commit the compaction of manifest main: " + e.getMessage(), e);
    }
  }

  /** Creates a manifest branch from another branch's version. */
  public void createBranch(String name, String fromBranch, long fromVersion) {
    // Lance resolves the version inside the lineage of the handle it is called on.
    try (Dataset source = open(fromBranch, null)) {
      Ref ref = isMain(fromBranch) ? Ref.ofMain(fromVersion) : Ref.ofBranch(fromBranch, fromVersion);
      try (Dataset created = tables.createBranch(source, name, ref)) {
        created.version();
      }
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      // Lance raises I/O failures as undeclared IOExceptions.
      throw OmniGraphException.storage("cannot create manifest branch " + name + ": " + e.getMessage(), e);
    }
  }

  public void deleteBranch(String name) {
    try (Dataset base = open(null, null)) {
      base.branches().delete(name);
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      // Lance raises I/O failures as undeclared IOExceptions.
      throw OmniGraphException.storage("cannot delete manifest branch " + name + ": " + e.getMessage(), e);
    }
  }

  /** The internal schema version the manifest was stamped with at creation, or -1 if unstamped. */
  public int internalSchemaVersion() {
    try (Dataset ds = open(null, null)) {
      Map<String, String> meta = ds.getSchema().getCustomMetadata();
      String v = meta == null ? null : meta.get("omnigraph:internal_schema_version");
      return v == null ? -1 : Integer.parseInt(v);
    }
  }

  /** The branch a manifest branch was created from ("main" when from main). */
  public String parentOf(String name) {
    try (Dataset base = open(null, null)) {
      return VanishedRefs.branches(base).stream().filter(b -> b.getName().equals(name)).findFirst()
          .flatMap(org.lance.Branch::getParentBranch).orElse("main");
    }
  }

  /** Names of the manifest's Lance branches (graph branches other than main). */
  public List<String> branchNames() {
    try (Dataset base = open(null, null)) {
      return VanishedRefs.branches(base).stream().map(org.lance.Branch::getName).sorted().toList();
    }
  }

  /** An open manifest version: a leased cache handle on main, a handle of its own on a branch. */
  /**
   * The id of the one fragment a publish added, found above the highest id the base version had
   * ({@code known}, -1 when unknown), or -1. Listing every fragment instead costs the history: with
   * stable row ids, a compacted fragment's metadata carries a row id per row it ever held.
   */
  private static long newFragmentAbove(Dataset after, long known) {
    if (known < 0) return -1;
    // Lance numbers new fragments above the highest id it ever gave, which a removed fragment may have held.
    for (long id = known + 1; id <= known + 64 && id <= Integer.MAX_VALUE; id++) {
      try {
        if (after.getFragment((int) id) != null) return id;
      } catch (RuntimeException absent) {
        // not this id
      }
    }
    return -1;
  }

  private record Handle(Dataset dataset, AutoCloseable release) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      release.close();
    }
  }

  private Handle handle(String branch, Long version) {
    if (isMain(branch)) {
      DatasetCache.Lease lease = leaseMain(version);
      return new Handle(lease.dataset(), lease);
    }
    Dataset ds = open(branch, version);
    return new Handle(ds, ds);
  }

  private Dataset open(String branch, Long version) {
    return VanishedRefs.retrying(isMain(branch) ? null : branch, () -> openOnce(branch, version));
  }

  private Dataset openOnce(String branch, Long version) {
    try {
      Dataset base = tables.openDataset(uri);
      if (isMain(branch) && version == null) return base;
      try (base) {
        if (isMain(branch)) return base.checkoutVersion(version);
        return base.checkout(version == null ? Ref.ofBranch(branch) : Ref.ofBranch(branch, version));
      }
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      // Lance raises I/O failures (a truncated version file) as undeclared IOExceptions.
      throw OmniGraphException.storage("cannot open manifest " + branchLabel(branch)
          + (version == null ? "" : " at version " + version) + " at " + uri + ": " + e.getMessage(), e);
    }
  }

  private static boolean isMain(String branch) {
    return branch == null || branch.equals("main");
  }

  private static String branchLabel(String branch) {
    return isMain(branch) ? "main" : branch;
  }

  private VectorSchemaRoot toRoot(List<ManifestRow> rows) {
    VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
    root.allocateNew();
    for (int i = 0; i < rows.size(); i++) {
      ManifestRow r = rows.get(i);
      setString(root, "object_id", i, r.objectId());
      setString(root, "object_type", i, r.objectType());
      setString(root, "location", i, r.location());
      setString(root, "metadata", i, r.metadata());
      setString(root, "table_key", i, r.tableKey());
      setU64(root, "stable_table_id", i, r.stableTableId());
      setU64(root, "table_incarnation_id", i, r.tableIncarnationId());
      setU64(root, "table_version", i, r.tableVersion());
      setString(root, "table_branch", i, r.tableBranch());
      setU64(root, "row_count", i, r.rowCount());
    }
    ListVector bases = (ListVector) root.getVector("base_objects");
    UnionListWriter w = bases.getWriter();
    for (int i = 0; i < rows.size(); i++) {
      w.setPosition(i);
      List<String> b = rows.get(i).baseObjects();
      if (b == null) {
        w.writeNull();
        continue;
      }
      w.startList();
      for (String s : b) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        try (var buf = allocator.buffer(bytes.length)) {
          buf.setBytes(0, bytes);
          w.varChar().writeVarChar(0, bytes.length, buf);
        }
      }
      w.endList();
    }
    bases.setValueCount(rows.size());
    root.setRowCount(rows.size());
    return root;
  }

  private static void setString(VectorSchemaRoot root, String col, int i, String v) {
    VarCharVector vec = (VarCharVector) root.getVector(col);
    if (v == null) vec.setNull(i);
    else vec.setSafe(i, v.getBytes(StandardCharsets.UTF_8));
  }

  private static void setU64(VectorSchemaRoot root, String col, int i, Long v) {
    UInt8Vector vec = (UInt8Vector) root.getVector(col);
    if (v == null) vec.setNull(i);
    else vec.setSafe(i, v);
  }

  private static ManifestRow fromRoot(VectorSchemaRoot root, int i) {
    ListVector bases = (ListVector) root.getVector("base_objects");
    List<String> baseObjects = null;
    if (!bases.isNull(i)) {
      baseObjects = new ArrayList<>();
      for (Object o : bases.getObject(i)) baseObjects.add(o == null ? null : o.toString());
    }
    return new ManifestRow(str(root, "object_id", i), str(root, "object_type", i), str(root, "location", i),
        str(root, "metadata", i), baseObjects, str(root, "table_key", i), u64(root, "stable_table_id", i),
        u64(root, "table_incarnation_id", i), u64(root, "table_version", i), str(root, "table_branch", i),
        u64(root, "row_count", i));
  }

  private static String str(VectorSchemaRoot root, String col, int i) {
    FieldVector v = root.getVector(col);
    return v.isNull(i) ? null : new String(((VarCharVector) v).get(i), StandardCharsets.UTF_8);
  }

  private static Long u64(VectorSchemaRoot root, String col, int i) {
    FieldVector v = root.getVector(col);
    return v.isNull(i) ? null : ((UInt8Vector) v).get(i);
  }

  private static Field utf8(String name, boolean nullable) {
    return new Field(name, nullable ? FieldType.nullable(new ArrowType.Utf8()) : FieldType.notNullable(new ArrowType.Utf8()), null);
  }

  private static Field u64(String name) {
    return new Field(name, FieldType.nullable(new ArrowType.Int(64, false)), null);
  }
}
