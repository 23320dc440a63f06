package io.omnigraph.engine.merge;

import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.schema.EntityType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** Full row images of entities: reading them by id and telling whether two are the same value. */
final class RowImages {
  /** Ids per IN-list: large enough to amortise a scan, small enough for Lance's filter parser. */
  static final int CHUNK = 2000;

  private RowImages() {}

  /**
   * True when both images hold the same value in every column ({@code null} = absent entity).
   * Empty strings differ from null; arrays compare by content; lists by their elements.
   */
  static boolean same(Map<String, Object> a, Map<String, Object> b) {
    if (a == null || b == null) return a == b;
    if (a.size() != b.size()) return false;
    for (Map.Entry<String, Object> e : a.entrySet()) {
      if (!b.containsKey(e.getKey()) || !sameValue(e.getValue(), b.get(e.getKey()))) return false;
    }
    return true;
  }

  static boolean sameValue(Object a, Object b) {
    if (a == null || b == null) return a == b;
    if (a instanceof float[] x && b instanceof float[] y) return Arrays.equals(x, y);
    if (a instanceof byte[] x && b instanceof byte[] y) return Arrays.equals(x, y);
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) return false;
      for (int i = 0; i < x.size(); i++) if (!sameValue(x.get(i), y.get(i))) return false;
      return true;
    }
    return a.equals(b);
  }

  /** The current row of a cursor as column → value. */
  static Map<String, Object> row(RowCursor c) {
    Object[] values = c.row();
    List<String> columns = c.columns();
    Map<String, Object> row = new HashMap<>(columns.size() * 2);
    for (int i = 0; i < values.length; i++) row.put(columns.get(i), values[i]);
    return row;
  }

  /** The full images of those ids that exist in the view. */
  static Map<String, Map<String, Object>> byIds(ReadView view, EntityType type, Collection<String> ids) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    List<String> all = new ArrayList<>(new HashSet<>(ids));
    for (int i = 0; i < all.size(); i += CHUNK) {
      Predicate in = Predicate.idIn(all.subList(i, Math.min(all.size(), i + CHUNK)));
      try (RowCursor c = view.scan(type.name(), new ScanRequest(type.columnNames(), in, OptionalLong.empty()))) {
        while (c.next()) {
          Map<String, Object> row = row(c);
          out.put((String) row.get("id"), row);
        }
      }
    }
    return out;
  }

  /** Which of the ids exist in the view; reads only the id column. */
  static Set<String> existing(ReadView view, EntityType type, Collection<String> ids) {
    Set<String> out = new HashSet<>();
    List<String> all = new ArrayList<>(new HashSet<>(ids));
    for (int i = 0; i < all.size(); i += CHUNK) {
      Predicate in = Predicate.idIn(all.subList(i, Math.min(all.size(), i + CHUNK)));
      try (RowCursor c = view.scan(type.name(), new ScanRequest(List.of("id"), in, OptionalLong.empty()))) {
        while (c.next()) out.add((String) c.row()[0]);
      }
    }
    return out;
  }

  /** Every id of a table. */
  static Set<String> ids(ReadView view, EntityType type) {
    Set<String> out = new HashSet<>();
    try (RowCursor c = view.scan(type.name(), new ScanRequest(List.of("id"), Predicate.TRUE, OptionalLong.empty()))) {
      while (c.next()) out.add((String) c.row()[0]);
    }
    return out;
  }
}
