package io.omnigraph.engine;

import io.omnigraph.engine.commit.ManifestState;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.commit.Ulid;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.storage.ManifestStore;
import io.omnigraph.engine.storage.ObjectStore;
import io.omnigraph.engine.storage.TableStore;
import io.omnigraph.engine.write.WriteQueues;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared internals of one open graph: its stores, the accepted catalog, the write queues and
 * a cache of decoded manifest versions. Thread-safe; holds no static state. Engine-internal: use
 * {@link Graph}.
 */
public final class EngineContext {
  private static final int STATE_CACHE_LIMIT = 256;

  private final ObjectStore store;
  private final TableStore tables;
  private final ManifestStore manifest;
  private final AtomicReference<Catalog> catalog;
  private final boolean readOnly;
  private final Ulid ulid = new Ulid();
  private final WriteQueues queues = new WriteQueues();
  private final Map<String, ManifestState> states = new ConcurrentHashMap<>();

  EngineContext(ObjectStore store, TableStore tables, ManifestStore manifest, Catalog catalog, boolean readOnly) {
    this.store = store;
    this.tables = tables;
    this.manifest = manifest;
    this.catalog = new AtomicReference<>(catalog);
    this.readOnly = readOnly;
  }

  public ObjectStore store() {
    return store;
  }

  public TableStore tables() {
    return tables;
  }

  public ManifestStore manifest() {
    return manifest;
  }

  public Catalog catalog() {
    return catalog.get();
  }

  public void replaceCatalog(Catalog next) {
    catalog.set(next);
  }

  public boolean readOnly() {
    return readOnly;
  }

  public WriteQueues queues() {
    return queues;
  }

  public String newId() {
    return ulid.next();
  }

  public void checkWritable() {
    if (readOnly) throw new OmniGraphException(ErrorKind.READ_ONLY, "the graph is open read-only");
  }

  /** The newest committed state of a branch; never a cached head. */
  public Snapshot latest(String branch) {
    return at(branch, manifest.latestVersion(branch));
  }

  /** The state of a branch at one manifest version. */
  public Snapshot at(String branch, long version) {
    String key = branch + "\u0000" + version;
    ManifestState state = states.get(key);
    if (state == null) {
      ManifestStore.Read read = manifest.read(branch, version);
      state = ManifestState.decode(branch, read.version(), read.rows());
      if (states.size() >= STATE_CACHE_LIMIT) states.clear();
      states.put(key, state);
    }
    return new Snapshot(catalog.get(), state, tables, store);
  }
}
