package io.omnigraph.engine.write;

import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.RowCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * One commit in the commit log: its graph commit (id, actor, time) and the rows it inserted, by
 * type, each type's rows as an Arrow IPC stream in the type's table layout. Framed on disk as a
 * magic number, the payload length and a CRC32C of the payload, so a reader stops at a frame a
 * writer died while writing.
 */
record LogRecord(long seq, String commitId, String actor, long micros, Map<String, List<Map<String, Object>>> inserts) {
  private static final int MAGIC = 0x4F474C31;
  private static final int HEADER = 12;

  int rowCount() {
    int n = 0;
    for (List<Map<String, Object>> rows : inserts.values()) n += rows.size();
    return n;
  }

  /** The framed record. */
  byte[] encode(Catalog catalog, BufferAllocator allocator) {
    try {
      ByteArrayOutputStream payload = new ByteArrayOutputStream(256);
      DataOutputStream out = new DataOutputStream(payload);
      out.writeLong(seq);
      out.writeUTF(commitId);
      out.writeUTF(actor == null ? "" : actor);
      out.writeLong(micros);
      out.writeInt(inserts.size());
      for (Map.Entry<String, List<Map<String, Object>>> e : inserts.entrySet()) {
        EntityType type = catalog.type(e.getKey()).orElseThrow();
        out.writeUTF(type.name());
        byte[] ipc = ipc(type, e.getValue(), allocator);
        out.writeInt(ipc.length);
        out.write(ipc);
      }
      out.flush();
      byte[] body = payload.toByteArray();
      CRC32C crc = new CRC32C();
      crc.update(body);
      ByteBuffer framed = ByteBuffer.allocate(HEADER + body.length);
      framed.putInt(MAGIC).putInt(body.length).putInt((int) crc.getValue()).put(body);
      return framed.array();
    } catch (IOException e) {
      throw OmniGraphException.storage("cannot encode commit " + commitId + " for the commit log: " + e.getMessage(), e);
    }
  }

  private static byte[] ipc(EntityType type, List<Map<String, Object>> rows, BufferAllocator allocator)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (VectorSchemaRoot root = VectorSchemaRoot.create(type.arrowSchema(), allocator);
        ArrowStreamWriter writer = new ArrowStreamWriter(root, null, Channels.newChannel(bytes))) {
      RowCodec.write(type, rows, root);
      writer.start();
      writer.writeBatch();
      writer.end();
    }
    return bytes.toByteArray();
  }

  /**
   * The complete records framed in {@code bytes}, each with the offset in {@code bytes} just past
   * its frame, and how many bytes they take.
   */
  record Decoded(List<LogRecord> records, List<Integer> ends, int length) {}

  static Decoded decode(byte[] bytes, Catalog catalog, BufferAllocator allocator) {
    List<LogRecord> out = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.remaining() >= HEADER) {
      int start = b.position();
      int magic = b.getInt();
      int length = b.getInt();
      int checksum = b.getInt();
      if (magic != MAGIC || length < 0 || length > b.remaining()) {
        b.position(start);
        break;
      }
      CRC32C crc = new CRC32C();
      crc.update(bytes, b.position(), length);
      if ((int) crc.getValue() != checksum) {
        b.position(start);
        break;
      }
      out.add(payload(bytes, b.position(), length, catalog, allocator));
      b.position(b.position() + length);
      ends.add(b.position());
    }
    return new Decoded(out, ends, b.position());
  }

  private static LogRecord payload(byte[] bytes, int at, int length, Catalog catalog, BufferAllocator allocator) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, at, length))) {
      long seq = in.readLong();
      String commitId = in.readUTF();
      String actor = in.readUTF();
      long micros = in.readLong();
      int tables = in.readInt();
      Map<String, List<Map<String, Object>>> inserts = new LinkedHashMap<>();
      for (int t = 0; t < tables; t++) {
        String typeName = in.readUTF();
        EntityType type = catalog.type(typeName).orElseThrow(() -> OmniGraphException.state(
            "the commit log names type '" + typeName + "', which the schema does not have"));
        byte[] ipc = new byte[in.readInt()];
        in.readFully(ipc);
        inserts.put(type.name(), rows(type, ipc, allocator));
      }
      return new LogRecord(seq, commitId, actor.isEmpty() ? null : actor, micros, inserts);
    } catch (IOException e) {
      throw OmniGraphException.storage("corrupt commit log record: " + e.getMessage(), e);
    }
  }

  private static List<Map<String, Object>> rows(EntityType type, byte[] ipc, BufferAllocator allocator)
      throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> columns = type.columnNames();
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        for (int i = 0; i < root.getRowCount(); i++) rows.add(RowCodec.read(root, i, columns));
      }
    }
    return rows;
  }
}
