package io.omnigraph.engine.commit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.storage.ManifestRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One manifest version of one branch, decoded: the live tables with their pinned versions, the
 * commits visible on the branch and its head. Immutable.
 */
public final class ManifestState {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String branch;
  private final long version;
  private final Map<Long, TableEntry> tablesByStableId;
  private final List<GraphCommit> commits;
  /** Built on the first lookup by id: the commit path never asks, merges and time travel do. */
  private volatile Map<String, GraphCommit> commitsById;
  private final String headCommitId;
  /** How much of the branch's commit log this version holds. */
  private final LogPosition log;

  /**
   * How far into main's commit log a manifest version holds: the last record's sequence number,
   * and the offset just past it in the log file of its generation. {@link #NONE} before any.
   */
  public record LogPosition(long seq, long offset, long generation) {
    public static final LogPosition NONE = new LogPosition(0, 0, 0);
  }

  private ManifestState(String branch, long version, Map<Long, TableEntry> tables, List<GraphCommit> commits,
      String headCommitId, LogPosition log) {
    this.log = log;
    this.branch = branch;
    this.version = version;
    this.tablesByStableId = Collections.unmodifiableMap(tables);
    this.commits = List.copyOf(commits);
    this.headCommitId = headCommitId;
  }

  private static final Comparator<GraphCommit> COMMIT_ORDER = Comparator
      .comparingLong(GraphCommit::manifestVersion)
      .thenComparingLong(GraphCommit::createdAtMicros)
      .thenComparing(GraphCommit::id);

  /**
   * The state of a later version of the same branch, from this one and the rows written since
   * (new table versions, new commits, the moved head), without decoding the whole history again;
   * null when the change needs a full {@link #decode}: a table registered, dropped or re-created,
   * or rows rewritten by a compaction of the manifest.
   */
  public ManifestState next(long nextVersion, Collection<ManifestRow> changed,
      Map<String, GraphCommit> decodedCommits) {
    if (nextVersion <= version) return null;
    Map<Long, TableEntry> tables = new LinkedHashMap<>(tablesByStableId);
    List<GraphCommit> added = new ArrayList<>();
    String head = null;
    LogPosition logAt = log;
    for (ManifestRow r : changed) {
      switch (r.objectType()) {
        case ManifestRow.TABLE_VERSION -> {
          TableEntry e = tables.get(r.stableTableId());
          if (e == null || e.incarnationId() != r.tableIncarnationId() || r.tableVersion() < e.version()) return null;
          tables.put(e.stableTableId(), new TableEntry(e.tableKey(), e.stableTableId(), e.incarnationId(), e.location(),
              r.tableVersion(), r.tableBranch(), r.rowCount() == null ? 0 : r.rowCount()));
        }
        case ManifestRow.GRAPH_COMMIT -> {
          // A commit of this version or earlier among the changed rows was rewritten, not made.
          if (r.tableVersion() == null || r.tableVersion() <= version) return null;
          added.add(decodedCommits.computeIfAbsent(r.objectId(), id -> commit(r)));
        }
        case ManifestRow.GRAPH_HEAD -> {
          if (r.objectId().equals(ManifestIds.head(branch))) head = meta(r).path("head_commit_id").asText(null);
        }
        case ManifestRow.GRAPH_LOG -> {
          if (r.objectId().equals(ManifestIds.log(branch))) logAt = logPosition(r);
        }
        default -> {
          return null;
        }
      }
    }
    if (head == null) {
      if (!added.isEmpty()) return null;
      head = headCommitId;
    }
    added.sort(COMMIT_ORDER);
    boolean inOrder = added.isEmpty() || commits.isEmpty()
        || COMMIT_ORDER.compare(commits.get(commits.size() - 1), added.get(0)) <= 0;
    if (!inOrder) return null;
    List<GraphCommit> all = new ArrayList<>(commits.size() + added.size());
    all.addAll(commits);
    all.addAll(added);
    return new ManifestState(branch, nextVersion, tables, all, head, logAt);
  }

  public static ManifestState decode(String branch, long version, Collection<ManifestRow> rows) {
    return decode(branch, version, rows, new HashMap<>());
  }

  /**
   * Decodes one version, reusing commits already decoded for other versions: commit rows never
   * change once written, and every version of a branch repeats all of its history's.
   */
  public static ManifestState decode(String branch, long version, Collection<ManifestRow> rows,
      Map<String, GraphCommit> decodedCommits) {
    Map<Long, ManifestRow> registrations = new HashMap<>();
    Map<Long, ManifestRow> latest = new HashMap<>();
    Map<Long, Long> tombstonedAt = new HashMap<>();
    List<GraphCommit> commits = new ArrayList<>();
    String head = null;
    LogPosition logAt = LogPosition.NONE;
    for (ManifestRow r : rows) {
      switch (r.objectType()) {
        case ManifestRow.TABLE -> registrations.put(r.stableTableId(), r);
        case ManifestRow.TABLE_VERSION -> latest.merge(r.stableTableId(), r,
            (a, b) -> pairKey(a) != pairKey(b) ? (a.tableIncarnationId() > b.tableIncarnationId() ? a : b)
                : (a.tableVersion() >= b.tableVersion() ? a : b));
        case ManifestRow.TABLE_TOMBSTONE -> tombstonedAt.merge(pairKey(r), r.tableVersion(), Math::max);
        case ManifestRow.GRAPH_COMMIT -> commits.add(decodedCommits.computeIfAbsent(r.objectId(), id -> commit(r)));
        case ManifestRow.GRAPH_HEAD -> {
          if (r.objectId().equals(ManifestIds.head(branch))) head = meta(r).path("head_commit_id").asText(null);
        }
        case ManifestRow.GRAPH_LOG -> {
          if (r.objectId().equals(ManifestIds.log(branch))) logAt = logPosition(r);
        }
        default -> { }
      }
    }
    Map<Long, TableEntry> tables = new LinkedHashMap<>();
    for (ManifestRow v : latest.values()) {
      ManifestRow reg = registrations.get(v.stableTableId());
      Long dead = tombstonedAt.get(pairKey(v));
      if (reg == null || (dead != null && dead >= v.tableVersion())) continue;
      tables.put(v.stableTableId(), new TableEntry(reg.tableKey(), v.stableTableId(), v.tableIncarnationId(),
          reg.location(), v.tableVersion(), v.tableBranch(), v.rowCount() == null ? 0 : v.rowCount()));
    }
    commits.sort(COMMIT_ORDER);
    if (head == null && !commits.isEmpty()) head = commits.get(commits.size() - 1).id();
    return new ManifestState(branch, version, tables, commits, head, logAt);
  }

  private static LogPosition logPosition(ManifestRow r) {
    JsonNode m = meta(r);
    return new LogPosition(m.path("seq").asLong(), m.path("offset").asLong(), m.path("generation").asLong());
  }

  /** The manifest row saying a branch's manifest holds its commit log up to {@code at}. */
  public static ManifestRow logRow(String branch, LogPosition at) {
    ObjectNode m = JSON.createObjectNode();
    m.put("seq", at.seq());
    m.put("offset", at.offset());
    if (at.generation() != 0) m.put("generation", at.generation());
    return new ManifestRow(ManifestIds.log(branch), ManifestRow.GRAPH_LOG, null, m.toString(), null, "", null, null,
        null, branch == null || branch.equals("main") ? null : branch, null);
  }

  private static long pairKey(ManifestRow r) {
    return r.stableTableId() * 1_000_003L + r.tableIncarnationId();
  }

  private static JsonNode meta(ManifestRow r) {
    try {
      return r.metadata() == null ? JSON.createObjectNode() : JSON.readTree(r.metadata());
    } catch (Exception e) {
      throw OmniGraphException.storage("corrupt manifest metadata on " + r.objectId(), e);
    }
  }

  private static GraphCommit commit(ManifestRow r) {
    JsonNode m = meta(r);
    return new GraphCommit(r.objectId(), r.tableBranch(), r.tableVersion(), m.path("parent_commit_id").asText(null),
        m.path("merged_parent_commit_id").asText(null), m.path("actor_id").asText(null),
        m.path("created_at").asLong());
  }

  /** The manifest row recording a commit. */
  public static ManifestRow commitRow(GraphCommit c) {
    ObjectNode m = JSON.createObjectNode();
    m.put("parent_commit_id", c.parentCommitId());
    m.put("merged_parent_commit_id", c.mergedParentCommitId());
    m.put("actor_id", c.actorId());
    m.put("created_at", c.createdAtMicros());
    return new ManifestRow(c.id(), ManifestRow.GRAPH_COMMIT, null, m.toString(), null, "", null, null,
        c.manifestVersion(), c.branch(), null);
  }

  /** The mutable head pointer row of a branch. */
  public static ManifestRow headRow(String branch, String headCommitId, String parentCommitId) {
    ObjectNode m = JSON.createObjectNode();
    m.put("head_commit_id", headCommitId);
    m.put("parent_commit_id", parentCommitId);
    return new ManifestRow(ManifestIds.head(branch), ManifestRow.GRAPH_HEAD, null, m.toString(), null, "", null, null,
        null, branch == null || branch.equals("main") ? null : branch, null);
  }

  public static ManifestRow versionRow(TableEntry e) {
    return new ManifestRow(ManifestIds.tableVersion(e.stableTableId(), e.incarnationId(), e.version()),
        ManifestRow.TABLE_VERSION, null, null, null, e.tableKey(), e.stableTableId(), e.incarnationId(), e.version(),
        e.tableBranch(), e.rowCount());
  }

  public static ManifestRow registrationRow(TableEntry e) {
    return new ManifestRow(e.registrationId(), ManifestRow.TABLE, e.location(), null, null, e.tableKey(),
        e.stableTableId(), e.incarnationId(), null, null, null);
  }

  public String branch() {
    return branch;
  }

  public long version() {
    return version;
  }

  public String headCommitId() {
    return headCommitId;
  }

  /** How much of the branch's commit log this version holds. */
  public LogPosition log() {
    return log;
  }

  /**
   * This version as a handle that cannot publish the commit log reads it: with {@code logged}, the
   * commits only the log holds, after its own and the last of them its head.
   */
  public ManifestState withLogged(List<GraphCommit> logged) {
    if (logged.isEmpty()) return this;
    List<GraphCommit> all = new ArrayList<>(commits.size() + logged.size());
    all.addAll(commits);
    all.addAll(logged);
    return new ManifestState(branch, version, tablesByStableId, all, logged.get(logged.size() - 1).id(), log);
  }

  public TableEntry table(long stableTableId) {
    return tablesByStableId.get(stableTableId);
  }

  public java.util.Collection<TableEntry> tables() {
    return tablesByStableId.values();
  }

  /** Commits visible on this branch, oldest first. */
  public List<GraphCommit> commits() {
    return commits;
  }

  public GraphCommit commit(String id) {
    Map<String, GraphCommit> byId = commitsById;
    if (byId == null) {
      byId = new HashMap<>();
      for (GraphCommit c : commits) byId.put(c.id(), c);
      commitsById = byId;
    }
    return byId.get(id);
  }
}
