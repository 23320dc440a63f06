package io.omnigraph.calcite;

import io.omnigraph.engine.read.ReadView;

/**
 * Supplies the graph state a connection reads: its open transaction if it has one, otherwise the
 * latest snapshot of its branch or the snapshot it is pinned to.
 *
 * <p>A {@link SqlSession} asks once per statement execution; every table read by that execution
 * uses the answer, so a query never mixes two graph states.
 */
@FunctionalInterface
public interface ViewProvider {
  ReadView view();
}
