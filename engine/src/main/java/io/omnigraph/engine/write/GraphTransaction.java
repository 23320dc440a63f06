package io.omnigraph.engine.write;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.Rule;
import io.omnigraph.engine.read.Aggregation;
import io.omnigraph.engine.read.PendingChanges;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanAggregator;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.read.TableInfo;
import io.omnigraph.engine.recovery.WriterKind;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.NodeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * An atomic group of writes to one branch. Statements apply in order to an in-memory image of the
 * changes; reads through the transaction see the snapshot taken at its start plus those changes.
 * Nothing is durable until {@link #commit()}, which publishes every touched table and one commit
 * in a single manifest version, or nothing at all. Not thread-safe: one transaction, one thread.
 */
public final class GraphTransaction implements ReadView, AutoCloseable {
  private final EngineContext ctx;
  private final String branch;
  private final String actor;
  private Snapshot base;
  private final Map<String, PendingTable> pending = new LinkedHashMap<>();
  /** The tables whose committed rows decided a change; such work cannot be re-prepared if they move. */
  private final ReadSet reads = new ReadSet();
  /** The head this transaction's commit requires, or null for none. */
  private String expectedHead;
  private boolean open = true;
  /** The running statement's changes, or null outside a statement. */
  private StatementLog statement;
  /** Set once a change is made outside a checked statement: commit must then check every change. */
  private boolean unchecked;
  /** Whether the base holds every commit main's log had acknowledged when this began (see {@link #settle}). */
  private boolean settled;
  /** While a matching query runs: where the rows it reads are stored, or null. */
  private RowAddressNotes noting;

  public GraphTransaction(EngineContext ctx, String branch, String actor) {
    ctx.checkWritable();
    this.ctx = ctx;
    this.branch = branch;
    this.actor = actor;
    // Checked before the head is read: a log found published then is wholly in the head read after.
    this.settled = !branch.equals(CommitLog.MAIN) || !ctx.commitLog().hasUnfolded();
    this.base = ctx.latest(branch);
  }

  /**
   * Makes the base hold every commit acknowledged on main before this transaction began, before
   * anything reads it: main's commit log is folded first. Inserts of nodes read nothing, so a
   * transaction of them never waits for a fold; changes made before are checked on the new base.
   */
  private void settle() {
    if (settled) return;
    settled = true;
    ctx.commitLog().settle();
    Snapshot now = ctx.latest(branch);
    if (now.manifestVersion() == base.manifestVersion()) return;
    base = now;
    if (hasChanges()) new Validator(base, touched(), ctx.knownIds()).validate();
  }

  /** Rows written and removed by one statement; {@code cascaded} counts incident edges removed with nodes. */
  public record Affected(int rows, int cascaded, List<String> ids) {}

  /** Strict insert: an id that already exists (committed or pending) is a KEY violation. */
  public Affected insert(String typeName, List<Map<String, Object>> rows) {
    return write(typeName, rows, true);
  }

  /** Insert or replace by id; omitted nullable properties become null. */
  public Affected upsert(String typeName, List<Map<String, Object>> rows) {
    return write(typeName, rows, false);
  }

  /**
   * Strict insert of many rows given as the same columns: the same result and the same refusals as
   * {@link #insert} with one map per row, with each column's conversion chosen once for the batch
   * and no map built per row. {@code rows.get(r).get(c)} is the value of {@code columns.get(c)}; a
   * null id asks for the derived or generated one. When a refusal belongs to one row (a value that
   * does not convert, a missing key, an id that appears twice in the batch or is already pending
   * in this transaction), {@code refused} is told that row's index before it is thrown; nothing of
   * the batch is kept then. Ids that exist in committed rows are refused when the statement is
   * checked or the transaction commits, as for {@link #insert}.
   */
  public Affected insertRows(String typeName, List<String> columns, List<? extends List<?>> rows, IntConsumer refused) {
    checkOpen();
    EntityType type = type(typeName);
    // An edge's endpoints may be nodes only the log holds yet.
    if (type instanceof EdgeType) settle();
    List<Map<String, Object>> prepared = BulkRows.prepare(type, columns, rows, ctx::newId, refused);
    Map<String, Map<String, Object>> byId = BulkRows.byId(type, prepared, refused);
    return stash(type, byId, true, id -> refused.accept(BulkRows.indexOf(prepared, id)));
  }

  /**
   * Puts rows the caller has already prepared (every value canonical, the id set, the single-row
   * checks passed), by id, as {@link #insert} ({@code strict}) or {@link #upsert} would after
   * preparing them: for the JSONL loader, which prepares rows as it parses them.
   */
  Affected putPrepared(String typeName, Map<String, Map<String, Object>> rowsById, boolean strict) {
    checkOpen();
    settle();
    return stash(type(typeName), rowsById, strict, id -> {});
  }

  private Affected write(String typeName, List<Map<String, Object>> rows, boolean strict) {
    checkOpen();
    EntityType type = type(typeName);
    if (!strict || type instanceof EdgeType) settle();
    Map<String, Map<String, Object>> prepared = new LinkedHashMap<>();
    for (Map<String, Object> input : rows) {
      Map<String, Object> row = RowPreparer.prepare(type, input, ctx::newId);
      String id = (String) row.get("id");
      if (prepared.containsKey(id)) {
        if (strict) throw RowPreparer.duplicateInStatement(type, id);
      }
      prepared.put(id, row);
    }
    return stash(type, prepared, strict, id -> {});
  }

  /** Puts prepared rows into the pending table; {@code refused} is told the id already pending that fails a strict insert. */
  private Affected stash(EntityType type, Map<String, Map<String, Object>> prepared, boolean strict,
      java.util.function.Consumer<String> refused) {
    PendingTable p = pendingFor(type);
    if (strict) {
      // Committed rows are checked once, in bulk, when the transaction commits.
      for (String id : prepared.keySet()) {
        if (p.upserts.containsKey(id)) {
          refused.accept(id);
          throw new ConstraintViolation(Rule.KEY, type.name(), id,
              type.name() + " '" + id + "' already exists (duplicate id)");
        }
      }
    }
    for (Map.Entry<String, Map<String, Object>> e : prepared.entrySet()) {
      put(p, e.getKey(), e.getValue());
      if (strict && !p.deletes.contains(e.getKey())) p.strictInserts.add(e.getKey());
    }
    return new Affected(prepared.size(), 0, List.copyOf(prepared.keySet()));
  }

  /** Sets the same values on every row matching {@code where}. */
  public Affected update(String typeName, Predicate where, Map<String, Object> assignments) {
    checkOpen();
    settle();
    EntityType type = type(typeName);
    Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
    for (String id : WriteReads.matchingIds(this, reads, type, where)) changes.put(id, assignments);
    return updateById(typeName, changes);
  }

  /** Applies per-row assignments to existing rows; ids that do not exist are skipped. */
  public Affected updateById(String typeName, Map<String, Map<String, Object>> changes) {
    checkOpen();
    settle();
    EntityType type = type(typeName);
    Map<String, Map<String, Object>> current = WriteReads.rowsById(this, reads, type, changes.keySet());
    Map<String, Map<String, Object>> updated = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Object>> e : changes.entrySet()) {
      Map<String, Object> row = current.get(e.getKey());
      if (row != null) updated.put(e.getKey(), RowPreparer.assign(type, row, e.getValue()));
    }
    PendingTable p = pendingFor(type);
    updated.forEach((id, row) -> put(p, id, row));
    return new Affected(updated.size(), 0, List.copyOf(updated.keySet()));
  }

  /**
   * Replaces rows the caller has just read through this transaction by their new full images (id
   * to every column), without reading them again: a set-based UPDATE reads the values it keeps in
   * the same query that computes the new ones. {@code assigned} names the columns the caller
   * changed, which get the refusals of {@link #updateById} (no id or {@code @key} change, endpoints
   * are ids); every value is converted to its column's type and the single-row checks run on the
   * result. The rows count as read by id, exactly as {@link #updateById} records them. The images
   * must be of rows that exist in this transaction's view: an id that does not would be written as
   * a new row.
   */
  public Affected replaceReadRows(String typeName, Set<String> assigned, Map<String, Map<String, Object>> images) {
    checkOpen();
    settle();
    EntityType type = type(typeName);
    List<Map<String, Object>> rows = ReplacedRows.fromMaps(type, assigned, new ArrayList<>(images.values()));
    java.util.Iterator<String> keys = images.keySet().iterator();
    for (Map<String, Object> row : rows) {
      String key = keys.next();
      if (!row.get("id").equals(key)) {
        throw OmniGraphException.badInput("the image of " + type.name() + " '" + row.get("id") + "' is keyed as '"
            + key + "'");
      }
    }
    return replaced(type, rows);
  }

  /**
   * As {@link #replaceReadRows(String, Set, Map)}, with each image an array of cells in the order
   * of {@code columns}, which name every column of the type; of two images of one id the last
   * counts.
   */
  public Affected replaceReadRows(String typeName, Set<String> assigned, List<String> columns, List<Object[]> images) {
    checkOpen();
    settle();
    EntityType type = type(typeName);
    return replaced(type, ReplacedRows.fromArrays(type, assigned, columns, images));
  }

  private Affected replaced(EntityType type, List<Map<String, Object>> rows) {
    Map<String, Map<String, Object>> updated = new LinkedHashMap<>(rows.size() * 4 / 3 + 1);
    for (Map<String, Object> row : rows) updated.put((String) row.get("id"), row);
    reads.addIds(type, updated.keySet());
    PendingTable p = pendingFor(type);
    updated.forEach((id, row) -> put(p, id, row));
    if (notingFor(type) != null) noting.handTo(p);
    return new Affected(updated.size(), 0, List.copyOf(updated.keySet()));
  }

  /**
   * Notes, until the returned scope closes, where the committed rows of {@code typeName} that this
   * transaction's scans read are stored; a {@link #replaceReadRows} or {@link #deleteReadRows} of
   * that type inside the scope then stages its change without looking those rows up again. For the
   * matching query of a set-based UPDATE or DELETE; other reads need not pay for it.
   */
  public AddressScope noteRowAddresses(String typeName) {
    checkOpen();
    settle();
    RowAddressNotes notes = new RowAddressNotes(type(typeName).name());
    noting = notes;
    return () -> {
      if (noting == notes) noting = null;
    };
  }

  private RowAddressNotes notingFor(EntityType type) {
    return noting != null && noting.typeName().equals(type.name()) ? noting : null;
  }

  /** Deletes matching rows; deleting nodes also deletes their incident edges. */
  public Affected delete(String typeName, Predicate where) {
    checkOpen();
    settle();
    EntityType type = type(typeName);
    return deleteIds(type, WriteReads.matchingIds(this, reads, type, where));
  }

  public Affected deleteById(String typeName, Collection<String> ids) {
    checkOpen();
    settle();
    EntityType type = type(typeName);
    Set<String> existing = new LinkedHashSet<>(ids);
    existing.retainAll(WriteReads.rowsById(this, reads, type, ids).keySet());
    return deleteIds(type, existing);
  }

  /**
   * Deletes rows the caller has just read through this transaction, without reading them again to
   * learn which exist: a set-based DELETE found them in its matching query. Incident edges go with
   * deleted nodes, and the reads are recorded, as {@link #deleteById} does. The ids must be of rows
   * that exist in this transaction's view, or the count is wrong.
   */
  public Affected deleteReadRows(String typeName, Collection<String> ids) {
    checkOpen();
    settle();
    EntityType type = type(typeName);
    Set<String> deleted = new LinkedHashSet<>(ids);
    Affected affected = deleteIds(type, deleted);
    if (notingFor(type) != null && !deleted.isEmpty()) noting.handTo(pendingFor(type));
    return affected;
  }

  private Affected deleteIds(EntityType type, Set<String> ids) {
    reads.addIds(type, ids);
    if (ids.isEmpty()) return new Affected(0, 0, List.of());
    Map<EdgeType, Map<String, Long>> cascade = new LinkedHashMap<>();
    if (type instanceof NodeType node) {
      for (EdgeType edge : catalog().edgesTouching(node.name())) {
        reads.add(edge);
        Map<String, Long> edges = IncidentEdges.located(this, edge, node.name(), ids);
        if (!edges.isEmpty()) cascade.put(edge, edges);
      }
    }
    PendingTable p = pendingFor(type);
    ids.forEach(id -> remove(p, id));
    int cascaded = 0;
    for (Map.Entry<EdgeType, Map<String, Long>> e : cascade.entrySet()) {
      PendingTable ep = pendingFor(e.getKey());
      Map<String, Long> known = new HashMap<>();
      e.getValue().forEach((id, address) -> {
        if (address != null) known.put(id, address);
      });
      // Staging then marks the cascaded edges deleted without looking them up again.
      ep.knowAddresses(base.ref(e.getKey()), known);
      for (String id : e.getValue().keySet()) {
        if (type == e.getKey() && ids.contains(id)) continue;
        remove(ep, id);
        cascaded++;
      }
    }
    return new Affected(ids.size(), cascaded, List.copyOf(ids));
  }

  /**
   * Removes exactly these rows, without cascading to incident edges: for writers that replay an
   * already-computed change set (merges), where a dangling edge must surface as a violation rather
   * than be silently deleted.
   */
  public Affected removeById(String typeName, Collection<String> ids) {
    checkOpen();
    settle();
    EntityType type = type(typeName);
    reads.add(type);
    PendingTable p = pendingFor(type);
    ids.forEach(id -> remove(p, id));
    return new Affected(ids.size(), 0, List.copyOf(ids));
  }

  /** Marks a table's committed rows as replaced by what this transaction writes (overwrite loads). */
  void replaceAll(String typeName) {
    if (statement != null) throw new IllegalStateException("an overwrite cannot be part of a statement");
    unchecked = true;
    PendingTable p = pendingFor(type(typeName));
    p.replaceAll = true;
    p.changed();
    p.upserts.clear();
    p.deletes.clear();
    p.strictInserts.clear();
    reads.add(p.type);
  }

  private void put(PendingTable p, String id, Map<String, Object> row) {
    changing(p, id);
    p.put(id, row);
  }

  private void remove(PendingTable p, String id) {
    changing(p, id);
    p.remove(id);
  }

  private void changing(PendingTable p, String id) {
    if (statement != null) statement.touch(p, id);
    else unchecked = true;
  }

  /**
   * Starts one statement: its changes are checked against the rules that span rows when it ends
   * ({@link Statement#check()}), as SQL checks non-deferred constraints, and undone as a unit if it
   * does not complete, so a failed statement leaves the transaction exactly as it was before it.
   */
  public Statement beginStatement() {
    checkOpen();
    if (statement != null) throw new IllegalStateException("a statement is already running in this transaction");
    statement = new StatementLog();
    return new Statement(statement);
  }

  /** One statement's changes; closing it without {@link #keep()} undoes them. */
  public final class Statement implements AutoCloseable {
    private final StatementLog log;
    private boolean kept;

    private Statement(StatementLog log) {
      this.log = log;
    }

    /**
     * Checks keys, {@code @unique}, endpoints and {@code @card} for the rows this statement
     * changed, on the transaction's image (its snapshot plus every change so far); throws the
     * first {@link ConstraintViolation}. Commit checks the same rules again only if the branch
     * moved meanwhile.
     */
    public void check() {
      if (!settled && ctx.commitLog().mustSettle(base, log.changed())) settle();
      new Validator(base, touched(), ctx.knownIds()).validateStatement(log);
    }

    /** Keeps the statement's changes in the transaction. */
    public void keep() {
      kept = true;
    }

    @Override
    public void close() {
      if (statement != log) return;
      statement = null;
      // Reads an undone statement recorded stay in the read set: at worst a needless conflict.
      if (!kept) log.undo();
    }
  }

  /**
   * Makes the commit conditional on the branch head still being {@code commitId} (a compare-and-swap
   * on the head): any other commit in between fails it with {@link
   * io.omnigraph.engine.error.PreconditionFailed}, never retried. A fresh branch's inherited head is
   * a valid expectation.
   */
  public GraphTransaction requireHead(String commitId) {
    checkOpen();
    settle();
    this.expectedHead = commitId;
    return this;
  }

  /** True when a commit would publish something. */
  public boolean hasChanges() {
    return pending.values().stream().anyMatch(p -> !p.isEmpty());
  }

  /**
   * Publishes every change as one graph commit. A transaction without changes publishes nothing
   * and returns empty. On any failure nothing is published and the transaction is closed.
   */
  public Optional<GraphCommit> commit() {
    return commit(false);
  }

  /**
   * Publishes the changes as a merge commit whose second parent is {@code mergedParentCommitId};
   * always appends a commit, even when the net change is empty. Fails with a write conflict if the
   * branch moved since this transaction began.
   */
  public GraphCommit commitAsMerge(String mergedParentCommitId) {
    settle();
    reads.addWholeBranch();
    return commit(true, mergedParentCommitId).orElseThrow();
  }

  Optional<GraphCommit> commit(boolean evenIfEmpty) {
    return commit(evenIfEmpty, null);
  }

  private Optional<GraphCommit> commit(boolean evenIfEmpty, String mergedParent) {
    checkOpen();
    open = false;
    if (!hasChanges() && !evenIfEmpty) return Optional.empty();
    // Loads are the only commits made even when empty without a merged parent.
    WriterKind kind = mergedParent != null ? WriterKind.BranchMerge : evenIfEmpty ? WriterKind.Load : WriterKind.Mutation;
    return Optional.of(new CommitPipeline(ctx, branch, actor, base, touched(), reads, mergedParent, kind, expectedHead,
        !unchecked).run());
  }

  /**
   * Checks the rules that span rows on the image a commit would publish, without publishing
   * anything (merge dry runs); throws the first {@link ConstraintViolation}. Stays open.
   */
  public void validate() {
    checkOpen();
    settle();
    new Validator(base, touched(), ctx.knownIds()).validate();
  }

  private Map<EntityType, PendingTable> touched() {
    Map<EntityType, PendingTable> touched = new LinkedHashMap<>();
    pending.values().stream().filter(p -> !p.isEmpty()).forEach(p -> touched.put(p.type, p));
    return touched;
  }

  /** Discards every change. */
  public void rollback() {
    open = false;
    pending.clear();
  }

  @Override
  public void close() {
    rollback();
  }

  public boolean isOpen() {
    return open;
  }

  private void checkOpen() {
    if (!open) throw new OmniGraphException(ErrorKind.STATE, "the transaction is already committed or rolled back");
  }

  private EntityType type(String typeName) {
    return base.type(typeName);
  }

  private PendingTable pendingFor(EntityType type) {
    return pending.computeIfAbsent(type.name(), k -> new PendingTable(type));
  }

  // ---- ReadView: the snapshot plus this transaction's changes ----

  @Override
  public Catalog catalog() {
    return base.catalog();
  }

  @Override
  public String branch() {
    return branch;
  }

  @Override
  public long manifestVersion() {
    settle();
    return base.manifestVersion();
  }

  @Override
  public String headCommitId() {
    settle();
    return base.headCommitId();
  }

  @Override
  public RowCursor scan(String typeName, ScanRequest request) {
    settle();
    EntityType type = type(typeName);
    PendingTable p = pending.get(type.name());
    RowAddressNotes notes = notingFor(type);
    if (p == null || p.isEmpty()) {
      if (notes == null) return base.scan(typeName, request);
      List<String> columns = request.columns().isEmpty() ? type.columnNames() : request.columns();
      return notedScan(notes, type, request.withColumns(columns));
    }
    return OverlayCursor.over(p, request, r -> notes == null ? base.scan(typeName, r) : notedScan(notes, type, r));
  }

  /** The snapshot's rows for {@code request}, noting where each is stored. */
  private RowCursor notedScan(RowAddressNotes notes, EntityType type, ScanRequest request) {
    RowCursor scan = base.scan(type.name(), request.withColumns(RowAddressNotes.withAddresses(request.columns())));
    return notes.reading(base.ref(type), scan, request.columns());
  }

  @Override
  public Optional<PendingChanges> pendingChanges(String typeName) {
    settle();
    PendingTable p = pending.get(type(typeName).name());
    if (p == null || p.isEmpty()) return Optional.empty();
    return Optional.of(new PendingChanges(base, p.upserts, p.deletes, p.replaceAll));
  }

  @Override
  public Optional<Map<String, Object>> get(String typeName, String id) {
    settle();
    PendingTable p = pending.get(type(typeName).name());
    if (p != null) {
      Map<String, Object> row = p.upserts.get(id);
      if (row != null) return Optional.of(new HashMap<>(row));
      if (p.touches(id)) return Optional.empty();
    }
    return base.get(typeName, id);
  }

  @Override
  public long count(String typeName, Predicate filter) {
    settle();
    PendingTable p = pending.get(type(typeName).name());
    if (p == null || p.isEmpty()) return base.count(typeName, filter);
    long n = 0;
    try (RowCursor c = scan(typeName, new ScanRequest(List.of("id"), filter, java.util.OptionalLong.empty()))) {
      while (c.next()) n++;
    }
    return n;
  }

  @Override
  public RowCursor aggregate(String typeName, Aggregation aggregation) {
    settle();
    PendingTable p = pending.get(type(typeName).name());
    if (p == null || p.isEmpty()) return base.aggregate(typeName, aggregation);
    return ScanAggregator.aggregate(this, typeName, aggregation);
  }

  @Override
  public List<TableInfo> tables() {
    settle();
    return base.tables();
  }
}
