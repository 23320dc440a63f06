package io.omnigraph.engine.write;

import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.schema.EntityType;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reads a transaction's write makes to decide its changes, through the transaction's own view,
 * each recorded in its read set so that a commit of another writer to those rows is a conflict.
 */
final class WriteReads {
  private WriteReads() {}

  /** Current full rows of the given ids, as {@code view} sees them. */
  static Map<String, Map<String, Object>> rowsById(ReadView view, ReadSet reads, EntityType type,
      Collection<String> ids) {
    reads.addIds(type, ids);
    Map<String, Map<String, Object>> out = new HashMap<>();
    List<String> all = List.copyOf(new LinkedHashSet<>(ids));
    List<String> columns = type.columnNames();
    for (int i = 0; i < all.size(); i += 2000) {
      Predicate in = Predicate.idIn(all.subList(i, Math.min(all.size(), i + 2000)));
      try (RowCursor c = view.scan(type.name(), new ScanRequest(columns, in, java.util.OptionalLong.empty()))) {
        while (c.next()) {
          Map<String, Object> row = c.rowMap();
          out.put((String) row.get("id"), row);
        }
      }
    }
    return out;
  }

  /** Ids of the rows matching {@code where}, as {@code view} sees them. */
  static Set<String> matchingIds(ReadView view, ReadSet reads, EntityType type, Predicate where) {
    // A predicate on id reads just those rows, whether they exist or not; any other reads the table.
    if (where instanceof Predicate.Compare c && c.column().equals("id") && c.op() == Predicate.Op.EQ
        && c.value() instanceof String id) {
      reads.addIds(type, List.of(id));
    } else if (where instanceof Predicate.In in && in.column().equals("id")
        && in.values().stream().allMatch(String.class::isInstance)) {
      reads.addIds(type, in.values().stream().map(String.class::cast).toList());
    } else {
      reads.add(type);
    }
    Set<String> ids = new LinkedHashSet<>();
    try (RowCursor c = view.scan(type.name(), new ScanRequest(List.of("id"), where, java.util.OptionalLong.empty()))) {
      while (c.next()) ids.add((String) c.row()[0]);
    }
    return ids;
  }
}
