package io.omnigraph.engine.recovery;

import io.omnigraph.engine.commit.TableEntry;
import java.util.Objects;

/**
 * One table a writer is about to move, as its recovery sidecar records it.
 *
 * @param identity the table lifetime, {@code table:{stable id}:{incarnation}} (survives renames)
 * @param tablePath the dataset path relative to the graph root
 * @param expectedVersion the manifest-pinned version the writer started from
 * @param postCommitPin the version the writer expects to publish (strict writers: expected + 1)
 * @param confirmedVersion the version the writer reported reaching, for writers whose final
 *     version is not known up front; null until confirmed
 * @param tableBranch the Lance branch the writer commits on; null for the table's main lineage
 */
public record TablePin(String identity, String tableKey, String tablePath, long expectedVersion, long postCommitPin,
    Long confirmedVersion, String tableBranch) {

  public TablePin {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(tableKey, "tableKey");
    Objects.requireNonNull(tablePath, "tablePath");
    if (expectedVersion < 1 || postCommitPin < expectedVersion) {
      throw new IllegalArgumentException("table " + tableKey + ": post-commit pin " + postCommitPin
          + " must not precede expected version " + expectedVersion);
    }
  }

  /**
   * A pin for a writer starting from {@code pinned} that commits on {@code tableBranch} and means
   * to publish {@code postCommitPin}.
   */
  public static TablePin of(TableEntry pinned, String tableBranch, long postCommitPin) {
    return new TablePin(pinned.registrationId(), pinned.tableKey(), pinned.location(), pinned.version(), postCommitPin,
        null, tableBranch);
  }

  public TablePin confirmed(long version) {
    return new TablePin(identity, tableKey, tablePath, expectedVersion, postCommitPin, version, tableBranch);
  }

  /** The stable table id encoded in {@link #identity}. */
  long stableTableId() {
    return Long.parseUnsignedLong(identity.split(":")[1], 16);
  }

  /** The incarnation encoded in {@link #identity}. */
  long incarnationId() {
    return Long.parseUnsignedLong(identity.split(":")[2], 16);
  }
}
