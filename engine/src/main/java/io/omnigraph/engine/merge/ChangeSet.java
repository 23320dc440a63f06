package io.omnigraph.engine.merge;

import java.util.List;

/**
 * The entity-level difference between two graph states.
 *
 * @param fromVersion the manifest version of the older view
 * @param toVersion the manifest version of the newer view
 * @param changes nodes before edges, then by type name, id and operation
 */
public record ChangeSet(long fromVersion, long toVersion, List<EntityChange> changes) {
  public ChangeSet {
    changes = List.copyOf(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
