package io.omnigraph.engine.storage;

import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.WriteConflict;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.lance.CommitBuilder;
import org.lance.Dataset;
import org.lance.Fragment;
import org.lance.FragmentMetadata;
import org.lance.Transaction;
import org.lance.WriteParams;
import org.lance.ipc.LanceScanner;
import org.lance.ipc.ScanOptions;
import org.lance.operation.Overwrite;

/**
 * Whole-table rewrites for schema apply: the rows of one pinned version written again under a new
 * Arrow schema, then committed as exactly one {@code Overwrite} version of the same dataset. Older
 * versions keep their own schema and rows, so a soft property drop stays readable by time travel.
 */
public final class TableRewrites {

  private final TableStore tables;

  public TableRewrites(TableStore tables) {
    this.tables = tables;
  }

  /**
   * A rewrite whose data files exist but which no version references yet.
   *
   * @param rows the number of rows written
   */
  public record StagedRewrite(String uri, long readVersion, Schema schema, List<FragmentMetadata> fragments, long rows) {
    public StagedRewrite {
      fragments = List.copyOf(fragments);
    }
  }

  /**
   * Writes the rows of {@code ref} under {@code target} without moving HEAD.
   *
   * @param sources for each field of {@code target}, the column of {@code ref} it copies, or null
   *     for a column that starts out all null
   */
  public StagedRewrite stage(TableRef ref, Schema target, List<String> sources) {
    if (ref.lanceBranch() != null) {
      throw new IllegalArgumentException("schema rewrites only run on the main lineage: " + ref);
    }
    if (sources.size() != target.getFields().size()) {
      throw new IllegalArgumentException("one source per target field is required");
    }
    try (DatasetCache.Lease lease = tables.lease(ref)) {
      return stage(ref, lease.dataset(), target, sources);
    }
  }

  private StagedRewrite stage(TableRef ref, Dataset ds, Schema target, List<String> sources) {
    long rows = ds.countRows();
    if (rows == 0) return new StagedRewrite(ref.uri(), ref.version(), target, List.of(), 0);
    List<String> read = sources.stream().filter(s -> s != null).distinct().toList();
    BufferAllocator allocator = tables.allocator();
    try (LanceScanner scanner = ds.newScan(new ScanOptions.Builder().columns(read).batchSize(8192).build());
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
      // The exported stream owns the reader from here on and closes it when Lance is done.
      Data.exportArrayStream(allocator, new Remapped(allocator, scanner.scanBatches(), target, sources), stream);
      List<FragmentMetadata> fragments = Fragment.write().datasetUri(ref.uri()).allocator(allocator).data(stream)
          .writeParams(tables.stageParams()).execute();
      return new StagedRewrite(ref.uri(), ref.version(), target, fragments, rows);
    } catch (OmniGraphException e) {
      throw e;
    } catch (Exception e) {
      throw OmniGraphException.storage("cannot rewrite " + ref.uri() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Makes a staged rewrite the table's next version, only if HEAD is still the version it read.
   *
   * @return the new version
   */
  public long commit(StagedRewrite w, Map<String, String> properties) {
    try (Dataset head = tables.openLatest(w.uri(), null)) {
      if (head.version() != w.readVersion()) {
        throw new WriteConflict("table " + w.uri() + " moved from version " + w.readVersion() + " to "
            + head.version() + " while its rewrite was prepared");
      }
      Overwrite op = Overwrite.builder().fragments(w.fragments()).schema(w.schema()).build();
      try (Transaction tx = new Transaction.Builder().readVersion(w.readVersion()).operation(op)
              .transactionProperties(properties).build();
          Dataset committed = new CommitBuilder(head).execute(tx)) {
        return committed.version();
      }
    } catch (OmniGraphException e) {
      throw e;
    } catch (RuntimeException e) {
      throw OmniGraphException.storage("cannot commit rewrite of " + w.uri() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Deletes a whole table dataset. Only for datasets no published manifest version can reach any
   * more: a table created by a failed schema apply, or a hard-dropped one.
   */
  public void drop(String uri) {
    try {
      Dataset.drop(uri, tables.lanceOptions());
    } catch (RuntimeException e) {
      throw OmniGraphException.storage("cannot drop table at " + uri + ": " + e.getMessage(), e);
    }
  }

  /** Batches of a scan re-shaped into the target schema; columns move, they are not copied. */
  private static final class Remapped extends ArrowReader {
    private final ArrowReader in;
    private final Schema target;
    private final List<String> sources;
    private boolean closed;

    Remapped(BufferAllocator allocator, ArrowReader in, Schema target, List<String> sources) {
      super(allocator);
      this.in = in;
      this.target = target;
      this.sources = sources;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
      if (!in.loadNextBatch()) return false;
      VectorSchemaRoot from = in.getVectorSchemaRoot();
      VectorSchemaRoot to = getVectorSchemaRoot();
      int n = from.getRowCount();
      for (int i = 0; i < sources.size(); i++) {
        FieldVector out = to.getVector(i);
        out.clear();
        String source = sources.get(i);
        if (source == null) {
          out.allocateNew();
          out.setValueCount(n);
        } else {
          from.getVector(source).makeTransferPair(out).transfer();
        }
      }
      to.setRowCount(n);
      return true;
    }

    @Override
    public long bytesRead() {
      return in.bytesRead();
    }

    @Override
    protected void closeReadSource() throws IOException {
      // Both the exported stream and its consumer may close this reader.
      if (closed) return;
      closed = true;
      in.close();
    }

    @Override
    protected Schema readSchema() {
      return target;
    }
  }
}
