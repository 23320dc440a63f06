package io.omnigraph.engine.merge;

/** What happened to one entity between two graph states; declared in reporting order. */
public enum ChangeOp {
  INSERT,
  UPDATE,
  DELETE
}
