package io.omnigraph.engine.schemaapply;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.SchemaFiles;
import io.omnigraph.engine.commit.BranchLocks;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.ManifestIds;
import io.omnigraph.engine.commit.ManifestState;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.recovery.FailpointTriggered;
import io.omnigraph.engine.recovery.JournalEntry;
import io.omnigraph.engine.recovery.RecoveryIntent;
import io.omnigraph.engine.recovery.RecoverySweep;
import io.omnigraph.engine.recovery.TableClassifier;
import io.omnigraph.engine.recovery.TablePin;
import io.omnigraph.engine.recovery.WriterKind;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.Property;
import io.omnigraph.engine.schema.TypeKind;
import io.omnigraph.engine.storage.ManifestRow;
import io.omnigraph.engine.storage.TableMaintenance;
import io.omnigraph.engine.storage.TableRef;
import io.omnigraph.engine.storage.TableRewrites;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a supported proposal durable (SPEC §6): stage every table rewrite, write the recovery
 * sidecar, create the new tables, commit the rewrites, publish one manifest version on main
 * (registrations, versions, tombstones, the commit), then promote the schema files and the live
 * catalog. Until the publish no reader can see any of it; a failure after a table commit leaves
 * the sidecar for recovery. Runs under {@link SchemaApplyLock}.
 */
final class SchemaMigration {
  /** Crash point after every table effect and before the manifest publish. */
  static final String BEFORE_PUBLISH = "schema_apply.before_publish";
  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
  private static final String MAIN = "main";

  private final EngineContext ctx;
  private final Catalog accepted;
  private final Catalog next;
  private final boolean allowDataLoss;
  private final TableRewrites rewrites;
  private final Map<Long, EntityType> acceptedById = new HashMap<>();

  /** A table of the desired schema that already exists, with what apply does to it. */
  private record Kept(EntityType before, EntityType after, TableEntry entry, TableRewrites.StagedRewrite rewrite) {}

  SchemaMigration(EngineContext ctx, Proposal proposal, boolean allowDataLoss) {
    this.ctx = ctx;
    this.accepted = proposal.accepted();
    this.next = proposal.next();
    this.allowDataLoss = allowDataLoss;
    this.rewrites = new TableRewrites(ctx.tables());
    accepted.allTypes().forEach(t -> acceptedById.put(t.stableTypeId(), t));
  }

  /** Runs the migration and returns the manifest version it published. */
  long run() {
    // Holds main's write lock throughout: the apply moves main's tables like any writer.
    try (BranchLocks.Held held = ctx.branchLocks().acquire(MAIN)) {
      new RecoverySweep(ctx).runFor(MAIN);
      // Commits in the log were checked against the old schema: they are published before it changes.
      try (BranchLocks.Held log = ctx.branchLocks().acquireLog(MAIN)) {
        ctx.commitLog().foldLocked();
        return runLocked();
      }
    }
  }

  private long runLocked() {
    ManifestState state = ctx.latest(MAIN).state();
    List<EntityType> created = new ArrayList<>();
    List<Kept> kept = new ArrayList<>();
    for (EntityType t : next.allTypes()) {
      EntityType before = acceptedById.get(t.stableTypeId());
      if (before == null) {
        created.add(t);
      } else {
        TableEntry entry = pinned(state, before);
        kept.add(new Kept(before, t, entry, needsRewrite(before, t) ? stageRewrite(entry, before, t) : null));
      }
    }
    List<TableEntry> dropped = new ArrayList<>();
    for (EntityType t : accepted.allTypes()) {
      if (next.allTypes().stream().noneMatch(n -> n.stableTypeId() == t.stableTypeId())) dropped.add(pinned(state, t));
    }
    List<TablePin> pins = kept.stream().filter(k -> k.rewrite() != null)
        .map(k -> TablePin.of(k.entry(), null, k.entry().version() + 1)).toList();
    JournalEntry op = ctx.recovery().begin(new RecoveryIntent(WriterKind.SchemaApply, MAIN, null, pins));
    List<String> createdUris = new ArrayList<>();
    boolean published = false;
    try {
      List<ManifestRow> rows = new ArrayList<>();
      for (EntityType t : created) rows.addAll(create(t, createdUris));
      Map<String, String> props = Map.of(TableClassifier.COMMIT_ID_PROPERTY, op.commitId());
      for (Kept k : kept) rows.addAll(keep(k, props, op));
      for (TableEntry e : dropped) rows.add(tombstone(e));
      GraphCommit commit = new GraphCommit(op.commitId(), null, state.version() + 1, state.headCommitId(), null, null,
          nowMicros());
      rows.add(ManifestState.commitRow(commit));
      rows.add(ManifestState.headRow(MAIN, commit.id(), state.headCommitId()));
      ctx.failpoints().hit(BEFORE_PUBLISH);
      long version = ctx.publish(MAIN, state, rows);
      published = true;
      op.published();
      SchemaFiles.write(ctx.store(), next);
      ctx.replaceCatalog(next);
      op.finish();
      if (allowDataLoss) reclaim(kept, dropped, version);
      return version;
    } catch (RuntimeException e) {
      if (!published && !(e instanceof FailpointTriggered)) dropCreated(createdUris, e);
      throw op.failed(e);
    }
  }

  /** The manifest pin of an accepted type; a type without one means the files and manifest disagree. */
  private static TableEntry pinned(ManifestState state, EntityType t) {
    TableEntry e = state.table(t.stableTypeId());
    if (e == null || e.incarnationId() != t.incarnationId()) {
      throw OmniGraphException.state("the accepted schema has " + t.tableKey() + " but main's manifest version "
          + state.version() + " has no table for it; the schema files and the manifest disagree");
    }
    return e;
  }

  /** A table is rewritten when its columns change: added, dropped, renamed or moved. */
  private static boolean needsRewrite(EntityType before, EntityType after) {
    return !before.columnNames().equals(after.columnNames());
  }

  private TableRewrites.StagedRewrite stageRewrite(TableEntry entry, EntityType before, EntityType after) {
    List<String> sources = new ArrayList<>(after.systemColumns());
    for (Property p : after.properties()) {
      sources.add(before.properties().stream().filter(q -> q.stableId() == p.stableId()).map(Property::name)
          .findFirst().orElse(null));
    }
    TableRef ref = new TableRef(ctx.store().uri(entry.location()), null, entry.version());
    return rewrites.stage(ref, after.arrowSchema(), sources);
  }

  private List<ManifestRow> create(EntityType t, List<String> createdUris) {
    String location = ManifestIds.location(t.kind() == TypeKind.NODE, t.stableTypeId(), t.incarnationId());
    String uri = ctx.store().uri(location);
    // Ids above the accepted counter were never published, so a dataset there is litter of a failed apply.
    if (ctx.store().exists(location)) rewrites.drop(uri);
    ctx.tables().create(uri, t.arrowSchema());
    createdUris.add(uri);
    TableEntry e = new TableEntry(t.tableKey(), t.stableTypeId(), t.incarnationId(), location, 1, null, 0);
    return List.of(ManifestState.registrationRow(e), ManifestState.versionRow(e));
  }

  private List<ManifestRow> keep(Kept k, Map<String, String> props, JournalEntry op) {
    TableEntry e = k.entry();
    String key = k.after().tableKey();
    List<ManifestRow> rows = new ArrayList<>();
    if (!key.equals(e.tableKey())) {
      rows.add(ManifestState.registrationRow(new TableEntry(key, e.stableTableId(), e.incarnationId(), e.location(),
          e.version(), null, e.rowCount())));
    }
    if (k.rewrite() != null) {
      long version = rewrites.commit(k.rewrite(), props);
      op.committed(e.registrationId(), version);
      rows.add(ManifestState.versionRow(new TableEntry(key, e.stableTableId(), e.incarnationId(), e.location(), version,
          null, e.rowCount())));
    }
    return rows;
  }

  private static ManifestRow tombstone(TableEntry e) {
    return new ManifestRow(ManifestIds.tombstone(e.stableTableId(), e.incarnationId(), e.version()),
        ManifestRow.TABLE_TOMBSTONE, e.location(), null, null, e.tableKey(), e.stableTableId(), e.incarnationId(),
        e.version(), null, null);
  }

  /** Tables created for a publish that never happened are unreachable; removing them is best effort. */
  private void dropCreated(List<String> uris, RuntimeException cause) {
    for (String uri : uris) {
      try {
        rewrites.drop(uri);
      } catch (RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }

  /**
   * Hard drops: a dropped type's whole dataset goes, and so do the pre-apply versions of a table that
   * lost a column. The apply is already published, so a failure here only leaves bytes for
   * {@code cleanup} to reclaim.
   */
  private void reclaim(List<Kept> kept, List<TableEntry> dropped, long manifestVersion) {
    TableMaintenance maintenance = new TableMaintenance(ctx.tables());
    for (TableEntry e : dropped) {
      try {
        rewrites.drop(ctx.store().uri(e.location()));
      } catch (RuntimeException ex) {
        LOG.warn("hard drop of {} at manifest version {} left its dataset behind: {}", e.tableKey(), manifestVersion, ex.toString());
      }
    }
    for (Kept k : kept) {
      if (k.rewrite() == null || !losesColumns(k)) continue;
      String uri = ctx.store().uri(k.entry().location());
      try {
        maintenance.cleanup(uri, maintenance.head(uri));
      } catch (RuntimeException ex) {
        LOG.warn("hard drop on {} left old versions behind: {}", k.after().tableKey(), ex.toString());
      }
    }
  }

  private static boolean losesColumns(Kept k) {
    return k.before().properties().stream()
        .anyMatch(q -> k.after().properties().stream().noneMatch(p -> p.stableId() == q.stableId()));
  }

  private static long nowMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
