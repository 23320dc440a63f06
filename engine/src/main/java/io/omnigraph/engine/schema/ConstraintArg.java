package io.omnigraph.engine.schema;

/** One argument of a body constraint. */
public sealed interface ConstraintArg permits Literal, RangeBound {
  Position pos();
}
