package io.omnigraph.engine.merge;

import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import java.util.List;
import java.util.stream.Collectors;

/** A branch merge found conflicts; nothing was published and the target is unchanged. */
public final class MergeConflictException extends OmniGraphException {
  private final List<MergeConflict> conflicts;

  public MergeConflictException(String source, String target, List<MergeConflict> conflicts) {
    super(ErrorKind.MERGE_CONFLICT, message(source, target, conflicts));
    this.conflicts = List.copyOf(conflicts);
  }

  /** Every conflict, ordered by table key and then entity id. */
  public List<MergeConflict> conflicts() {
    return conflicts;
  }

  private static String message(String source, String target, List<MergeConflict> conflicts) {
    return "merging branch '" + source + "' into '" + target + "' found " + conflicts.size() + " conflict"
        + (conflicts.size() == 1 ? "" : "s") + ": "
        + conflicts.stream().map(MergeConflict::summary).collect(Collectors.joining("; "));
  }
}
