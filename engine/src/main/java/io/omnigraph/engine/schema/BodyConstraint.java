package io.omnigraph.engine.schema;

import java.util.List;

/** A body-level constraint such as {@code @unique(a, b)} or {@code @range(age, 0..150)}. */
public record BodyConstraint(String name, List<ConstraintArg> args, Position pos) {
  public BodyConstraint {
    args = List.copyOf(args);
  }
}
