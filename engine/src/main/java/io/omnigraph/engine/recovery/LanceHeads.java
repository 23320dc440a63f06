package io.omnigraph.engine.recovery;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.storage.TableHeads;

/** Reads and resets the Lance side of a pin: the table's HEAD on the branch the writer committed on. */
final class LanceHeads {
  /** Returned when the pin's Lance branch no longer exists (its fork was reclaimed). */
  static final long GONE = TableHeads.GONE;

  private LanceHeads() {}

  static String uri(EngineContext ctx, TablePin pin) {
    return ctx.store().uri(pin.tablePath());
  }

  /** HEAD of the pinned table on the pin's Lance branch, or {@link #GONE}. */
  static long head(EngineContext ctx, TablePin pin) {
    return new TableHeads(ctx.tables()).head(uri(ctx, pin), pin.tableBranch());
  }

  /** The commit id recorded by the Lance commit that produced HEAD, or null. */
  static String headCommitId(EngineContext ctx, TablePin pin) {
    return new TableHeads(ctx.tables()).headProperty(uri(ctx, pin), pin.tableBranch(), TableClassifier.COMMIT_ID_PROPERTY);
  }

  /** Makes the pinned version's content the table's HEAD again; returns the new HEAD. */
  static long restoreToPin(EngineContext ctx, TablePin pin, long pinned) {
    return new TableHeads(ctx.tables()).rollBackTo(uri(ctx, pin), pin.tableBranch(), pinned);
  }
}
