package io.omnigraph.engine.error;

/** The kind of an engine failure; the JDBC layer maps each kind (and rule) to a SQLState in one place. */
public enum ErrorKind {
  /** Malformed input: bad schema text, bad JSON, unknown type or property, bad branch name. */
  BAD_INPUT,
  /** A named object does not exist: branch, commit, type, graph location. */
  NOT_FOUND,
  /** An object is in a state that forbids the operation: branch exists, active branch delete, lock held. */
  STATE,
  /** A data rule failed: required, enum, range, check, key, unique, endpoint, cardinality. */
  CONSTRAINT,
  /** Another writer won a race; nothing was published and the operation may be retried. */
  WRITE_CONFLICT,
  /** A branch merge found conflicting changes; nothing was published. */
  MERGE_CONFLICT,
  /** A previous writer left work that recovery must settle before writes can continue. */
  RECOVERY_REQUIRED,
  /** The graph was opened read-only or pinned to a snapshot. */
  READ_ONLY,
  /** The storage substrate failed. */
  STORAGE,
  /** The graph's object store cannot be reached, or refuses the credentials; nothing was changed. */
  STORE_UNREACHABLE,
  /** A feature the engine does not offer. */
  UNSUPPORTED
}
