package io.omnigraph.engine.write;

import io.omnigraph.engine.commit.GraphCommit;

/** The outcome of one load: always exactly one commit. */
public record LoadResult(GraphCommit commit, int nodes, int edges) {
  public int total() {
    return nodes + edges;
  }
}
