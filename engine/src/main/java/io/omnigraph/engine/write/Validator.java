package io.omnigraph.engine.write;

import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.Rule;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.NodeType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The rules that span rows (SPEC §4.5), checked on the image a commit would publish: the
 * committed base with the pending changes applied. Single-row rules ran when rows were prepared.
 */
final class Validator {
  private static final int CHUNK = 2000;

  private final Snapshot base;
  private final Map<EntityType, PendingTable> touched;
  private final Map<String, PendingTable> byName = new HashMap<>();
  private final KnownIds knownIds;

  Validator(Snapshot base, Map<EntityType, PendingTable> touched, KnownIds knownIds) {
    this.base = base;
    this.knownIds = knownIds;
    this.touched = touched;
    touched.forEach((t, p) -> byName.put(t.name(), p));
  }

  void validate() {
    for (PendingTable p : touched.values()) {
      checkRows(p, null, List.of());
      if (p.type instanceof NodeType node && p.replaceAll) checkKeptEdgesAfterOverwrite(node);
    }
  }

  /**
   * Checks only the rows one statement changed. Every earlier statement was checked the same way,
   * so what it did not touch still holds: the image with its changes obeys every rule.
   */
  void validateStatement(StatementLog log) {
    Map<PendingTable, Set<String>> changed = log.changed();
    changed.forEach((p, ids) -> {
      for (List<String> tuple : p.type.uniques()) statementHolders(p, tuple, ids, log);
      checkRows(p, ids, log.replacedPendingRows(p));
    });
    // Every rule held: the holders of unique values now include this statement's rows.
    changed.forEach((p, ids) -> {
      for (List<String> tuple : p.type.uniques()) p.uniqueHolders.get(tuple).apply(p, tuple, ids);
    });
  }

  /**
   * Makes {@code p}'s holders of {@code tuple} describe the rows before this statement (for the ids
   * it did not change), rebuilding them when they are not current.
   */
  private static void statementHolders(PendingTable p, List<String> tuple, Set<String> scope, StatementLog log) {
    UniqueHolders h = p.uniqueHolders.get(tuple);
    if (h == null || !h.syncedAt(log.startedAt(p))) p.uniqueHolders.put(tuple, UniqueHolders.without(p, tuple, scope));
  }

  /**
   * @param scope the ids to check, or null for every pending row
   * @param replacedPending rows written earlier in the transaction that the checked rows replaced
   */
  private void checkRows(PendingTable p, Set<String> scope, Collection<Map<String, Object>> replacedPending) {
    checkStrictInserts(p, scope);
    for (List<String> tuple : p.type.uniques()) checkUnique(p, tuple, scope);
    if (p.type instanceof EdgeType edge) {
      checkEndpoints(edge, p, scope);
      checkCardinality(edge, p, scope, replacedPending);
    }
  }

  private static Collection<Map<String, Object>> rowsIn(PendingTable p, Set<String> scope) {
    if (scope == null) return p.upserts.values();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String id : scope) {
      Map<String, Object> row = p.upserts.get(id);
      if (row != null) rows.add(row);
    }
    return rows;
  }

  private void checkStrictInserts(PendingTable p, Set<String> scope) {
    if (p.replaceAll) return;
    Collection<String> strict = scope == null ? p.strictInserts : scope.stream().filter(p.strictInserts::contains).toList();
    List<String> candidates = strict.stream().filter(id -> !p.deletes.contains(id)).toList();
    for (String id : existingInBase(p.type, candidates)) throw exists(p.type, id);
  }

  /** The refusal of a strict insert of an id that exists. */
  static ConstraintViolation exists(EntityType type, String id) {
    return new ConstraintViolation(Rule.KEY, type.name(), id, type.name() + " '" + id + "' already exists (duplicate id)");
  }

  private void checkUnique(PendingTable p, List<String> tuple, Set<String> scope) {
    Map<List<Object>, String> holders = new HashMap<>();
    if (scope == null) {
      for (Map<String, Object> row : p.upserts.values()) {
        List<Object> key = tupleOf(row, tuple);
        if (key == null) continue;
        String other = holders.putIfAbsent(key, (String) row.get("id"));
        if (other != null) throw uniqueViolation(p.type, tuple, key, other, (String) row.get("id"));
      }
    } else {
      // The statement's rows against each other, and against the earlier rows through their holders.
      UniqueHolders earlier = p.uniqueHolders.get(tuple);
      for (Map<String, Object> row : rowsIn(p, scope)) {
        List<Object> key = tupleOf(row, tuple);
        if (key == null) continue;
        String id = (String) row.get("id");
        String other = holders.putIfAbsent(key, id);
        if (other == null && earlier != null) other = earlier.holderOutside(key, scope);
        if (other != null) throw uniqueViolation(p.type, tuple, key, other, id);
      }
    }
    if (holders.isEmpty() || p.replaceAll) return;
    List<String> columns = new ArrayList<>(tuple);
    columns.remove("id");
    columns.add(0, "id");
    String first = tuple.get(0);
    List<Object> firstValues = holders.keySet().stream().map(k -> k.get(0)).distinct().toList();
    for (List<Object> chunk : chunks(firstValues)) {
      try (RowCursor c = base.scan(p.type.name(), new ScanRequest(columns, new Predicate.In(first, chunk), OptionalLong.empty()))) {
        while (c.next()) {
          Map<String, Object> row = c.rowMap();
          String id = (String) row.get("id");
          if (p.touches(id)) continue;
          List<Object> key = tupleOf(row, tuple);
          String holder = key == null ? null : holders.get(key);
          if (holder != null) throw uniqueViolation(p.type, tuple, key, id, holder);
        }
      }
    }
  }

  private static ConstraintViolation uniqueViolation(EntityType t, List<String> tuple, List<Object> key, String a, String b) {
    String value = key.size() == 1 ? String.valueOf(key.get(0)) : key.toString();
    return new ConstraintViolation(Rule.UNIQUE, t.name(), b, "@unique violation on " + t.name() + "."
        + String.join(",", tuple) + ": value '" + value + "' held by '" + a + "' and '" + b + "'");
  }

  static List<Object> tupleOf(Map<String, Object> row, List<String> tuple) {
    List<Object> key = new ArrayList<>(tuple.size());
    for (String c : tuple) {
      Object v = row.get(c);
      if (v == null) return null; // NULLs never collide
      key.add(v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v);
    }
    return key;
  }

  private void checkEndpoints(EdgeType edge, PendingTable p, Set<String> scope) {
    Collection<Map<String, Object>> rows = rowsIn(p, scope);
    if (rows.isEmpty()) return;
    requireNodes(edge, "src", edge.from(), rows);
    requireNodes(edge, "dst", edge.to(), rows);
  }

  private void requireNodes(EdgeType edge, String column, String nodeType, Collection<Map<String, Object>> rows) {
    // Endpoints repeat (a node has many edges): they are looked up as they come, not gathered into a set first.
    List<String> needed = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) needed.add((String) row.get(column));
    Set<String> missing = missingFromImage(nodeType, needed);
    if (missing.isEmpty()) return;
    // The first edge, in the order written, whose endpoint is missing names the violation.
    for (Map<String, Object> row : rows) {
      String id = (String) row.get(column);
      if (missing.contains(id)) {
        String edgeId = (String) row.get("id");
        throw new ConstraintViolation(Rule.ENDPOINT, edge.name(), edgeId, "edge " + edge.name() + " '" + edgeId + "': "
            + column + " '" + id + "' not found in " + nodeType);
      }
    }
  }

  /**
   * Which of the ids (repeats allowed) do not exist in the image of a node type: neither pending nor
   * committed and not removed.
   */
  private Set<String> missingFromImage(String typeName, Collection<String> ids) {
    PendingTable p = byName.get(typeName);
    Set<String> missing = new HashSet<>();
    List<String> ask = new ArrayList<>();
    for (String id : ids) {
      if (p != null && p.upserts.containsKey(id)) continue;
      if (p != null && p.touches(id)) missing.add(id);
      else ask.add(id);
    }
    if (ask.isEmpty()) return missing;
    EntityType type = base.type(typeName);
    Set<String> absent = knownIds.absent(base.ref(type), base.entry(type).rowCount(), ask,
        set -> base.readIds(type.name(), set::add));
    if (absent == null) {
      Set<String> found = existingInBase(type, List.copyOf(new java.util.LinkedHashSet<>(ask)));
      absent = new HashSet<>();
      for (String id : ask) if (!found.contains(id)) absent.add(id);
    }
    missing.addAll(absent);
    return missing;
  }

  /** After a node table is overwritten, edges kept in other tables must still find their endpoints. */
  private void checkKeptEdgesAfterOverwrite(NodeType node) {
    Set<String> live = byName.get(node.name()).upserts.keySet();
    for (EdgeType edge : base.catalog().edgesTouching(node.name())) {
      PendingTable ep = byName.get(edge.name());
      if (ep != null && ep.replaceAll) continue;
      try (RowCursor c = base.scan(edge.name(), new ScanRequest(List.of("id", "src", "dst"), Predicate.TRUE, OptionalLong.empty()))) {
        while (c.next()) {
          Object[] r = c.row();
          String id = (String) r[0];
          if (ep != null && ep.touches(id)) continue;
          for (int i = 1; i <= 2; i++) {
            String endpointType = i == 1 ? edge.from() : edge.to();
            if (endpointType.equals(node.name()) && !live.contains((String) r[i])) {
              throw new ConstraintViolation(Rule.ENDPOINT, edge.name(), id, "edge " + edge.name() + " '" + id + "': "
                  + (i == 1 ? "src" : "dst") + " '" + r[i] + "' not found in " + node.name()
                  + " after the overwrite (the edge is kept)");
            }
          }
        }
      }
    }
  }

  private void checkCardinality(EdgeType edge, PendingTable p, Set<String> scope,
      Collection<Map<String, Object>> replacedPending) {
    if (edge.cardMin() == 0 && edge.cardMax().isEmpty()) return;
    Set<String> sources = new LinkedHashSet<>();
    rowsIn(p, scope).forEach(r -> sources.add((String) r.get("src")));
    // A source that lost or changed an edge counts as well: the one a replaced row had.
    replacedPending.forEach(r -> sources.add((String) r.get("src")));
    if (!p.replaceAll) {
      for (List<Object> chunk : chunks(new ArrayList<>(scope == null ? p.idsToRemove() : scope))) {
        try (RowCursor c = base.scan(edge.name(), new ScanRequest(List.of("src"), new Predicate.In("id", chunk), OptionalLong.empty()))) {
          while (c.next()) sources.add((String) c.row()[0]);
        }
      }
    }
    PendingTable fromPending = byName.get(edge.from());
    if (fromPending != null) sources.removeIf(s -> fromPending.touches(s) && !fromPending.upserts.containsKey(s));
    if (sources.isEmpty()) return;
    Map<String, Integer> counts = new HashMap<>();
    sources.forEach(s -> counts.put(s, 0));
    OverlayView view = new OverlayView(base, p);
    for (List<Object> chunk : chunks(new ArrayList<>(sources))) {
      try (RowCursor c = view.scan(edge.name(), new ScanRequest(List.of("src"), new Predicate.In("src", chunk), OptionalLong.empty()))) {
        while (c.next()) counts.merge((String) c.row()[0], 1, Integer::sum);
      }
    }
    for (String s : sources) {
      int n = counts.get(s);
      if (n < edge.cardMin()) throw cardViolation(edge, s, n, "min " + edge.cardMin());
      if (edge.cardMax().isPresent() && n > edge.cardMax().getAsLong()) {
        throw cardViolation(edge, s, n, "max " + edge.cardMax().getAsLong());
      }
    }
  }

  private static ConstraintViolation cardViolation(EdgeType edge, String source, int n, String bound) {
    return new ConstraintViolation(Rule.CARDINALITY, edge.name(), null, "@card violation on edge " + edge.name()
        + ": source '" + source + "' has " + n + " edges (" + bound + ")");
  }

  private Set<String> existingInBase(EntityType type, List<String> ids) {
    if (ids.isEmpty()) return new HashSet<>();
    Set<String> known = knownIds.existing(base.ref(type), base.entry(type).rowCount(), ids,
        set -> base.readIds(type.name(), set::add));
    if (known != null) return known;
    Set<String> found = new HashSet<>();
    if (ids.size() > CHUNK) {
      // Without an index every IN-list query is a full scan; one pass over the id column's bytes is
      // cheaper, and a String is made only for an id that is wanted.
      IdSet wanted = new IdSet(ids.size());
      for (String id : ids) wanted.add(id);
      base.readIds(type.name(), (bytes, from, length) -> {
        if (wanted.contains(bytes, from, length)) found.add(new String(bytes, from, length, StandardCharsets.UTF_8));
      });
      return found;
    }
    for (List<Object> chunk : chunks(new ArrayList<>(ids))) {
      try (RowCursor c = base.scan(type.name(), new ScanRequest(List.of("id"), new Predicate.In("id", chunk), OptionalLong.empty()))) {
        while (c.next()) found.add((String) c.row()[0]);
      }
    }
    return found;
  }

  private static List<List<Object>> chunks(List<?> values) {
    List<List<Object>> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i += CHUNK) {
      out.add(new ArrayList<>(values.subList(i, Math.min(values.size(), i + CHUNK))));
    }
    return out;
  }

  /** The committed base with one table's pending changes, for counting over the merged image. */
  private record OverlayView(Snapshot base, PendingTable p) {
    RowCursor scan(String typeName, ScanRequest request) {
      List<String> cols = new ArrayList<>(request.columns());
      if (!cols.contains("id")) cols.add("id");
      ScanRequest baseRequest = p.replaceAll ? request.withColumns(cols).withLimit(0) : request.withColumns(cols);
      return new OverlayCursor(base.scan(typeName, baseRequest), request.columns(), p, request.filter(), Long.MAX_VALUE);
    }
  }
}
