package io.omnigraph.engine.read;

import java.util.Map;
import java.util.Set;

/**
 * A view's uncommitted changes to one table, over the committed state they apply to.
 *
 * @param committed the view without any pending change
 * @param upserts full row images written, by id (a new row, or one replacing the committed row)
 * @param deletes ids of committed rows removed
 * @param replacesAll true when the whole committed table is replaced (an overwrite load)
 */
public record PendingChanges(ReadView committed, Map<String, Map<String, Object>> upserts, Set<String> deletes,
    boolean replacesAll) {
  public PendingChanges {
    upserts = Map.copyOf(upserts);
    deletes = Set.copyOf(deletes);
  }
}
