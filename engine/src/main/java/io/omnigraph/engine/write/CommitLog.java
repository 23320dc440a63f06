package io.omnigraph.engine.write;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.BranchLocks;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.ManifestState.LogPosition;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.recovery.RecoverySweep;
import io.omnigraph.engine.recovery.WriterKind;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.storage.AppendFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Main's commit log: a small commit made of inserts is durable once its record is appended and
 * forced to disk, and published into the tables and the manifest later, together with the records
 * appended after it, by a fold (in the background, or before anything reads or otherwise writes
 * main). Every record is checked, under the log's lock, against main's published state plus the
 * records not yet folded, so a fold only publishes what already passed the checks.
 *
 * <p>A read-write handle folds before it reads main, so a reader sees every commit acknowledged
 * before it began; a read-only handle, which cannot publish, reads the unfolded records on top of
 * main ({@link #withUnfolded}). Commits of one fold share its manifest version; reading as of one
 * of them reads the version before the fold with the fold's records up to it on top ({@link
 * #asOf}), so it shows exactly what that commit left. The manifest records how far into the log
 * it holds ({@link LogPosition}), in the same publish as the rows, so a record is published
 * exactly once whatever dies when.
 */
public final class CommitLog implements AutoCloseable {
  /** The log file, under the graph root. */
  public static final String FILE = "__commit_log/main.log";
  public static final String MAIN = "main";
  /** Commits with more rows publish directly: their rows would only be written twice. */
  static final int MAX_ROWS = 1024;
  /** Unfolded records past which an appending commit folds first, so checks stay short. */
  static final int MAX_UNFOLDED = 256;

  private final EngineContext ctx;
  private final boolean appending;
  private final LogFolder folder;
  private AppendFile file;

  /** Decoded records past {@link #droppedThrough}, each with the offset just past it. */
  private final List<Entry> cached = new ArrayList<>();
  private long cachedEnd;
  private long droppedThrough;
  /** The furthest log offset a published manifest of main was seen to hold. */
  private long foldedOffset;

  private record Entry(LogRecord record, long end) {}

  /**
   * @param appending whether this handle appends small commits to the log; every read-write handle
   *     folds what any handle appended, whether or not it appends itself
   */
  public CommitLog(EngineContext ctx, boolean appending) {
    this.ctx = ctx;
    this.file = appending && !ctx.readOnly() ? ctx.store().openAppend(FILE).orElse(null) : null;
    this.appending = file != null;
    this.folder = this.appending ? new LogFolder(this::foldInBackground) : null;
  }

  /** Whether {@code p}'s commit is appended to the log instead of published directly. */
  boolean accepts(String branch, Map<EntityType, PendingTable> touched, ReadSet reads, WriterKind kind,
      String mergedParent, String expectedHead) {
    if (!appending || !MAIN.equals(branch) || kind != WriterKind.Mutation || mergedParent != null
        || expectedHead != null || !reads.isEmpty() || touched.isEmpty()) {
      return false;
    }
    int rows = 0;
    for (PendingTable p : touched.values()) {
      if (p.replaceAll || !p.deletes.isEmpty() || !p.strictInserts.containsAll(p.upserts.keySet())) return false;
      rows += p.upserts.size();
    }
    return rows > 0 && rows <= MAX_ROWS;
  }

  /**
   * Appends one commit of inserts: checks it against main's published state plus the unfolded
   * records, then appends and forces its record. The commit's manifest version is the one its fold
   * will most likely publish; reading it back from {@code _graph_commits} gives the real one.
   */
  GraphCommit append(CommitPipeline pipeline) {
    if (unfoldedCount() >= MAX_UNFOLDED) fold();
    Appended appended = appendLocked(pipeline);
    if (appended == null) {
      // Settled outside the log's lock: recovery takes main's lock, which writers take before it.
      settleRecovery();
      appended = appendLocked(pipeline);
      if (appended == null) {
        throw OmniGraphException.state("a writer that died while publishing to main left work recovery could not "
            + "settle; reopen the graph read-write to recover it");
      }
    }
    // Outside the lock: commits appended meanwhile share the next fdatasync.
    file.sync(appended.end());
    folder.request();
    return appended.commit();
  }

  private record Appended(GraphCommit commit, long end) {}

  /**
   * Checks and writes the record under the log's lock; null when a writer that died mid-publish
   * left work on main that recovery must settle first.
   */
  private Appended appendLocked(CommitPipeline pipeline) {
    try (BranchLocks.Held log = ctx.branchLocks().acquireLog(MAIN)) {
      if (ctx.recovery().changeUnsettled(MAIN)) return null;
      ctx.refreshSchema();
      pipeline.requireCatalogUnchanged();
      Snapshot head = ctx.latest(MAIN);
      List<Entry> unfolded = unfolded(head.state().log(), true);
      Map<EntityType, PendingTable> combined = combine(unfolded);
      for (Map.Entry<EntityType, PendingTable> e : pipeline.touched().entrySet()) {
        PendingTable into = combined.computeIfAbsent(e.getKey(), PendingTable::new);
        for (Map.Entry<String, Map<String, Object>> row : e.getValue().upserts.entrySet()) {
          if (into.upserts.containsKey(row.getKey())) throw Validator.exists(e.getKey(), row.getKey());
          into.upserts.put(row.getKey(), row.getValue());
          into.strictInserts.add(row.getKey());
        }
      }
      new Validator(head, combined, ctx.knownIds()).validate();
      LogRecord last = unfolded.isEmpty() ? null : unfolded.get(unfolded.size() - 1).record();
      long seq = (last == null ? head.state().log().seq() : last.seq()) + 1;
      long micros = Math.max(CommitPipeline.nowMicros(), last == null ? 0 : last.micros() + 1);
      Map<String, List<Map<String, Object>>> inserts = new LinkedHashMap<>();
      pipeline.touched().forEach((type, p) -> inserts.put(type.name(), new ArrayList<>(p.upserts.values())));
      LogRecord record = new LogRecord(seq, ctx.newId(), pipeline.actor(), micros, inserts);
      byte[] framed = record.encode(ctx.catalog(), ctx.tables().allocator());
      long end;
      synchronized (this) {
        long at = file.size();
        end = file.append(framed);
        if (at == cachedEnd) {
          cached.add(new Entry(record, end));
          cachedEnd = end;
        }
      }
      String parent = last == null ? head.headCommitId() : last.commitId();
      return new Appended(new GraphCommit(record.commitId(), null, head.manifestVersion() + 1, parent, null,
          record.actor(), micros), end);
    }
  }

  /** Takes main's lock long enough for recovery to settle what a dead writer left. */
  private void settleRecovery() {
    try (BranchLocks.Held branch = ctx.branchLocks().acquire(MAIN)) {
      new RecoverySweep(ctx).runFor(MAIN);
    }
  }

  /**
   * Publishes every unfolded record if there are any; a no-op on a read-only handle, which reads
   * what was folded. Called before main is read, so the read sees every acknowledged commit.
   */
  public void settle() {
    if (!ctx.readOnly() && hasUnfolded()) fold();
  }

  /**
   * Main at {@code head} as a handle that cannot publish the log reads it: with the rows and the
   * commits of every record {@code head} does not hold. The commits' manifest version is the one
   * their fold will most likely publish.
   */
  public Snapshot withUnfolded(Snapshot head) {
    if (!beyond(head.state().log())) return head;
    List<Entry> unfolded = unfolded(head.state().log(), false);
    return overlay(head, unfolded.stream().map(Entry::record).toList());
  }

  /**
   * Main exactly as commit {@code commitId} left it, when a fold published it together with later
   * commits in one manifest version: {@code before}, the version preceding that fold, with the
   * fold's records up to and including that commit read on top. Empty when the log no longer holds
   * them.
   *
   * @param through how far into the log the fold's version holds
   */
  public Optional<Snapshot> asOf(Snapshot before, LogPosition through, String commitId) {
    AppendFile f = file();
    LogPosition from = before.state().log();
    if (f == null || through.offset() <= from.offset() || f.size() < through.offset()) return Optional.empty();
    byte[] bytes = f.read(from.offset(), through.offset());
    List<LogRecord> upTo = new ArrayList<>();
    for (LogRecord r : LogRecord.decode(bytes, ctx.catalog(), ctx.tables().allocator()).records()) {
      upTo.add(r);
      if (r.commitId().equals(commitId)) return Optional.of(overlay(before, upTo));
    }
    return Optional.empty();
  }

  /** {@code head} with the rows and commits of {@code records}, which it does not hold, on top. */
  private static Snapshot overlay(Snapshot head, List<LogRecord> records) {
    if (records.isEmpty()) return head;
    Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    List<GraphCommit> commits = new ArrayList<>();
    String parent = head.headCommitId();
    for (LogRecord r : records) {
      r.inserts().forEach((type, typeRows) -> rows.computeIfAbsent(type, k -> new ArrayList<>()).addAll(typeRows));
      commits.add(new GraphCommit(r.commitId(), null, head.manifestVersion() + 1, parent, null, r.actor(), r.micros()));
      parent = r.commitId();
    }
    return head.withLogged(head.state().withLogged(commits), rows);
  }

  /**
   * Whether records past what main's manifest holds may exist: one length check of the log while
   * it is no longer than what was last seen folded.
   */
  boolean hasUnfolded() {
    AppendFile f = file();
    if (f == null) return false;
    long size = f.size();
    synchronized (this) {
      if (size <= foldedOffset) return false;
    }
    long folded = ctx.latest(MAIN).state().log().offset();
    synchronized (this) {
      foldedOffset = Math.max(foldedOffset, folded);
    }
    return size > folded;
  }

  /** Whether the log holds bytes past {@code at}: one length check, no read of main. */
  private boolean beyond(LogPosition at) {
    AppendFile f = file();
    return f != null && f.size() > at.offset();
  }

  private int unfoldedCount() {
    synchronized (this) {
      return cached.size();
    }
  }

  /** Folds under main's locks as a writer takes them (see {@link CommitPipeline#lockBranch}). */
  private void fold() {
    try (WriteQueues.Held held = ctx.queues().acquireTables(MAIN, List.of())) {
      CommitPipeline.lockBranch(ctx, MAIN, held);
    }
  }

  private void foldInBackground() {
    try (WriteQueues.Held held = ctx.queues().acquireTables(MAIN, List.of())) {
      ctx.queues().acquirePublish(held, MAIN);
      held.add(ctx.branchLocks().acquire(MAIN));
      ctx.refreshSchema();
      new RecoverySweep(ctx).runFor(MAIN);
      foldLocked();
    }
  }

  /**
   * Publishes the unfolded records as one manifest version, each record its own graph commit. The
   * caller holds main's lock and has settled recovery.
   */
  public void foldLocked() {
    if (!hasUnfolded()) return;
    Snapshot head = ctx.latest(MAIN);
    List<Entry> unfolded = unfolded(head.state().log(), false);
    if (unfolded.isEmpty()) return;
    Map<EntityType, PendingTable> combined = combine(unfolded);
    List<LogRecord> records = unfolded.stream().map(Entry::record).toList();
    Entry last = unfolded.get(unfolded.size() - 1);
    CommitPipeline pipeline = new CommitPipeline(ctx, MAIN, records.get(0).actor(), head, combined, new ReadSet(), null,
        WriterKind.LogFold, null, true);
    new Validator(head, combined, ctx.knownIds()).validate();
    pipeline.publishLogged(records, new LogPosition(last.record().seq(), last.end()));
    synchronized (this) {
      foldedOffset = Math.max(foldedOffset, last.end());
    }
  }

  /**
   * Whether rows a statement changed, checked on {@code base} by a transaction that has not read,
   * must be checked on main with every acknowledged commit instead: main moved since {@code base},
   * or the log holds rows of a type with {@code @unique} values. A strict insert of an id a record
   * holds is refused here.
   */
  boolean mustSettle(Snapshot base, Map<PendingTable, java.util.Set<String>> changed) {
    if (ctx.latest(MAIN).manifestVersion() != base.manifestVersion()) return true;
    if (!beyond(base.state().log())) return false;
    Map<EntityType, PendingTable> logged = combine(unfolded(base.state().log(), false));
    for (Map.Entry<PendingTable, java.util.Set<String>> e : changed.entrySet()) {
      PendingTable p = e.getKey();
      PendingTable theirs = logged.get(p.type);
      if (theirs == null) continue;
      if (!p.type.uniques().isEmpty()) return true;
      for (String id : e.getValue()) {
        if (p.strictInserts.contains(id) && theirs.upserts.containsKey(id)) throw Validator.exists(p.type, id);
      }
    }
    return false;
  }

  private Map<EntityType, PendingTable> combine(List<Entry> unfolded) {
    Map<EntityType, PendingTable> combined = new LinkedHashMap<>();
    for (Entry e : unfolded) {
      e.record().inserts().forEach((typeName, rows) -> {
        EntityType type = ctx.catalog().type(typeName).orElseThrow();
        PendingTable p = combined.computeIfAbsent(type, PendingTable::new);
        for (Map<String, Object> row : rows) {
          String id = (String) row.get("id");
          p.upserts.put(id, row);
          p.strictInserts.add(id);
        }
      });
    }
    return combined;
  }

  /**
   * The records past {@code at}, reading whatever was appended since the last look.
   *
   * @param logLocked the caller holds the log's lock, so a partial frame at the end is a dead
   *     writer's, never one being written
   */
  private synchronized List<Entry> unfolded(LogPosition at, boolean logLocked) {
    AppendFile f = file();
    if (f == null) return List.of();
    if (at.seq() < droppedThrough || at.offset() > cachedEnd) {
      cached.clear();
      cachedEnd = at.offset();
      droppedThrough = at.seq();
    }
    droppedThrough = Math.max(droppedThrough, at.seq());
    foldedOffset = Math.max(foldedOffset, at.offset());
    cached.removeIf(e -> e.record().seq() <= at.seq());
    byte[] bytes = f.readFrom(cachedEnd);
    if (bytes.length > 0) {
      LogRecord.Decoded d = LogRecord.decode(bytes, ctx.catalog(), ctx.tables().allocator());
      long from = cachedEnd;
      for (int i = 0; i < d.records().size(); i++) cached.add(new Entry(d.records().get(i), from + d.ends().get(i)));
      cachedEnd = from + d.length();
      if (d.length() < bytes.length && logLocked) {
        // A frame a writer died while appending: never acknowledged, and in the way of the next.
        f.truncate(cachedEnd);
      }
    }
    return List.copyOf(cached);
  }

  /** The log file if it exists; a handle that does not append opens it once another has made it. */
  private synchronized AppendFile file() {
    if (file == null && ctx.store().appendable() && ctx.store().exists(FILE)) {
      Optional<AppendFile> opened = ctx.store().openAppend(FILE);
      file = opened.orElse(null);
    }
    return file;
  }

  /** Stops the background fold and publishes what is left; what cannot be, the next open does. */
  @Override
  public void close() {
    if (folder != null) folder.close();
    try {
      settle();
    } finally {
      synchronized (this) {
        if (file != null) file.close();
        file = null;
      }
    }
  }
}
