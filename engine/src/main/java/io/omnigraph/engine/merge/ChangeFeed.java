package io.omnigraph.engine.merge;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.TypeKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Entity-level differences between two graph states (SPEC §8): two commits, two branches, or a
 * branch and a transaction. Only value changes count: a row rewritten with the values it had, or
 * inserted and deleted again, is no change.
 */
public final class ChangeFeed {
  private final TableDiff diff;

  public ChangeFeed(EngineContext ctx) {
    this.diff = new TableDiff(ctx.tables());
  }

  /**
   * What changed from {@code from} to {@code to}: nodes before edges, then by type name, id and
   * operation. A node delete lists the edges deleted with it. Identical states give no changes.
   * Types are matched by the catalog of {@code to}.
   */
  public ChangeSet diff(ReadView from, ReadView to) {
    Direction direction = Direction.of(from, to);
    List<EntityType> types = new ArrayList<>(to.catalog().allTypes());
    types.sort(Comparator.comparing((EntityType t) -> t.kind() == TypeKind.NODE ? 0 : 1).thenComparing(EntityType::name));
    List<EntityChange> out = new ArrayList<>();
    for (EntityType type : types) {
      List<RowChange> rows = switch (direction) {
        case FORWARD -> diff.changes(from, to, type, true);
        case BACKWARD -> diff.changes(to, from, type, true).stream().map(RowChange::inverted).toList();
        case UNRELATED -> diff.changes(from, to, type, false);
      };
      rows.stream().sorted(Comparator.comparing(RowChange::id)).forEach(r -> out.add(change(type, r)));
    }
    return new ChangeSet(from.manifestVersion(), to.manifestVersion(), out);
  }

  private static EntityChange change(EntityType type, RowChange r) {
    boolean edge = type.kind() == TypeKind.EDGE;
    var image = r.after() != null ? r.after() : r.before();
    return new EntityChange(edge ? "edge" : "node", type.name(), r.id(), r.op(),
        edge ? (String) image.get("src") : null, edge ? (String) image.get("dst") : null);
  }

  /** Whether one state's history holds the other's head, which allows reading by version stamp. */
  private enum Direction {
    FORWARD, BACKWARD, UNRELATED;

    static Direction of(ReadView from, ReadView to) {
      if (!(from instanceof Snapshot a) || !(to instanceof Snapshot b)) return UNRELATED;
      if (b.state().commit(a.headCommitId()) != null) return FORWARD;
      if (a.state().commit(b.headCommitId()) != null) return BACKWARD;
      return UNRELATED;
    }
  }
}
