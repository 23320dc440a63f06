package io.omnigraph.engine.storage;

/**
 * The versions of one table dataset that follow one another on one Lance branch (null = main): the
 * scope inside which a fragment id names the same fragment from version to version.
 */
record TableLineage(String uri, String lanceBranch) {
  static TableLineage of(TableRef ref) {
    return new TableLineage(ref.uri(), ref.lanceBranch());
  }
}
