package io.omnigraph.engine.maintenance;

import java.util.List;
import java.util.OptionalLong;

/**
 * The outcome of {@code optimize}.
 *
 * @param manifestVersion the version of the one optimize commit; empty when no table changed
 */
public record OptimizeResult(OptionalLong manifestVersion, List<TableOptimizeStats> tables) {
  public OptimizeResult {
    tables = List.copyOf(tables);
  }
}
