package io.omnigraph.engine.storage;

/**
 * Internal manifest branches: engine markers that live beside the graph branches (the schema apply
 * lock). Branch creation is a Lance write, so it happens here in the storage layer.
 */
public final class InternalBranches {
  private InternalBranches() {}

  /**
   * Creates {@code name} at main's newest manifest version.
   *
   * @throws io.omnigraph.engine.error.OmniGraphException STORAGE if it exists already
   */
  public static void create(ManifestStore manifest, String name) {
    manifest.createBranch(name, "main", manifest.latestVersion("main"));
  }
}
