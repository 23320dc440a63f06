package io.omnigraph.engine.storage;

import io.omnigraph.engine.error.OmniGraphException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.lance.Dataset;
import org.lance.WriteParams;
import org.lance.ipc.LanceScanner;
import org.lance.ipc.ScanOptions;

/**
 * The {@code _graph_commit_recoveries.lance} dataset: one row per completed recovery (SPEC §7).
 * It is created by the first recovery, so a graph that never needed one has no such dataset. The
 * log is append-only and outside the manifest: it records what recovery did, it is not graph state.
 */
public final class RecoveryAuditStore {
  public static final String DIR = "_graph_commit_recoveries.lance";
  static final Schema SCHEMA = new Schema(List.of(
      utf8("graph_commit_id", false),
      utf8("recovery_kind", false),
      utf8("recovery_for_actor", true),
      utf8("operation_id", false),
      utf8("sidecar_writer_kind", false),
      utf8("per_table_outcomes_json", false),
      new Field("created_at", FieldType.notNullable(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)), null)));
  private static final List<String> COLUMNS = SCHEMA.getFields().stream().map(Field::getName).toList();

  /** One audit row, as stored. */
  public record Row(String graphCommitId, String recoveryKind, String recoveryForActor, String operationId,
      String sidecarWriterKind, String perTableOutcomesJson, long createdAtMicros) {}

  private final ObjectStore store;
  private final TableStore tables;
  private final BufferAllocator allocator;

  /** The audit dataset lives under the graph root of {@code store}; Lance reaches it with the options of {@code tables}. */
  public RecoveryAuditStore(ObjectStore store, TableStore tables) {
    this.store = store;
    this.tables = tables;
    this.allocator = tables.allocator();
  }

  /** Every recorded recovery, oldest first; empty when no recovery ever ran. */
  public List<Row> read() {
    if (!store.exists(DIR)) return List.of();
    List<Row> out = new ArrayList<>();
    try (Dataset ds = tables.openDataset(store.uri(DIR));
        LanceScanner scanner = ds.newScan(new ScanOptions.Builder().columns(COLUMNS).batchSize(1024).build());
        ArrowReader reader = scanner.scanBatches()) {
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        for (int i = 0; i < root.getRowCount(); i++) {
          out.add(new Row(str(root, "graph_commit_id", i), str(root, "recovery_kind", i),
              str(root, "recovery_for_actor", i), str(root, "operation_id", i), str(root, "sidecar_writer_kind", i),
              str(root, "per_table_outcomes_json", i), ((TimeStampMicroVector) root.getVector("created_at")).get(i)));
        }
      }
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      throw OmniGraphException.storage("cannot read the recovery audit log: " + e.getMessage(), e);
    }
    out.sort(java.util.Comparator.comparingLong(Row::createdAtMicros));
    return out;
  }

  /** Appends one row, creating the dataset on first use. */
  public void append(Row row) {
    boolean exists = store.exists(DIR);
    try {
      write(row, exists ? WriteParams.WriteMode.APPEND : WriteParams.WriteMode.CREATE);
    } catch (RuntimeException e) {
      // Another process may have created the log between the check and the write.
      if (exists || !store.exists(DIR)) throw failure(e);
      try {
        write(row, WriteParams.WriteMode.APPEND);
      } catch (RuntimeException again) {
        throw failure(again);
      }
    }
  }

  private void write(Row row, WriteParams.WriteMode mode) {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator)) {
      root.allocateNew();
      set(root, "graph_commit_id", row.graphCommitId());
      set(root, "recovery_kind", row.recoveryKind());
      set(root, "recovery_for_actor", row.recoveryForActor());
      set(root, "operation_id", row.operationId());
      set(root, "sidecar_writer_kind", row.sidecarWriterKind());
      set(root, "per_table_outcomes_json", row.perTableOutcomesJson());
      ((TimeStampMicroVector) root.getVector("created_at")).setSafe(0, row.createdAtMicros());
      root.setRowCount(1);
      try (ArrowReader reader = ArrowStreams.readerOf(root, allocator);
          Dataset ds = Dataset.write().allocator(allocator).reader(reader).uri(store.uri(DIR)).mode(mode)
              .storageOptions(tables.lanceOptions())
              .enableStableRowIds(true).execute()) {
        ds.version();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static OmniGraphException failure(RuntimeException e) {
    if (e instanceof OmniGraphException o) return o;
    return OmniGraphException.storage("cannot append to the recovery audit log: " + e.getMessage(), e);
  }

  private static void set(VectorSchemaRoot root, String col, String v) {
    VarCharVector vec = (VarCharVector) root.getVector(col);
    if (v == null) vec.setNull(0);
    else vec.setSafe(0, v.getBytes(StandardCharsets.UTF_8));
  }

  private static String str(VectorSchemaRoot root, String col, int i) {
    FieldVector v = root.getVector(col);
    return v.isNull(i) ? null : new String(((VarCharVector) v).get(i), StandardCharsets.UTF_8);
  }

  private static Field utf8(String name, boolean nullable) {
    return new Field(name, nullable ? FieldType.nullable(new ArrowType.Utf8()) : FieldType.notNullable(new ArrowType.Utf8()),
        null);
  }
}
