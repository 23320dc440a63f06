package io.omnigraph.engine.storage;

import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.WriteConflict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
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
import org.lance.Dataset;
import org.lance.Ref;
import org.lance.WriteParams;
import org.lance.ipc.LanceScanner;
import org.lance.ipc.ScanOptions;
import org.lance.merge.MergeInsertParams;

/**
 * The {@code __manifest} dataset: the single authority on which table versions and commits make
 * up each graph version. Graph branches are Lance branches of this dataset. A publish is one
 * merge-insert keyed by {@code object_id} with zero conflict retries: the branch's head row is
 * rewritten by every publish, so two concurrent publishers on one branch can never both land.
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

  public ManifestStore(String uri, BufferAllocator allocator) {
    this.uri = uri;
    this.allocator = allocator;
  }

  /** A read of one manifest version: its rows and the version number. */
  public record Read(long version, List<ManifestRow> rows) {}

  /** Creates the manifest holding {@code rows} as its first version. */
  public long create(List<ManifestRow> rows) {
    try (VectorSchemaRoot root = toRoot(rows);
        ArrowReader reader = ArrowStreams.readerOf(root, allocator);
        Dataset ds = Dataset.write().allocator(allocator).reader(reader).uri(uri)
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
    try (Dataset ds = open(branch, null)) {
      return ds.version();
    }
  }

  /** Every row of the manifest of {@code branch} at {@code version} (null = newest). */
  public Read read(String branch, Long version) {
    try (Dataset ds = open(branch, version)) {
      List<ManifestRow> rows = new ArrayList<>();
      ScanOptions opts = new ScanOptions.Builder().columns(COLUMNS).batchSize(8192).build();
      try (LanceScanner scanner = ds.newScan(opts); ArrowReader reader = scanner.scanBatches()) {
        while (reader.loadNextBatch()) {
          VectorSchemaRoot root = reader.getVectorSchemaRoot();
          for (int i = 0; i < root.getRowCount(); i++) rows.add(fromRoot(root, i));
        }
      }
      return new Read(ds.version(), rows);
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      throw OmniGraphException.storage("cannot read manifest " + branchLabel(branch) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Publishes rows (inserted or replacing rows with the same object id) as the next version of the
   * branch's manifest, only if that branch is still at {@code expectedVersion}.
   *
   * @return the new manifest version
   * @throws WriteConflict if another publish landed first
   */
  public long publish(String branch, long expectedVersion, List<ManifestRow> rows) {
    try (Dataset ds = open(branch, null)) {
      if (ds.version() != expectedVersion) {
        throw new WriteConflict("branch '" + branchLabel(branch) + "' moved from manifest version " + expectedVersion
            + " to " + ds.version() + " while this commit was prepared; retry the transaction");
      }
      MergeInsertParams params = new MergeInsertParams(List.of("object_id")).withMatchedUpdateAll()
          .withNotMatched(MergeInsertParams.WhenNotMatched.InsertAll).withConflictRetries(0);
      try (VectorSchemaRoot root = toRoot(rows);
          ArrowReader reader = ArrowStreams.readerOf(root, allocator);
          ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
        Data.exportArrayStream(allocator, reader, stream);
        try (Dataset after = ds.mergeInsert(params, stream).dataset()) {
          return after.version();
        }
      }
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      if (String.valueOf(e.getMessage()).contains("concurrent")) {
        throw new WriteConflict("another commit landed on branch '" + branchLabel(branch)
            + "' while this one was published; retry the transaction");
      }
      throw OmniGraphException.storage("cannot publish to manifest " + branchLabel(branch) + ": " + e.getMessage(), e);
    }
  }

  /** Creates a manifest branch from another branch's version. */
  public void createBranch(String name, String fromBranch, long fromVersion) {
    try (Dataset base = open(null, null)) {
      Ref ref = isMain(fromBranch) ? Ref.ofMain(fromVersion) : Ref.ofBranch(fromBranch, fromVersion);
      try (Dataset created = base.createBranch(name, ref)) {
        created.version();
      }
    } catch (RuntimeException e) {
      throw OmniGraphException.storage("cannot create manifest branch " + name + ": " + e.getMessage(), e);
    }
  }

  public void deleteBranch(String name) {
    try (Dataset base = open(null, null)) {
      base.branches().delete(name);
    }
  }

  /** Names of the manifest's Lance branches (graph branches other than main). */
  public List<String> branchNames() {
    try (Dataset base = open(null, null)) {
      return base.branches().list().stream().map(org.lance.Branch::getName).sorted().toList();
    }
  }

  private Dataset open(String branch, Long version) {
    try {
      Dataset base = Dataset.open().allocator(allocator).uri(uri).build();
      if (isMain(branch) && version == null) return base;
      try (base) {
        if (isMain(branch)) return base.checkoutVersion(version);
        return base.checkout(version == null ? Ref.ofBranch(branch) : Ref.ofBranch(branch, version));
      }
    } catch (RuntimeException e) {
      throw OmniGraphException.storage("cannot open manifest " + branchLabel(branch)
          + (version == null ? "" : " at version " + version) + ": " + e.getMessage(), e);
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
