package io.omnigraph.engine.merge;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.Branches;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.error.OmniGraphException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commit ancestry of branch heads, following both parent and merged-parent links. Built from
 * the commits the given branches' manifests list; a merged parent made on some other branch is
 * looked up in the other live branches once, on first need.
 */
final class CommitGraph {
  private final EngineContext ctx;
  private final Map<String, GraphCommit> commits = new HashMap<>();
  private boolean searchedEveryBranch;

  CommitGraph(EngineContext ctx, List<Snapshot> views) {
    this.ctx = ctx;
    views.forEach(v -> v.state().commits().forEach(c -> commits.put(c.id(), c)));
  }

  /**
   * The merge base of two heads (SPEC §5.2): the common ancestor with the smallest sum of distances
   * from both heads; ties go to the larger manifest version, then the later commit.
   */
  Optional<GraphCommit> mergeBase(String a, String b) {
    Map<String, Integer> fromA = distances(a);
    Map<String, Integer> fromB = distances(b);
    Comparator<GraphCommit> best = Comparator.<GraphCommit>comparingInt(c -> fromA.get(c.id()) + fromB.get(c.id()))
        .thenComparing(Comparator.comparingLong(GraphCommit::manifestVersion).reversed())
        .thenComparing(Comparator.comparingLong(GraphCommit::createdAtMicros).reversed())
        .thenComparing(GraphCommit::id);
    return fromA.keySet().stream().filter(fromB::containsKey).map(commits::get).min(best);
  }

  /** Shortest distance from {@code head} to each of its ancestors, itself included at 0. */
  Map<String, Integer> distances(String head) {
    Map<String, Integer> dist = new HashMap<>();
    ArrayDeque<String> queue = new ArrayDeque<>();
    if (commit(head) == null) return dist;
    dist.put(head, 0);
    queue.add(head);
    while (!queue.isEmpty()) {
      String id = queue.poll();
      GraphCommit c = commit(id);
      for (String parent : new String[] {c.parentCommitId(), c.mergedParentCommitId()}) {
        if (parent == null || dist.containsKey(parent) || commit(parent) == null) continue;
        dist.put(parent, dist.get(id) + 1);
        queue.add(parent);
      }
    }
    return dist;
  }

  /**
   * The committed state a commit left. Read from the branch that made it, falling back to the
   * given branches that list it (they inherited it); a branch of the same name re-created since
   * does not list the commit and is not trusted.
   */
  Snapshot stateAt(GraphCommit c, List<String> branchesListingIt) {
    List<String> candidates = new java.util.ArrayList<>();
    candidates.add(c.branchName());
    candidates.addAll(branchesListingIt);
    for (String branch : candidates) {
      try {
        Snapshot s = ctx.at(branch, c.manifestVersion());
        if (s.state().commit(c.id()) != null && c.id().equals(s.headCommitId())) return s;
      } catch (OmniGraphException unreadable) {
        // Try the next branch that may still hold this manifest version.
      }
    }
    throw OmniGraphException.state("the state of commit " + c.id() + " is no longer readable");
  }

  GraphCommit commit(String id) {
    GraphCommit c = commits.get(id);
    if (c == null && !searchedEveryBranch) {
      searchedEveryBranch = true;
      for (String branch : new Branches(ctx).names()) {
        try {
          ctx.latest(branch).state().commits().forEach(k -> commits.putIfAbsent(k.id(), k));
        } catch (OmniGraphException deletedMeanwhile) {
          // A branch deleted while we look takes its own commits with it; they cannot be a base.
        }
      }
      c = commits.get(id);
    }
    return c;
  }
}
