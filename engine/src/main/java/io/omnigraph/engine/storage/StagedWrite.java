package io.omnigraph.engine.storage;

import java.util.List;
import org.lance.FragmentMetadata;

/**
 * One table's write, fully prepared but not yet visible: new data files are written, deletion
 * vectors computed, and HEAD has not moved. {@link TableStore#commit} makes it exactly one new
 * Lance version, and only if the table is still at {@code readVersion}.
 *
 * @param lanceBranch the Lance branch of the table written, or null for its main lineage
 */
public record StagedWrite(
    String uri,
    String lanceBranch,
    long readVersion,
    List<Long> removedFragmentIds,
    List<FragmentMetadata> updatedFragments,
    List<FragmentMetadata> newFragments,
    long rowsAdded,
    long rowsRemoved) {

  public StagedWrite {
    removedFragmentIds = List.copyOf(removedFragmentIds);
    updatedFragments = List.copyOf(updatedFragments);
    newFragments = List.copyOf(newFragments);
  }

  boolean appendOnly() {
    return removedFragmentIds.isEmpty() && updatedFragments.isEmpty();
  }

  public boolean empty() {
    return appendOnly() && newFragments.isEmpty();
  }
}
