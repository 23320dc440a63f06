package io.omnigraph.engine.write;

import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.storage.RowAddresses;
import io.omnigraph.engine.storage.TableRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the committed rows of one table that a statement's matching query reads are stored in the
 * table version it reads: a set-based UPDATE or DELETE hands those rows back to the transaction,
 * and staging its change then marks them deleted without looking their ids up again, which for
 * thousands of rows costs a read of the whole id column. The notes hold at most {@link #MAX_ROWS}
 * rows; a query that reads more notes nothing, and staging looks the ids up as before.
 */
final class RowAddressNotes {
  static final int MAX_ROWS = 1_000_000;

  private final String typeName;
  private TableRef ref;
  private Map<String, Long> byId = new HashMap<>();
  private boolean full;

  RowAddressNotes(String typeName) {
    this.typeName = typeName;
  }

  String typeName() {
    return typeName;
  }

  /** The columns to ask of {@code ref}'s scan so that {@link #reading} can note addresses. */
  static List<String> withAddresses(List<String> columns) {
    List<String> out = new ArrayList<>(columns);
    if (!out.contains("id")) out.add("id");
    if (!out.contains(RowAddresses.COLUMN)) out.add(RowAddresses.COLUMN);
    return out;
  }

  /**
   * A cursor over {@code scan} (of {@code ref}, asked for {@link #withAddresses}) that notes each
   * row's address and returns only {@code columns}.
   */
  RowCursor reading(TableRef ref, RowCursor scan, List<String> columns) {
    if (this.ref != null && !this.ref.equals(ref)) {
      // A transaction reads one snapshot: a second version means notes no longer apply.
      full = true;
      byId.clear();
    }
    this.ref = ref;
    List<String> scanned = scan.columns();
    int id = scanned.indexOf("id");
    int address = scanned.indexOf(RowAddresses.COLUMN);
    int[] kept = columns.stream().mapToInt(scanned::indexOf).toArray();
    return new RowCursor() {
      private Object[] current;

      @Override
      public List<String> columns() {
        return columns;
      }

      @Override
      public boolean next() {
        if (!scan.next()) return false;
        current = scan.row();
        note((String) current[id], ((Number) current[address]).longValue());
        return true;
      }

      @Override
      public Object[] row() {
        Object[] out = new Object[kept.length];
        for (int i = 0; i < kept.length; i++) out[i] = current[kept[i]];
        return out;
      }

      @Override
      public void close() {
        scan.close();
      }
    };
  }

  private void note(String id, long address) {
    if (full) return;
    if (byId.size() >= MAX_ROWS) {
      full = true;
      byId.clear();
      return;
    }
    byId.put(id, address);
  }

  /**
   * Hands every noted address to {@code p}: each is a fact about the version read, whether or not
   * its row is among those {@code p} changes, so none needs picking out. The notes start afresh.
   */
  void handTo(PendingTable p) {
    if (full || ref == null) return;
    p.adoptAddresses(ref, byId);
    byId = new HashMap<>();
  }
}
