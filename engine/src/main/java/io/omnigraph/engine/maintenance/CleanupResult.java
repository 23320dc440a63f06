package io.omnigraph.engine.maintenance;

import java.util.List;

/**
 * The outcome of {@code cleanup}.
 *
 * @param forksRemoved table forks left behind by deleted graph branches that were reclaimed
 */
public record CleanupResult(List<TableCleanupStats> tables, int forksRemoved) {
  public CleanupResult {
    tables = List.copyOf(tables);
  }
}
