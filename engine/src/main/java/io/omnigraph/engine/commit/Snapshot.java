package io.omnigraph.engine.commit;

import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.read.Aggregation;
import io.omnigraph.engine.read.FilteredCursor;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanAggregator;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.read.TableInfo;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.TypeKind;
import io.omnigraph.engine.storage.ObjectStore;
import io.omnigraph.engine.storage.RowAddresses;
import io.omnigraph.engine.storage.TableRef;
import io.omnigraph.engine.storage.TableStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable view of one manifest version of one branch. Every read through it sees exactly the
 * table versions that manifest version pins, whatever is committed later.
 */
public final class Snapshot implements ReadView {
  private final Catalog catalog;
  private final ManifestState state;
  private final TableStore tables;
  private final ObjectStore store;
  /**
   * Rows of commits that main's commit log holds past this version, by type name: what a handle
   * that cannot publish the log reads on top of it (see {@link #withLogged}); empty otherwise.
   */
  private final Map<String, List<Map<String, Object>>> logged;

  public Snapshot(Catalog catalog, ManifestState state, TableStore tables, ObjectStore store) {
    this(catalog, state, tables, store, Map.of());
  }

  private Snapshot(Catalog catalog, ManifestState state, TableStore tables, ObjectStore store,
      Map<String, List<Map<String, Object>>> logged) {
    this.catalog = catalog;
    this.state = state;
    this.tables = tables;
    this.store = store;
    this.logged = logged;
  }

  /**
   * This version with commits only the commit log holds: their rows (inserts, by type name) read
   * on top of the tables, and {@code state} listing their commits. For a read-only handle, which
   * cannot publish them.
   */
  public Snapshot withLogged(ManifestState state, Map<String, List<Map<String, Object>>> rows) {
    return new Snapshot(catalog, state, tables, store, Map.copyOf(rows));
  }

  /** This version without the rows only the commit log holds. */
  private Snapshot published() {
    return new Snapshot(catalog, state, tables, store);
  }

  /** Whether rows of {@code type} are read on top of its pinned table (see {@link #withLogged}). */
  public boolean hasLogged(EntityType type) {
    return !loggedRows(type).isEmpty();
  }

  private List<Map<String, Object>> loggedRows(EntityType type) {
    return logged.getOrDefault(type.name(), List.of());
  }

  public ManifestState state() {
    return state;
  }

  @Override
  public Catalog catalog() {
    return catalog;
  }

  @Override
  public String branch() {
    return state.branch();
  }

  @Override
  public long manifestVersion() {
    return state.version();
  }

  @Override
  public String headCommitId() {
    return state.headCommitId();
  }

  /** The catalog type of a name, or NOT_FOUND. */
  public EntityType type(String typeName) {
    return catalog.type(typeName)
        .orElseThrow(() -> OmniGraphException.notFound("unknown node or edge type '" + typeName + "'"));
  }

  /** The pinned table of a type, or NOT_FOUND if the type does not exist at this snapshot. */
  public TableEntry entry(EntityType type) {
    TableEntry e = state.table(type.stableTypeId());
    if (e == null || e.incarnationId() != type.incarnationId()) {
      throw OmniGraphException.notFound((type.kind() == TypeKind.NODE ? "node" : "edge") + " type '" + type.name()
          + "' does not exist at this snapshot");
    }
    return e;
  }

  public TableRef ref(EntityType type) {
    TableEntry e = entry(type);
    return new TableRef(store.uri(e.location()), e.tableBranch(), e.version());
  }

  /** Every id of the type's table in this state, as UTF-8 bytes (see {@link TableStore#readIds}). */
  public void readIds(String typeName, io.omnigraph.engine.storage.Utf8Sink sink) {
    tables.readIds(ref(type(typeName)), sink);
  }

  @Override
  public RowCursor scan(String typeName, ScanRequest request) {
    EntityType type = type(typeName);
    List<Map<String, Object>> appended = loggedRows(type);
    if (!appended.isEmpty()) {
      List<String> columns = request.columns().isEmpty() ? type.columnNames() : request.columns();
      long limit = request.limit().orElse(Long.MAX_VALUE);
      return new io.omnigraph.engine.read.AppendedRowsCursor(committedScan(type, request), columns, appended,
          request.filter(), limit);
    }
    return committedScan(type, request);
  }

  private RowCursor committedScan(EntityType type, ScanRequest request) {
    String typeName = type.name();
    List<String> columns = request.columns().isEmpty() ? type.columnNames() : request.columns();
    for (String c : columns) {
      if (!type.columnNames().contains(c) && !c.equals(RowAddresses.COLUMN)) {
        throw OmniGraphException.notFound("type '" + type.name() + "' has no column '" + c + "'");
      }
    }
    Long limit = request.limit().isPresent() ? request.limit().getAsLong() : null;
    Predicate filter = request.filter();
    java.util.LinkedHashSet<String> read = new java.util.LinkedHashSet<>(columns);
    read.addAll(Predicate.columnsOf(filter));
    String idColumn = type instanceof io.omnigraph.engine.schema.NodeType n ? n.idProperty().orElse(null) : null;
    Optional<java.util.Set<String>> ids = Predicate.idsSought(filter, idColumn);
    if (ids.isPresent()) {
      read.add("id");
      Optional<RowCursor> located = tables.lookup(ref(type), List.copyOf(read), ids.get());
      // Rows come back by row id; the filter (on id at least) decides which of them are answers.
      if (located.isPresent()) {
        return new FilteredCursor(located.get(), filter, columns, limit == null ? Long.MAX_VALUE : limit);
      }
    }
    if (Predicate.pushable(filter)) return tables.scan(ref(type), columns, filter.toLance(), limit);
    return new FilteredCursor(tables.scan(ref(type), List.copyOf(read), null, null), filter, columns,
        limit == null ? Long.MAX_VALUE : limit);
  }

  @Override
  public Optional<io.omnigraph.engine.read.PendingChanges> pendingChanges(String typeName) {
    List<Map<String, Object>> appended = loggedRows(type(typeName));
    if (appended.isEmpty()) return Optional.empty();
    Map<String, Map<String, Object>> byId = new java.util.LinkedHashMap<>();
    for (Map<String, Object> row : appended) byId.put((String) row.get("id"), row);
    return Optional.of(new io.omnigraph.engine.read.PendingChanges(published(), byId, java.util.Set.of(), false));
  }

  @Override
  public Optional<Map<String, Object>> get(String typeName, String id) {
    try (RowCursor c = scan(typeName, ScanRequest.all().withFilter(Predicate.eq("id", id)).withLimit(1))) {
      return c.next() ? Optional.of(c.rowMap()) : Optional.empty();
    }
  }

  @Override
  public long count(String typeName, Predicate filter) {
    List<Map<String, Object>> appended = loggedRows(type(typeName));
    if (!appended.isEmpty()) {
      long n = published().count(typeName, filter);
      for (Map<String, Object> row : appended) if (filter.test(row)) n++;
      return n;
    }
    if (filter instanceof Predicate.True) {
      // Every publish records each table version's row count: no table is opened.
      TableEntry e = state.table(type(typeName).stableTypeId());
      if (e != null) return e.rowCount();
    }
    if (!Predicate.pushable(filter)) {
      long n = 0;
      try (RowCursor c = scan(typeName, new ScanRequest(List.of("id"), filter, java.util.OptionalLong.empty()))) {
        while (c.next()) n++;
      }
      return n;
    }
    return tables.count(ref(type(typeName)), filter.toLance());
  }

  /** Pushed into the table version when its filter is; computed over a scan otherwise. */
  @Override
  public RowCursor aggregate(String typeName, Aggregation aggregation) {
    if (!loggedRows(type(typeName)).isEmpty()) return ScanAggregator.aggregate(this, typeName, aggregation);
    if (Predicate.pushable(aggregation.filter())) {
      try {
        return tables.aggregate(ref(type(typeName)), aggregation);
      } catch (IllegalArgumentException refusedByLance) {
        // Lance's query planner refused the statement before reading a row: the scan computes the same.
      }
    }
    return ScanAggregator.aggregate(this, typeName, aggregation);
  }

  @Override
  public List<TableInfo> tables() {
    List<TableInfo> out = new ArrayList<>();
    for (EntityType t : catalog.allTypes()) {
      TableEntry e = state.table(t.stableTypeId());
      if (e == null) continue;
      out.add(new TableInfo(t.name(), t.kind() == TypeKind.NODE ? "node" : "edge", t.tableKey(), e.version(),
          e.rowCount() + loggedRows(t).size(), e.tableBranch()));
    }
    return out;
  }
}
