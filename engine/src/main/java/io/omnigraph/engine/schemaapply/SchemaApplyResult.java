package io.omnigraph.engine.schemaapply;

import java.util.List;

/**
 * The outcome of a schema apply.
 *
 * @param applied false when the desired schema matched the accepted one (nothing was written)
 * @param manifestVersion main's manifest version after the apply: the new one when applied,
 *     otherwise the unchanged current one
 */
public record SchemaApplyResult(boolean supported, boolean applied, long manifestVersion, List<SchemaStep> steps) {
  public SchemaApplyResult {
    steps = List.copyOf(steps);
  }
}
