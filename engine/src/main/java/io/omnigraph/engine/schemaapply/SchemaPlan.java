package io.omnigraph.engine.schemaapply;

import java.util.List;
import java.util.Optional;

/**
 * The steps that take the accepted schema to a desired one. {@code supported} is false exactly when
 * some step is an {@link SchemaStep.UnsupportedChange}; an unchanged schema has no steps.
 */
public record SchemaPlan(boolean supported, List<SchemaStep> steps) {
  public SchemaPlan {
    steps = List.copyOf(steps);
    if (supported != firstUnsupported(steps).isEmpty()) {
      throw new IllegalArgumentException("a plan is supported exactly when it has no unsupported step");
    }
  }

  static SchemaPlan of(List<SchemaStep> steps) {
    return new SchemaPlan(firstUnsupported(steps).isEmpty(), steps);
  }

  /** The first step that makes this plan unsupported. */
  public Optional<SchemaStep.UnsupportedChange> firstUnsupported() {
    return firstUnsupported(steps);
  }

  /** True when the desired schema only differs in text (comments, whitespace, enum order). */
  public boolean unchanged() {
    return steps.isEmpty();
  }

  private static Optional<SchemaStep.UnsupportedChange> firstUnsupported(List<SchemaStep> steps) {
    return steps.stream().filter(SchemaStep.UnsupportedChange.class::isInstance)
        .map(SchemaStep.UnsupportedChange.class::cast).findFirst();
  }
}
