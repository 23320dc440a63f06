package io.omnigraph.jdbc;

import io.omnigraph.calcite.GraphPlanner;
import io.omnigraph.engine.Graph;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The graph handles open in this JVM, shared by every connection to the same location. A
 * {@link Graph} is thread-safe and holds the process-local write queues, so connections to one
 * location must share one handle; the handle closes when its last connection does.
 *
 * <p>Read-only and read-write connections get separate handles: a read-only handle never runs
 * recovery, and a read-write one must not be handed to a read-only connection's first open.
 */
final class GraphRegistry {
  static final GraphRegistry SHARED = new GraphRegistry();

  /** Opens a graph for a key that has no live handle; may throw. */
  interface Opener {
    Graph open() throws SQLException;
  }

  private record Key(String location, boolean readOnly) {}

  private static final class Entry {
    final Graph graph;
    /** Plans SQL for every connection of the graph, so a statement is planned once for all of them. */
    final GraphPlanner planner;
    /** The graph settings the connection that opened the handle gave. */
    final Map<String, String> settings;
    int leases;

    Entry(Graph graph, Map<String, String> settings) {
      this.graph = graph;
      this.planner = new GraphPlanner(graph);
      this.settings = settings;
    }
  }

  // Guarded by this. Opening under the lock also serializes create=true races within the JVM.
  private final Map<Key, Entry> open = new HashMap<>();

  /**
   * A lease on the shared handle for {@code location}, opening it with {@code opener} if needed.
   * {@code settings} are the graph settings the connection gave: they shape a handle only when it
   * opens, so a lease on an open handle opened with other settings says so ({@link Lease#settingsNote}).
   */
  synchronized Lease acquire(String location, boolean readOnly, Map<String, String> settings, Opener opener)
      throws SQLException {
    Key key = new Key(identity(location), readOnly);
    Entry entry = open.get(key);
    String note = null;
    if (entry == null) {
      entry = new Entry(opener.open(), settings);
      open.put(key, entry);
    } else if (!settings.isEmpty() && !settings.equals(entry.settings)) {
      note = "graph settings " + settings + " were not applied: the graph at " + location
          + " is already open in this JVM with " + (entry.settings.isEmpty() ? "the defaults" : entry.settings)
          + ", and its connections share that handle until the last one closes";
    }
    entry.leases++;
    return new Lease(key, entry.graph, entry.planner, note);
  }

  /**
   * What makes two locations one graph: for a local directory its real path, so that a graph reached
   * through a symbolic link or a relative path shares the handle (and its write queues) with the
   * same graph reached directly.
   */
  static String identity(String location) {
    if (location.contains("://")) return location;
    java.nio.file.Path path = java.nio.file.Path.of(location).toAbsolutePath().normalize();
    java.nio.file.Path existing = path;
    while (existing != null && !java.nio.file.Files.exists(existing)) existing = existing.getParent();
    if (existing == null) return path.toString();
    try {
      return existing.toRealPath().resolve(existing.relativize(path)).toString();
    } catch (java.io.IOException e) {
      return path.toString();
    }
  }

  /** Number of live handles; for tests. */
  synchronized int openHandles() {
    return open.size();
  }

  private synchronized void release(Key key) {
    Entry entry = open.get(key);
    if (entry == null) return;
    if (--entry.leases == 0) {
      open.remove(key);
      entry.graph.close();
    }
  }

  /** One connection's hold on a shared graph; closing it more than once has no further effect. */
  final class Lease implements AutoCloseable {
    private final Key key;
    private final Graph graph;
    private final GraphPlanner planner;
    private final String settingsNote;
    private boolean released;

    private Lease(Key key, Graph graph, GraphPlanner planner, String settingsNote) {
      this.key = key;
      this.graph = graph;
      this.planner = planner;
      this.settingsNote = settingsNote;
    }

    /** Why the connection's graph settings were not applied, or null when they were (or none were given). */
    String settingsNote() {
      return settingsNote;
    }

    Graph graph() {
      return graph;
    }

    GraphPlanner planner() {
      return planner;
    }

    @Override
    public synchronized void close() {
      if (released) return;
      released = true;
      release(key);
    }
  }
}
