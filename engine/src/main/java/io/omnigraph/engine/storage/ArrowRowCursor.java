package io.omnigraph.engine.storage;

import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.read.VectorCursor;
import io.omnigraph.engine.schema.RowCodec;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.lance.ipc.LanceScanner;
import org.lance.ipc.ScanOptions;

/**
 * A cursor over a Lance scan, converting one Arrow batch at a time, or read in place through
 * {@link VectorCursor}. It holds a lease on
 * the table version's handle until closed, so the read cache cannot close the handle mid-scan.
 */
final class ArrowRowCursor implements VectorCursor {
  private final DatasetCache.Lease lease;
  /** What produces {@code reader}; closed after it. */
  private final AutoCloseable source;
  private final ArrowReader reader;
  private final List<String> columns;
  private FieldVector[] vectors;
  private int rowCount;
  private int index = -1;
  private boolean done;

  ArrowRowCursor(DatasetCache.Lease lease, ScanOptions options, List<String> columns) {
    this.lease = lease;
    LanceScanner scanner = lease.dataset().newScan(options);
    this.source = scanner;
    try {
      this.reader = scanner.scanBatches();
    } catch (RuntimeException e) {
      closeQuietly(scanner, e);
      throw e;
    }
    this.columns = List.copyOf(columns);
  }

  /** Streams {@code reader}'s batches, which read the leased handle; {@code columns} name its vectors. */
  ArrowRowCursor(DatasetCache.Lease lease, ArrowReader reader, List<String> columns) {
    this.lease = lease;
    this.source = () -> {};
    this.reader = reader;
    this.columns = List.copyOf(columns);
  }

  private static void closeQuietly(AutoCloseable c, RuntimeException pending) {
    try {
      c.close();
    } catch (Exception e) {
      pending.addSuppressed(e);
    }
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    if (done) return false;
    index++;
    while (index >= rowCount) {
      if (!loadBatch()) {
        done = true;
        return false;
      }
    }
    return true;
  }

  private boolean loadBatch() {
    try {
      if (!reader.loadNextBatch()) return false;
    } catch (Exception e) {
      throw OmniGraphException.storage("scan failed: " + e.getMessage(), e);
    }
    VectorSchemaRoot root;
    try {
      root = reader.getVectorSchemaRoot();
    } catch (java.io.IOException e) {
      throw OmniGraphException.storage("scan failed: " + e.getMessage(), e);
    }
    vectors = new FieldVector[columns.size()];
    for (int i = 0; i < vectors.length; i++) vectors[i] = root.getVector(columns.get(i));
    rowCount = root.getRowCount();
    index = 0;
    return true;
  }

  @Override
  public Object[] row() {
    Object[] out = new Object[vectors.length];
    for (int i = 0; i < out.length; i++) out[i] = RowCodec.readValue(vectors[i], index);
    return out;
  }

  @Override
  public FieldVector vector(int column) {
    return vectors[column];
  }

  @Override
  public int rowIndex() {
    return index;
  }

  @Override
  public void close() {
    try (lease; source; reader) {
      // reverse declaration order: the handle the scan reads must outlive the scan
    } catch (Exception e) {
      throw OmniGraphException.storage("cannot close scan: " + e.getMessage(), e);
    }
  }
}
