package io.omnigraph.engine.write;

import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.storage.RowAddresses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The edges of one type incident to a set of nodes, as a view sees them (the edges a node delete
 * cascades to). A filter {@code src IN (...)} answered through the endpoint index reads each
 * matching edge at random, about 20-30 µs apiece, while reading the endpoints of a whole table of
 * 800,000 edges takes 150-300 ms; and one IN list of 11,000 ids was three times slower than the
 * same ids in lists of about a thousand. How many edges match is not known beforehand, so the
 * filters run in chunks and give way to one full read once the matches found make that cheaper.
 */
final class IncidentEdges {
  static final int CHUNK = 1_024;
  /** Matches after which reading the whole table costs less than reading the rest by index. */
  static final int MATCHES_BEFORE_FULL_READ = 8_192;

  private IncidentEdges() {}

  /** Ids of the {@code edge} rows whose endpoint of type {@code nodeType} is one of {@code nodeIds}. */
  static Set<String> of(ReadView view, EdgeType edge, String nodeType, Set<String> nodeIds) {
    return located(view, edge, nodeType, nodeIds).keySet();
  }

  /**
   * As {@link #of}, with where each edge row is stored in the view's snapshot of the table (its
   * {@code _rowaddr}), or null for a row only the view's pending changes hold; a snapshot or a
   * transaction over one is the view.
   */
  static Map<String, Long> located(ReadView view, EdgeType edge, String nodeType, Set<String> nodeIds) {
    return located(view, edge, nodeType, nodeIds, CHUNK, MATCHES_BEFORE_FULL_READ);
  }

  static Set<String> of(ReadView view, EdgeType edge, String nodeType, Set<String> nodeIds, int chunk,
      int matchesBeforeFullRead) {
    return located(view, edge, nodeType, nodeIds, chunk, matchesBeforeFullRead).keySet();
  }

  private static Map<String, Long> located(ReadView view, EdgeType edge, String nodeType, Set<String> nodeIds,
      int chunk, int matchesBeforeFullRead) {
    List<String> ends = new ArrayList<>(2);
    if (edge.from().equals(nodeType)) ends.add("src");
    if (edge.to().equals(nodeType)) ends.add("dst");
    List<Object> ids = List.copyOf(nodeIds);
    Map<String, Long> out = new LinkedHashMap<>();
    for (String end : ends) {
      for (int i = 0; i < ids.size(); i += chunk) {
        if (out.size() > matchesBeforeFullRead) return fullRead(view, edge, ends, nodeIds);
        Predicate in = new Predicate.In(end, ids.subList(i, Math.min(ids.size(), i + chunk)));
        ScanRequest request = new ScanRequest(List.of("id", RowAddresses.COLUMN), in, OptionalLong.empty());
        try (RowCursor c = view.scan(edge.name(), request)) {
          while (c.next()) {
            Object[] row = c.row();
            out.put((String) row[0], address(row[1]));
          }
        }
      }
    }
    return out;
  }

  private static Map<String, Long> fullRead(ReadView view, EdgeType edge, List<String> ends, Set<String> nodeIds) {
    Set<String> wanted = nodeIds instanceof HashSet<String> ? nodeIds : new HashSet<>(nodeIds);
    List<String> columns = new ArrayList<>(List.of("id", RowAddresses.COLUMN));
    columns.addAll(ends);
    Map<String, Long> out = new LinkedHashMap<>();
    try (RowCursor c = view.scan(edge.name(), new ScanRequest(columns, Predicate.TRUE, OptionalLong.empty()))) {
      while (c.next()) {
        Object[] row = c.row();
        for (int e = 2; e < row.length; e++) {
          if (wanted.contains(row[e])) {
            out.put((String) row[0], address(row[1]));
            break;
          }
        }
      }
    }
    return out;
  }

  private static Long address(Object cell) {
    return cell == null ? null : ((Number) cell).longValue();
  }
}
