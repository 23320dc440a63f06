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
  /** The log file of generation 0, under the graph root; generation g > 0 is {@code main.<g>.log}. */
  public static final String FILE = "__commit_log/main.log";
  private static final String DIR = "__commit_log";
  public static final String MAIN = "main";
  /** Commits with more rows publish directly: their rows would only be written twice. */
  static final int MAX_ROWS = 1024;
  /** Unfolded records past which an appending commit folds first, so checks stay short. */
  static final int MAX_UNFOLDED = 256;

  private final EngineContext ctx;
  private final boolean appending;
  private final LogFolder folder;
  /** The newest generation's file this handle knows of, and that generation. */
  private AppendFile file;
  private long generation;
  /**
   * Files of the generations this handle moved past last, closed when it moves on again or closes:
   * an appender may still be forcing its record into one.
   */
  private final List<AppendFile> retired = new ArrayList<>();

  /** Decoded records past {@link #droppedThrough}, each with where it ends; read up to cachedGen/cachedEnd. */
  private final List<Entry> cached = new ArrayList<>();
  private long cachedGen;
  private long cachedEnd;
  private long droppedThrough;
  /** The furthest log position a published manifest of main was seen to hold. */
  private long foldedGen;
  private long foldedOffset;

  private record Entry(LogRecord record, long generation, long end) {}

  /**
   * @param appending whether this handle appends small commits to the log; every read-write handle
   *     folds what any handle appended, whether or not it appends itself
   */
  public CommitLog(EngineContext ctx, boolean appending) {
    this.ctx = ctx;
    this.appending = appending && !ctx.readOnly() && ctx.store().appendable();
    if (this.appending) {
      this.generation = newestGeneration();
      this.file = ctx.store().openAppend(fileOf(generation)).orElseThrow();
    }
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
    appended.file().sync(appended.end());
    folder.request();
    return appended.commit();
  }

  private record Appended(GraphCommit commit, AppendFile file, long end) {}

  /**
   * Checks and writes the record under the log's lock; null when a writer that died mid-publish
   * left work on main that recovery must settle first.
   */
  private Appended appendLocked(CommitPipeline pipeline) {
    try (BranchLocks.Held log = ctx.branchLocks().acquireLog(MAIN)) {
      if (ctx.recovery().changeUnsettled(MAIN)) return null;
      ctx.refreshSchema();
      pipeline.requireCatalogUnchanged();
      // Under the lock: a CLEANUP of another handle may have begun a new generation.
      file();
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
      AppendFile into;
      synchronized (this) {
        into = file;
        long at = file.size();
        end = file.append(framed);
        if (generation == cachedGen && at == cachedEnd) {
          cached.add(new Entry(record, generation, end));
          cachedEnd = end;
        }
      }
      String parent = last == null ? head.headCommitId() : last.commitId();
      return new Appended(new GraphCommit(record.commitId(), null, head.manifestVersion() + 1, parent, null,
          record.actor(), micros), into, end);
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
    LogPosition from = before.state().log();
    // A fold never spans generations: a new one begins only once everything before it is published.
    long start = from.generation() == through.generation() ? from.offset() : 0;
    if (through.generation() < from.generation() || through.offset() <= start) return Optional.empty();
    byte[] bytes = read(through.generation(), start, through.offset());
    if (bytes == null || bytes.length < through.offset() - start) return Optional.empty();
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
    synchronized (this) {
      AppendFile f = file();
      if (f == null) return false;
      if (foldedGen == generation && f.size() <= foldedOffset) return false;
    }
    LogPosition folded = ctx.latest(MAIN).state().log();
    synchronized (this) {
      noteFolded(folded);
    }
    return beyond(folded);
  }

  /**
   * Whether the log holds records past {@code at}: one length check, no read of main, unless a new
   * generation began after {@code at}.
   */
  private synchronized boolean beyond(LogPosition at) {
    AppendFile f = file();
    if (f == null) return false;
    if (generation == at.generation()) return f.size() > at.offset();
    return f.size() > 0 || !unfolded(at, false).isEmpty();
  }

  private void noteFolded(LogPosition at) {
    if (at.generation() > foldedGen || (at.generation() == foldedGen && at.offset() > foldedOffset)) {
      foldedGen = at.generation();
      foldedOffset = at.offset();
    }
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
    LogPosition through = new LogPosition(last.record().seq(), last.end(), last.generation());
    pipeline.publishLogged(records, through);
    synchronized (this) {
      noteFolded(through);
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
    boolean behind = at.generation() > cachedGen || (at.generation() == cachedGen && at.offset() > cachedEnd);
    if (at.seq() < droppedThrough || behind) {
      cached.clear();
      cachedGen = at.generation();
      cachedEnd = at.offset();
      droppedThrough = at.seq();
    }
    droppedThrough = Math.max(droppedThrough, at.seq());
    noteFolded(at);
    cached.removeIf(e -> e.record().seq() <= at.seq());
    while (true) {
      boolean newest = cachedGen == generation;
      byte[] bytes = newest ? f.readFrom(cachedEnd) : read(cachedGen, cachedEnd, Long.MAX_VALUE);
      if (bytes == null) {
        throw OmniGraphException.state("generation " + cachedGen + " of the commit log, which main's manifest "
            + "reads from, is gone");
      }
      if (bytes.length > 0) {
        LogRecord.Decoded d = LogRecord.decode(bytes, ctx.catalog(), ctx.tables().allocator());
        long from = cachedEnd;
        for (int i = 0; i < d.records().size(); i++) {
          cached.add(new Entry(d.records().get(i), cachedGen, from + d.ends().get(i)));
        }
        cachedEnd = from + d.length();
        if (newest && d.length() < bytes.length && logLocked) {
          // A frame a writer died while appending: never acknowledged, and in the way of the next.
          f.truncate(cachedEnd);
        }
      }
      if (newest) break;
      // An older generation is sealed: records go on in the next one.
      cachedGen++;
      cachedEnd = 0;
    }
    return List.copyOf(cached);
  }

  /**
   * The newest generation's file if the log exists, moving on to a generation another handle
   * began; a handle that does not append opens it once another has made it.
   */
  private synchronized AppendFile file() {
    if (!ctx.store().appendable()) return null;
    if (file != null && !ctx.store().exists(fileOf(generation))) {
      // Other handles began two generations or more since this one last looked: start from the newest.
      retire(file);
      file = null;
    }
    if (file == null) {
      if (!ctx.store().exists(DIR)) return null;
      generation = newestGeneration();
      if (!ctx.store().exists(fileOf(generation))) return null;
      file = ctx.store().openAppend(fileOf(generation)).orElse(null);
      return file;
    }
    while (ctx.store().exists(fileOf(generation + 1))) {
      retire(file);
      generation++;
      file = ctx.store().openAppend(fileOf(generation)).orElseThrow();
    }
    return file;
  }

  /** Keeps {@code f} open a while for an appender still forcing into it; closes those retired before. */
  private void retire(AppendFile f) {
    if (retired.size() >= 4) {
      retired.forEach(AppendFile::close);
      retired.clear();
    }
    retired.add(f);
  }

  /** Bytes {@code from} to {@code to} of generation {@code gen}'s file; null when it is gone. */
  private byte[] read(long gen, long from, long to) {
    synchronized (this) {
      AppendFile f = file();
      if (f != null && gen == generation) return f.read(from, to);
    }
    if (!ctx.store().exists(fileOf(gen))) return null;
    try (AppendFile old = ctx.store().openAppend(fileOf(gen)).orElseThrow()) {
      return old.read(from, to);
    }
  }

  static String fileOf(long generation) {
    return generation == 0 ? FILE : DIR + "/main." + generation + ".log";
  }

  private static long generationOf(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    if (base.equals("main.log")) return 0;
    if (!base.startsWith("main.") || !base.endsWith(".log")) return -1;
    try {
      return Long.parseLong(base.substring(5, base.length() - 4));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private long newestGeneration() {
    long newest = 0;
    if (ctx.store().exists(DIR)) {
      for (String name : ctx.store().list(DIR)) newest = Math.max(newest, generationOf(name));
    }
    return newest;
  }

  /**
   * Begins a new generation of the log once everything in the current one is published, and
   * removes the generations before the one it closes; called by CLEANUP, so the log does not grow
   * without end. The closed generation stays one more round: a reader that read main just before
   * may still read from it, and reading as of a commit inside its last folds still finds them.
   *
   * @return how many generation files it removed
   */
  public int rotate() {
    if (ctx.readOnly() || !ctx.store().appendable()) return 0;
    try (WriteQueues.Held held = ctx.queues().acquireTables(MAIN, List.of())) {
      CommitPipeline.lockBranch(ctx, MAIN, held);
      synchronized (this) {
        AppendFile f = file();
        if (f == null || f.size() == 0) return 0;
        LogPosition folded = ctx.latest(MAIN).state().log();
        if (folded.generation() != generation || folded.offset() != f.size()) return 0;
        long sealed = generation;
        AppendFile next = ctx.store().openAppend(fileOf(sealed + 1)).orElseThrow();
        retire(f);
        file = next;
        generation = sealed + 1;
        int removed = 0;
        for (String name : ctx.store().list(DIR)) {
          long g = generationOf(name);
          if (g >= 0 && g < sealed) {
            ctx.store().delete(fileOf(g));
            removed++;
          }
        }
        return removed;
      }
    }
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
        retired.forEach(AppendFile::close);
        retired.clear();
      }
    }
  }
}
