package io.omnigraph.engine.storage;

import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.lance.Dataset;
import org.lance.ipc.LanceScanner;
import org.lance.ipc.ScanOptions;

/** Reads a table version's {@code id} column as the UTF-8 bytes Arrow holds, without a string per id. */
final class IdColumn {
  private IdColumn() {}

  /** Hands every id of {@code ds} to {@code sink}, batch by batch. */
  static void read(Dataset ds, Utf8Sink sink) throws Exception {
    ScanOptions options = new ScanOptions.Builder().columns(List.of("id")).batchSize(8192).build();
    try (LanceScanner scanner = ds.newScan(options); ArrowReader reader = scanner.scanBatches()) {
      byte[] batch = new byte[0];
      while (reader.loadNextBatch()) batch = pass((VarCharVector) reader.getVectorSchemaRoot().getVector(0), batch, sink);
    }
  }

  /** Copies one batch's id bytes into {@code buffer} (grown when short) and hands each id on; returns the buffer. */
  private static byte[] pass(VarCharVector ids, byte[] buffer, Utf8Sink sink) {
    int n = ids.getValueCount();
    ArrowBuf offsets = ids.getOffsetBuffer();
    int end = n == 0 ? 0 : offsets.getInt((long) n * 4);
    if (buffer.length < end) buffer = new byte[Math.max(end, buffer.length * 2)];
    ids.getDataBuffer().getBytes(0, buffer, 0, end);
    for (int i = 0; i < n; i++) {
      int from = offsets.getInt((long) i * 4);
      sink.accept(buffer, from, offsets.getInt((long) (i + 1) * 4) - from);
    }
    return buffer;
  }
}
