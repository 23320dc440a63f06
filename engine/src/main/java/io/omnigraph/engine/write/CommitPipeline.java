package io.omnigraph.engine.write;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.ManifestState;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.error.PreconditionFailed;
import io.omnigraph.engine.error.WriteConflict;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.recovery.Failpoints;
import io.omnigraph.engine.recovery.JournalEntry;
import io.omnigraph.engine.recovery.RecoveryIntent;
import io.omnigraph.engine.recovery.RecoverySweep;
import io.omnigraph.engine.recovery.TableClassifier;
import io.omnigraph.engine.recovery.TablePin;
import io.omnigraph.engine.recovery.WriterKind;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.storage.ManifestRow;
import io.omnigraph.engine.storage.RowStamps;
import io.omnigraph.engine.storage.StagedWrite;
import io.omnigraph.engine.storage.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Makes a transaction durable (SPEC §4.2): take the touched tables' queues, capture the branch's
 * current head, validate, stage every table, then under the branch's publish lock commit each
 * staged table (one Lance version each) and publish one manifest version carrying the new table
 * versions, the commit row and the moved head. Any failure before the publish leaves every
 * published pointer where it was; a recovery sidecar spans the table commits and the publish, so a
 * crash between them is settled by the next read-write open.
 */
final class CommitPipeline {
  private final EngineContext ctx;
  private final String branch;
  private final String actor;
  private Snapshot base;
  private final Catalog preparedWith;
  private final Map<EntityType, PendingTable> touched;
  private final ReadSet reads;
  private final String mergedParent;
  private final WriterKind writerKind;
  private final String expectedHead;
  /** Every change passed its statement's check on the transaction's own snapshot. */
  private final boolean statementsChecked;
  /** The row count each table was published with. */
  private final Map<EntityType, Long> publishedRows = new LinkedHashMap<>();

  CommitPipeline(EngineContext ctx, String branch, String actor, Snapshot base, Map<EntityType, PendingTable> touched,
      ReadSet reads, String mergedParent, WriterKind writerKind, String expectedHead, boolean statementsChecked) {
    this.expectedHead = expectedHead;
    this.statementsChecked = statementsChecked;
    this.mergedParent = mergedParent;
    this.writerKind = writerKind;
    this.ctx = ctx;
    this.branch = branch;
    this.actor = actor;
    this.base = base;
    this.preparedWith = base.catalog();
    this.touched = touched;
    this.reads = reads;
  }

  GraphCommit run() {
    if (ctx.commitLog().accepts(branch, touched, reads, writerKind, mergedParent, expectedHead)) {
      return ctx.commitLog().append(this);
    }
    return groupable() ? ctx.commitGroups().commit(branch, this) : runAlone();
  }

  /**
   * Whether this commit may share a publish with other commits on its branch: plain mutations on
   * tables the branch already owns. Merges, loads, overwrites, conditional commits and a branch's
   * first write to a table keep their own publish.
   */
  private boolean groupable() {
    return writerKind == WriterKind.Mutation && mergedParent == null && expectedHead == null
        && touched.values().stream().noneMatch(p -> p.replaceAll) && touched.keySet().stream().noneMatch(this::needsFork);
  }

  GraphCommit runAlone() {
    Snapshot startedFrom = base;
    List<String> keys = touched.keySet().stream().map(EntityType::tableKey).toList();
    try (WriteQueues.Held held = ctx.queues().acquireTables(branch, keys)) {
      requireCatalogUnchanged();
      // The head is read (and the work rebased onto it) under the branch lock below; reading it
      // here as well would only find a conflict earlier, at one more manifest listing per commit.
      // A table's first write on a branch forks it: a change to storage that only the branch's
      // lock may make, so that two processes never fork the same table at once.
      boolean locked = touched.keySet().stream().anyMatch(this::needsFork);
      if (locked) {
        lockBranch(held);
        // Whether a table is forked yet must be read under the lock: another writer may have forked it.
        Snapshot head = ctx.latest(branch);
        checkExpectedHead(head);
        rebaseOrRefuse(head);
      }
      // Checked statements already proved the rules on the snapshot they ran on; only other
      // commits since then can have broken them.
      if (!statementsChecked || base != startedFrom) new Validator(base, touched, ctx.knownIds()).validate();
      Map<EntityType, StagedWrite> staged = new LinkedHashMap<>();
      for (EntityType type : touched.keySet()) staged.put(type, stage(type));
      ctx.failpoints().hit(Failpoints.COMMIT_AFTER_STAGE);
      if (!locked) lockBranch(held);
      Snapshot head = ctx.latest(branch);
      checkExpectedHead(head);
      if (head.manifestVersion() != base.manifestVersion()) {
        Snapshot staledFrom = base;
        rebaseOrRefuse(head);
        new Validator(base, touched, ctx.knownIds()).validate();
        // Only another process (or the recovery of a dead one) can have moved a table whose queue
        // this process holds; what was staged against the old version is staged again.
        for (EntityType type : touched.keySet()) {
          if (!ReadSet.sameVersion(ReadSet.entryOrNull(staledFrom, type), ReadSet.entryOrNull(base, type))) {
            staged.put(type, stage(type));
          }
        }
      }
      GraphCommit commit = publish(staged, java.util.Collections.singletonList(actor)).get(0);
      ctx.autoCompaction().committed(branch, publishedRows);
      return commit;
    }
  }

  /**
   * Stages and publishes this pipeline's changes as one commit per actor, in order, all in one
   * manifest version. The caller holds the touched tables' queues and the branch's locks, has made
   * {@code base} the branch's head and has validated the changes on it.
   */
  List<GraphCommit> publishAs(List<String> actors) {
    Map<EntityType, StagedWrite> staged = new LinkedHashMap<>();
    for (EntityType type : touched.keySet()) staged.put(type, stage(type));
    List<GraphCommit> commits = publish(staged, actors);
    ctx.autoCompaction().committed(branch, publishedRows);
    return commits;
  }

  /**
   * Publishes records of the commit log as one manifest version, each record its own commit, with
   * the log position they reach. The caller holds main's lock and has made {@code base} its head.
   */
  List<GraphCommit> publishLogged(List<LogRecord> records, io.omnigraph.engine.commit.ManifestState.LogPosition through) {
    Map<EntityType, StagedWrite> staged = new LinkedHashMap<>();
    for (EntityType type : touched.keySet()) staged.put(type, stage(type));
    List<GraphCommit> commits = publish(staged, records.stream().map(LogRecord::actor).toList(), records, through);
    ctx.autoCompaction().committed(branch, publishedRows);
    return commits;
  }

  Map<EntityType, PendingTable> touched() {
    return touched;
  }

  ReadSet reads() {
    return reads;
  }

  String actor() {
    return actor;
  }

  /**
   * Takes the branch's publish lock, in this process and across processes, then settles what dead
   * writers left on the branch: from here until the publish, nobody else moves its tables.
   */
  private void lockBranch(WriteQueues.Held held) {
    lockBranch(ctx, branch, held);
    requireCatalogUnchanged();
  }

  static void lockBranch(EngineContext ctx, String branch, WriteQueues.Held held) {
    ctx.queues().acquirePublish(held, branch);
    held.add(ctx.branchLocks().acquire(branch));
    // An apply elsewhere publishes, then writes the schema files, all under main's lock: with the
    // lock held they are current even if this handle already read that publish.
    ctx.refreshSchema();
    new RecoverySweep(ctx).runFor(branch);
    if (branch.equals(CommitLog.MAIN)) {
      // Held to the publish: no commit joins the log between this writer's reading main and its publish.
      held.add(ctx.branchLocks().acquireLog(branch));
      ctx.commitLog().foldLocked();
    }
  }

  /** Rows were prepared, and tables are staged, with the catalog the transaction started from. */
  void requireCatalogUnchanged() {
    if (ctx.catalog() != preparedWith) {
      throw new WriteConflict("the graph's schema changed since this transaction began; retry the transaction");
    }
  }

  private boolean needsFork(EntityType type) {
    return !branch.equals("main") && !branch.equals(base.ref(type).lanceBranch());
  }

  private void checkExpectedHead(Snapshot head) {
    if (expectedHead != null && !expectedHead.equals(head.headCommitId())) {
      throw new PreconditionFailed(branch, expectedHead, head.headCommitId());
    }
  }

  /**
   * Moves the work onto a newer head, unless a table it read to decide its changes moved there:
   * what it read may no longer hold. Work that only adds rows, or changes tables nobody else
   * changed, is validated again on the new head instead.
   */
  void rebaseOrRefuse(Snapshot head) {
    if (head.manifestVersion() == base.manifestVersion()) return;
    String moved = reads.movedBetween(base, head, this::rowsChanged);
    if (moved != null) {
      throw new WriteConflict("branch '" + branch + "' moved from commit " + base.headCommitId() + " to "
          + head.headCommitId() + " and changed " + moved + " since this transaction read it; retry the transaction");
    }
    base = head;
  }

  /**
   * Whether another commit between {@code base} and {@code head} inserted, rewrote or deleted one of
   * {@code ids} (any row when null): rows Lance stamped after the base version, and a change in how
   * many of them exist.
   * Anything but two versions of one table lineage counts as changed.
   */
  private boolean rowsChanged(Snapshot from, Snapshot to, EntityType type, Set<String> ids) {
    TableEntry a = ReadSet.entryOrNull(from, type);
    TableEntry b = ReadSet.entryOrNull(to, type);
    if (a == null || b == null || a.stableTableId() != b.stableTableId() || a.incarnationId() != b.incarnationId()
        || !a.location().equals(b.location()) || !Objects.equals(a.tableBranch(), b.tableBranch())) {
      return true;
    }
    String in = ids == null ? null : Predicate.idIn(ids).toLance();
    String stamped = RowStamps.changedAfter(a.version());
    String rewritten = in == null ? stamped : "(" + in + ") AND (" + stamped + ")";
    try (RowCursor c = ctx.tables().scan(to.ref(type), List.of("id"), rewritten, 1L)) {
      if (c.next()) return true;
    }
    return ctx.tables().count(from.ref(type), in) != ctx.tables().count(to.ref(type), in);
  }

  private StagedWrite stage(EntityType type) {
    PendingTable p = touched.get(type);
    TableRef ref = writableRef(type);
    return ctx.tables().stage(ref, type, p.replaceAll ? List.of() : p.idsToRemove(), p.replaceAll,
        new ArrayList<>(p.upserts.values()), p.addressesIn(ref));
  }

  /** The table version to write on; the first write to a table on a branch forks it there. */
  private TableRef writableRef(EntityType type) {
    TableRef ref = base.ref(type);
    if (branch.equals("main") || branch.equals(ref.lanceBranch())) return ref;
    ctx.tables().fork(ref, branch);
    return new TableRef(ref.uri(), branch, ref.version());
  }

  private List<GraphCommit> publish(Map<EntityType, StagedWrite> staged, List<String> actors) {
    return publish(staged, actors, null, null);
  }

  /**
   * @param logged the commit-log records being published, whose ids and times the commits take;
   *     null otherwise
   * @param through the log position they reach, recorded in the same publish
   */
  private List<GraphCommit> publish(Map<EntityType, StagedWrite> staged, List<String> actors, List<LogRecord> logged,
      io.omnigraph.engine.commit.ManifestState.LogPosition through) {
    Failpoints failpoints = ctx.failpoints();
    List<TablePin> pins = new ArrayList<>();
    staged.forEach((type, w) -> {
      if (!w.empty()) pins.add(TablePin.of(base.entry(type), w.lanceBranch(), w.readVersion() + 1));
    });
    JournalEntry journal = ctx.recovery().begin(new RecoveryIntent(writerKind, branch, actor, mergedParent, pins,
        logged == null ? null : logged.get(0).commitId()));
    try {
      failpoints.hit(Failpoints.COMMIT_AFTER_SIDECAR);
      String commitId = journal.commitId();
      List<ManifestRow> rows = new ArrayList<>();
      Map<String, String> props = Map.of(TableClassifier.COMMIT_ID_PROPERTY, commitId);
      for (Map.Entry<EntityType, StagedWrite> e : staged.entrySet()) {
        StagedWrite w = e.getValue();
        if (w.empty()) continue;
        TableEntry before = base.entry(e.getKey());
        long version = ctx.tables().commit(w, props);
        journal.committed(before.registrationId(), version);
        PendingTable p = touched.get(e.getKey());
        ctx.knownIds().committed(new TableRef(w.uri(), w.lanceBranch(), w.readVersion()), version, p.replaceAll, p.deletes,
            p.upserts.keySet(), before.rowCount() == 0 && before.version() == w.readVersion());
        if (rows.isEmpty()) failpoints.hit(Failpoints.COMMIT_AFTER_TABLE_COMMIT);
        long rowCount = Math.max(0, before.rowCount() + w.rowsAdded() - w.rowsRemoved());
        publishedRows.put(e.getKey(), rowCount);
        rows.add(ManifestState.versionRow(new TableEntry(before.tableKey(), before.stableTableId(), before.incarnationId(),
            before.location(), version, w.lanceBranch(), rowCount)));
      }
      // Commits sharing a publish are chained in order; the first carries the id the table commits
      // recorded, so recovery recognises the publish by it.
      List<GraphCommit> commits = new ArrayList<>(actors.size());
      long at = nowMicros();
      String parent = base.headCommitId();
      for (int i = 0; i < actors.size(); i++) {
        String id = logged != null ? logged.get(i).commitId() : i == 0 ? commitId : ctx.newId();
        long micros = logged != null ? logged.get(i).micros() : at + i;
        GraphCommit commit = new GraphCommit(id, branch.equals("main") ? null : branch, base.manifestVersion() + 1,
            parent, mergedParent, actors.get(i), micros);
        rows.add(ManifestState.commitRow(commit));
        commits.add(commit);
        parent = id;
      }
      GraphCommit last = commits.get(commits.size() - 1);
      if (through != null) rows.add(ManifestState.logRow(branch, through));
      rows.add(ManifestState.headRow(branch, last.id(), last.parentCommitId()));
      failpoints.hit(Failpoints.COMMIT_BEFORE_PUBLISH);
      ctx.publish(branch, base.state(), rows);
      journal.published();
      failpoints.hit(Failpoints.COMMIT_AFTER_PUBLISH_BEFORE_SIDECAR_DELETE);
      journal.finish();
      return commits;
    } catch (RuntimeException e) {
      throw journal.failed(e);
    }
  }

  static long nowMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
