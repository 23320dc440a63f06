package io.omnigraph.engine.storage;

/** The index families the engine builds (SPEC §9). */
public enum IndexKind {
  /** Ordered scalar index: equality and range lookups on ids, enums, numbers, dates. */
  BTREE,
  /** Full-text index on free-text String columns. */
  INVERTED,
  /** IVF vector index on {@code Vector(d)} columns. */
  VECTOR
}
