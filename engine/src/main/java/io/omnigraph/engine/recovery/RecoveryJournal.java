package io.omnigraph.engine.recovery;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.ManifestState;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.storage.ObjectStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
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
  private final Set<String> running = ConcurrentHashMap.newKeySet();

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
        branch, intent.actor(), intent.kind(), ctx.newId(), intent.mergeSourceCommitId(), intent.tables());
    JournalEntry entry = new JournalEntry(this, sidecar, !intent.tables().isEmpty());
    if (entry.durable()) {
      running.add(sidecar.operationId());
      try {
        write(sidecar);
      } catch (RuntimeException e) {
        running.remove(sidecar.operationId());
        throw e;
      }
    }
    return entry;
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
      if (running.contains(SidecarCodec.operationIdOf(path))) continue;
      RecoverySidecar other = read(path);
      if (other == null || !other.branchName().equals(branch)) continue;
      if (other.tables().stream().noneMatch(t -> identities.contains(t.identity()))) continue;
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
