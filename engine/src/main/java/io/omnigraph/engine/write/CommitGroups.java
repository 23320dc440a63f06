package io.omnigraph.engine.write;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.schema.EntityType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: commits that reach one branch while another is publishing wait, and the next of
 * them to get the branch publishes all that waited in one manifest version (one Lance commit per
 * touched table and one for the manifest, instead of as many as there are commits). Each keeps its
 * own graph commit, chained in arrival order; reading as of any commit of a group shows the whole
 * group, which is a state the branch really had. A lone writer never waits for company.
 *
 * <p>A commit joins a group only if nothing it read or wrote was written by a commit ahead of it in
 * the group, so the group equals those commits made one after another. The combined changes are
 * checked once against the head; if that check fails, every commit of the group is made on its
 * own, so the one that breaks a rule is the one that fails.
 */
public final class CommitGroups {
  /** Commits past this many wait for the next group. */
  static final int MAX_GROUP = 64;

  private final EngineContext ctx;
  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

  public CommitGroups(EngineContext ctx) {
    this.ctx = ctx;
  }

  private static final class Lane {
    final ReentrantLock publisher = new ReentrantLock(true);
    /** Guarded by itself. */
    final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  }

  private static final class Waiting {
    final CommitPipeline pipeline;
    volatile boolean done;
    GraphCommit commit;
    RuntimeException error;

    Waiting(CommitPipeline pipeline) {
      this.pipeline = pipeline;
    }

    void succeed(GraphCommit c) {
      commit = c;
      done = true;
    }

    void fail(RuntimeException e) {
      error = e;
      done = true;
    }
  }

  GraphCommit commit(String branch, CommitPipeline pipeline) {
    Lane lane = lanes.computeIfAbsent(branch, k -> new Lane());
    Waiting mine = new Waiting(pipeline);
    synchronized (lane.waiting) {
      lane.waiting.add(mine);
    }
    while (!mine.done) {
      lane.publisher.lock();
      try {
        if (mine.done) break;
        List<Waiting> group = new ArrayList<>();
        synchronized (lane.waiting) {
          while (!lane.waiting.isEmpty() && group.size() < MAX_GROUP) group.add(lane.waiting.poll());
        }
        publish(branch, group);
      } finally {
        lane.publisher.unlock();
      }
    }
    if (mine.error != null) throw mine.error;
    return mine.commit;
  }

  /** How many commits wait for the branch's next publish. */
  int waiting(String branch) {
    Lane lane = lanes.get(branch);
    if (lane == null) return 0;
    synchronized (lane.waiting) {
      return lane.waiting.size();
    }
  }

  /** Whether a commit on the branch is being published. */
  boolean publishing(String branch) {
    Lane lane = lanes.get(branch);
    return lane != null && lane.publisher.isLocked();
  }

  private void publish(String branch, List<Waiting> group) {
    if (group.size() == 1) {
      runAlone(group.get(0));
      return;
    }
    List<Waiting> alone = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    for (Waiting w : group) w.pipeline.touched().keySet().forEach(t -> keys.add(t.tableKey()));
    try (WriteQueues.Held held = ctx.queues().acquireTables(branch, keys)) {
      CommitPipeline.lockBranch(ctx, branch, held);
      Snapshot head = ctx.latest(branch);
      List<Waiting> joined = new ArrayList<>();
      Map<String, Set<String>> written = new HashMap<>();
      for (Waiting w : group) {
        if (w.pipeline.reads().overlaps(written) || writesOverlap(w.pipeline, written)) {
          alone.add(w);
          continue;
        }
        try {
          w.pipeline.requireCatalogUnchanged();
          w.pipeline.rebaseOrRefuse(head);
        } catch (RuntimeException e) {
          w.fail(e);
          continue;
        }
        joined.add(w);
        w.pipeline.touched().forEach((type, p) -> {
          Set<String> ids = written.computeIfAbsent(type.name(), k -> new java.util.HashSet<>());
          ids.addAll(p.upserts.keySet());
          ids.addAll(p.deletes);
        });
      }
      if (!joined.isEmpty()) publishJoined(branch, head, joined, alone);
    } catch (RuntimeException e) {
      // Locking or reading the head failed: nobody in the group was published.
      for (Waiting w : group) if (!w.done && !alone.contains(w)) alone.add(w);
    }
    for (Waiting w : alone) if (!w.done) runAlone(w);
  }

  private void publishJoined(String branch, Snapshot head, List<Waiting> joined, List<Waiting> alone) {
    Map<EntityType, PendingTable> combined = new LinkedHashMap<>();
    List<String> actors = new ArrayList<>();
    for (Waiting w : joined) {
      actors.add(w.pipeline.actor());
      w.pipeline.touched().forEach((type, p) -> {
        PendingTable into = combined.computeIfAbsent(type, PendingTable::new);
        into.upserts.putAll(p.upserts);
        into.deletes.addAll(p.deletes);
        into.strictInserts.addAll(p.strictInserts);
        into.knowAddressesOf(p);
      });
    }
    CommitPipeline together = new CommitPipeline(ctx, branch, actors.get(0), head, combined, new ReadSet(), null,
        io.omnigraph.engine.recovery.WriterKind.Mutation, null, false);
    try {
      new Validator(head, combined, ctx.knownIds()).validate();
    } catch (RuntimeException e) {
      alone.addAll(0, joined);
      return;
    }
    try {
      List<GraphCommit> commits = together.publishAs(actors);
      for (int i = 0; i < joined.size(); i++) joined.get(i).succeed(commits.get(i));
    } catch (RuntimeException e) {
      for (Waiting w : joined) w.fail(e);
    }
  }

  private static boolean writesOverlap(CommitPipeline pipeline, Map<String, Set<String>> written) {
    for (Map.Entry<EntityType, PendingTable> e : pipeline.touched().entrySet()) {
      Set<String> ids = written.get(e.getKey().name());
      if (ids == null) continue;
      PendingTable p = e.getValue();
      if (p.upserts.keySet().stream().anyMatch(ids::contains) || p.deletes.stream().anyMatch(ids::contains)) return true;
    }
    return false;
  }

  private static void runAlone(Waiting w) {
    try {
      w.succeed(w.pipeline.runAlone());
    } catch (RuntimeException e) {
      w.fail(e);
    }
  }
}
