package io.omnigraph.engine.storage;

/**
 * An exclusive lock on a name under the graph root, held by one process at a time and released when
 * the holder closes it or dies. Its holder being alive is what the lock proves: a process that can
 * take another writer's lock knows that writer is gone.
 */
public interface StoreLock extends AutoCloseable {
  @Override
  void close();
}
