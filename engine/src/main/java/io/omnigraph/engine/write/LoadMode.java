package io.omnigraph.engine.write;

/** How a JSONL load treats rows that already exist (SPEC §4.4). */
public enum LoadMode {
  /** Replace the whole image of every table the file mentions; other tables are kept. */
  OVERWRITE,
  /** Strict insert: an existing id fails the whole load. */
  APPEND,
  /** Upsert by id. */
  MERGE
}
