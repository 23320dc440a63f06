package io.omnigraph.engine.maintenance;

import java.util.List;
import java.util.OptionalLong;

/**
 * The outcome of {@code ensureIndices}.
 *
 * @param manifestVersion the version published with the new indexes; empty when nothing was built
 *     and so nothing was committed
 */
public record IndexBuildResult(OptionalLong manifestVersion, List<TableIndexStats> tables) {
  public IndexBuildResult {
    tables = List.copyOf(tables);
  }
}
