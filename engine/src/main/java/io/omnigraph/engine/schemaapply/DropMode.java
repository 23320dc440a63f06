package io.omnigraph.engine.schemaapply;

/** How a drop treats the data it hides (SPEC §6). */
public enum DropMode {
  /** Hidden from new snapshots; older manifest versions still read it by time travel. */
  SOFT,
  /** Also garbage-collected: irreversible, chosen only with {@code allowDataLoss}. */
  HARD;

  /** The wire spelling, {@code soft} or {@code hard}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
