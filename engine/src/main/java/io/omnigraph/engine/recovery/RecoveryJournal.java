package io.omnigraph.engine.recovery;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.BranchLocks;
import io.omnigraph.engine.commit.ManifestState;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.storage.StoreLock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recovery sidecars of one graph handle (SPEC §7). Every writer that moves table HEADs before
 * its manifest publish brackets that window with {@link #begin}, which writes the sidecar, and
 * {@link JournalEntry#finish}, which deletes it after the publish:
 *
 * <pre>{@code
 * JournalEntry op = ctx.recovery().begin(new RecoveryIntent(WriterKind.SchemaApply, "main", actor, pins));
 * try {
 *   long v = ctx.tables().commit(staged, Map.of(TableClassifier.COMMIT_ID_PROPERTY, op.commitId()));
 *   op.confirm(pin.identity(), v);          // or op.committed(...) when v is the pin's post-commit pin
 *   ctx.publish(branch, base, rows);        // the commit row must use op.commitId()
 *   op.published();
 *   op.finish();
 * } catch (RuntimeException e) {
 *   throw op.failed(e);
 * }
 * }</pre>
 *
 * Thread-safe. Sidecars of this handle's running writers are known in memory so that concurrent
 * writers do not mistake each other's for interrupted ones.
 */
public final class RecoveryJournal {
  /** Directory of the sidecars under the graph root; created by the first sidecar write. */
  public static final String DIR = "__recovery";

  private final EngineContext ctx;
  /** This handle's writers between begin and finish, with their owner locks. */
  private final Map<String, StoreLock> running = new ConcurrentHashMap<>();

  public RecoveryJournal(EngineContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Writes the sidecar for a writer about to move the intent's tables, after refusing if an
   * unsettled sidecar of another operation covers any of them (or cannot be read). An intent
   * without tables writes nothing: a lone manifest publish is atomic by itself.
   *
   * @throws RecoveryRequired if earlier work on these tables awaits recovery
   */
  public JournalEntry begin(RecoveryIntent intent) {
    String branch = intent.branch() == null ? "main" : intent.branch();
    requireSettled(branch, intent.tables());
    RecoverySidecar sidecar = new RecoverySidecar(RecoverySidecar.SCHEMA_VERSION, ctx.newId(), nowMicros(),
        branch, intent.actor(), intent.kind(), intent.commitId() != null ? intent.commitId() : ctx.newId(),
        intent.mergeSourceCommitId(), intent.tables());
    if (intent.tables().isEmpty()) return new JournalEntry(this, sidecar, null);
    // The owner's lock goes first: a sidecar without a live holder is a dead writer's.
    StoreLock owner = claim(sidecar.operationId()).orElseThrow(() -> OmniGraphException.state(
        "cannot take the owner lock of new operation " + sidecar.operationId()));
    running.put(sidecar.operationId(), owner);
    try {
      write(sidecar);
    } catch (RuntimeException e) {
      running.remove(sidecar.operationId());
      releaseClaim(sidecar.operationId(), owner);
      throw e;
    }
    return new JournalEntry(this, sidecar, owner);
  }

  /**
   * Takes the owner lock of an operation's sidecar: present only when no live writer holds it, so a
   * sidecar whose lock can be claimed belongs to a writer that died or gave up.
   */
  Optional<StoreLock> claim(String operationId) {
    return ctx.store().tryLock(ownerLockPath(operationId));
  }

  /** Releases an owner lock and removes its file; the sidecar it guarded is gone or settled. */
  void releaseClaim(String operationId, StoreLock lock) {
    try {
      ctx.store().delete(ownerLockPath(operationId));
    } finally {
      lock.close();
    }
  }

  /** True while this handle's own writer runs the operation. */
  boolean running(String operationId) {
    return running.containsKey(operationId);
  }

  /**
   * Abandons this handle's unfinished writers as a crash would: their owner locks are released, so
   * another handle's recovery may settle their sidecars. Called when the graph handle closes.
   */
  public void close() {
    running.values().forEach(StoreLock::close);
    running.clear();
  }

  private static String ownerLockPath(String operationId) {
    return DIR + "/" + operationId + ".lock";
  }

  /**
   * Settles a sidecar its own writer gave up on, under the branch's lock, by rolling its tables
   * back, so that nothing of a failed writer stays visible or blocks the next one.
   */
  RecoveryRecord settleOwn(RecoverySidecar sidecar) {
    try (BranchLocks.Held held = ctx.branchLocks().acquire(sidecar.branchName())) {
      return new SidecarResolver(ctx, new RecoveryAudit(ctx)).resolve(sidecar, true);
    }
  }

  /** Shorthand for a writer that publishes no merge commit. */
  public JournalEntry begin(WriterKind kind, String branch, String actor, List<TablePin> tables) {
    return begin(new RecoveryIntent(kind, branch, actor, tables));
  }

  /** Paths (relative to the graph root) of every sidecar present, oldest operation first. */
  public List<String> pendingPaths() {
    List<String> out = new ArrayList<>();
    for (String name : ctx.store().list(DIR)) {
      if (name.endsWith(".json")) out.add(DIR + "/" + name);
    }
    return out;
  }

  /**
   * Sidecars no live writer owns: those of writers that died, which recovery must settle. A
   * writer still running, in this handle or in another process, owns its sidecar until it ends.
   */
  public List<String> abandonedPaths() {
    List<String> out = new ArrayList<>();
    for (String path : pendingPaths()) {
      if (running.containsKey(SidecarCodec.operationIdOf(path))) continue;
      RecoverySidecar sidecar = read(path);
      if (sidecar != null && ownerAlive(sidecar)) continue;
      out.add(path);
    }
    return out;
  }

  /**
   * True when a sidecar that is not one of this handle's running writers may change what
   * {@code branch} holds once settled: anything but a commit-log fold (whose commits the log still
   * holds) and rewrites of the same rows. A commit appended to the branch's log is checked against
   * the branch only after recovery settles such a writer.
   */
  public boolean changeUnsettled(String branch) {
    for (String path : pendingPaths()) {
      if (running.containsKey(SidecarCodec.operationIdOf(path))) continue;
      RecoverySidecar s = read(path);
      if (s == null || !s.branchName().equals(branch)) continue;
      switch (s.writerKind()) {
        case LogFold, Optimize, EnsureIndices -> { }
        default -> {
          return true;
        }
      }
    }
    return false;
  }

  /** Reads one sidecar; a missing file reads as null. */
  public RecoverySidecar read(String path) {
    return ctx.store().read(path).map(text -> SidecarCodec.read(path, text)).orElse(null);
  }

  /**
   * Refuses while a sidecar that is not one of this handle's running writers is unreadable, or
   * covers one of {@code tables} on {@code branch} with a table that moved past its pin and a
   * commit that never published.
   */
  void requireSettled(String branch, List<TablePin> tables) {
    List<String> paths = pendingPaths();
    if (paths.isEmpty()) return;
    Set<String> identities = new HashSet<>();
    tables.forEach(t -> identities.add(t.identity()));
    ManifestState state = null;
    for (String path : paths) {
      if (running.containsKey(SidecarCodec.operationIdOf(path))) continue;
      RecoverySidecar other = read(path);
      if (other == null || !other.branchName().equals(branch)) continue;
      if (other.tables().stream().noneMatch(t -> identities.contains(t.identity()))) continue;
      if (ownerAlive(other)) continue;
      if (state == null) state = ctx.latest(branch).state();
      if (other.commitId() != null && state.commit(other.commitId()) != null) continue;
      for (TablePin pin : other.tables()) {
        TableEntry e = state.table(pin.stableTableId());
        if (e == null || !Objects.equals(pin.identity(), e.registrationId())) continue;
        long head = LanceHeads.head(ctx, pin);
        if (head != LanceHeads.GONE && head != e.version()) {
          throw new RecoveryRequired(other.operationId(), "operation " + other.operationId() + " (" + other.writerKind()
              + " on branch '" + branch + "') moved table " + pin.tableKey() + " without publishing it; reopen the graph"
              + " read-write to recover it before writing to that table");
        }
      }
    }
  }

  /** True when another live writer (of any process) still owns the sidecar. */
  private boolean ownerAlive(RecoverySidecar sidecar) {
    Optional<StoreLock> claimed = claim(sidecar.operationId());
    claimed.ifPresent(StoreLock::close);
    return claimed.isEmpty();
  }

  /** True when any pinned table's HEAD left its expected version, or when that cannot be read. */
  boolean anyMoved(RecoverySidecar sidecar) {
    try {
      for (TablePin pin : sidecar.tables()) {
        long head = LanceHeads.head(ctx, pin);
        if (head != LanceHeads.GONE && head != pin.expectedVersion()) return true;
      }
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }

  void write(RecoverySidecar sidecar) {
    ctx.store().write(sidecar.path(), SidecarCodec.write(sidecar));
  }

  void delete(RecoverySidecar sidecar) {
    ctx.store().delete(sidecar.path());
  }

  void stopped(RecoverySidecar sidecar) {
    running.remove(sidecar.operationId());
  }

  static long nowMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
