package io.omnigraph.engine.write;

import io.omnigraph.engine.storage.TableRef;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The ids of each table's newest known version, kept in memory so that a strict insert's
 * existence check costs a hash lookup instead of a scan of every fragment (a table gains one per
 * commit). A table's set is read once, by one scan of its id column, and then carried forward by
 * this handle's own commits and maintenance; a version made elsewhere (another process, recovery)
 * is not carried forward but read again when first needed.
 *
 * <p>Bounded: at most {@code budget} ids in all, least recently used tables dropped first; a table
 * larger than the budget is never held and its checks scan as before. Thread-safe: the sets never
 * leave this object, and are read and changed only under its lock.
 */
public final class KnownIds {
  /** Default budget: about 40 bytes of heap an id ({@link IdSet}), so about 120 MB when full. */
  public static final int DEFAULT_BUDGET = 3_000_000;

  private record Lineage(String uri, String lanceBranch) {
    static Lineage of(TableRef ref) {
      return new Lineage(ref.uri(), ref.lanceBranch());
    }
  }

  /**
   * A table's ids at {@code version}, and what its last step changed, so that the version before
   * is answered too: a check that read the head just before this handle's own commit moved it
   * would otherwise read every id again.
   *
   * @param previousVersion the version before the last step, or -1 when it is not answered
   */
  private record Known(long version, IdSet ids, long previousVersion, Set<String> addedSince, Set<String> removedSince) {
    Known(long version, IdSet ids) {
      this(version, ids, -1, Set.of(), Set.of());
    }

    boolean answers(long v) {
      return v == version || v == previousVersion;
    }

    boolean contains(long v, String id) {
      if (v == version) return ids.contains(id);
      return removedSince.contains(id) || ids.contains(id) && !addedSince.contains(id);
    }
  }

  /** Steps larger than this many ids keep no view of the version before. */
  private static final int MAX_STEP = 65_536;

  private final int budget;
  private int held;
  // Guarded by this; access order, so iteration starts at the least recently used table.
  private final Map<Lineage, Known> tables = new LinkedHashMap<>(16, 0.75f, true);

  public KnownIds(int budget) {
    this.budget = budget;
  }

  /**
   * Which of {@code candidates} exist in {@code ref}'s version, or null when that version's ids are
   * not held and {@code rowCount} is over the budget (the caller then scans).
   *
   * @param readIds adds every id of that version to the set it is given; called only when the set
   *     must be (re)built
   */
  Set<String> existing(TableRef ref, long rowCount, Collection<String> candidates, Consumer<IdSet> readIds) {
    return select(ref, rowCount, candidates, readIds, true);
  }

  /**
   * Which of {@code candidates} do not exist in {@code ref}'s version, or null as for {@link
   * #existing}: for checks that expect every candidate to exist (edge endpoints), where the answer
   * is usually empty.
   */
  Set<String> absent(TableRef ref, long rowCount, Collection<String> candidates, Consumer<IdSet> readIds) {
    return select(ref, rowCount, candidates, readIds, false);
  }

  private Set<String> select(TableRef ref, long rowCount, Collection<String> candidates, Consumer<IdSet> readIds,
      boolean present) {
    Lineage lineage = Lineage.of(ref);
    synchronized (this) {
      Known known = tables.get(lineage);
      if (known != null && known.answers(ref.version())) {
        Set<String> out = new HashSet<>();
        for (String id : candidates) if (known.contains(ref.version(), id) == present) out.add(id);
        return out;
      }
    }
    if (rowCount > budget) return null;
    IdSet ids = new IdSet((int) rowCount);
    readIds.accept(ids);
    synchronized (this) {
      Known known = tables.get(lineage);
      // Only ever move a table's set forward: an old snapshot's check must not replace the newest.
      if (known == null || known.version() < ref.version()) put(lineage, new Known(ref.version(), ids));
    }
    return select(ids, candidates, present);
  }

  private static Set<String> select(IdSet ids, Collection<String> candidates, boolean present) {
    Set<String> out = new HashSet<>();
    for (String id : candidates) if (ids.contains(id) == present) out.add(id);
    return out;
  }

  /**
   * Carries a table's set across this handle's own commit from {@code readVersion} to
   * {@code newVersion}: {@code removed} ids leave (every id when {@code removeAll}), {@code added}
   * ids join. A set not at {@code readVersion} is dropped instead.
   */
  synchronized void committed(TableRef readRef, long newVersion, boolean removeAll, Collection<String> removed,
      Collection<String> added) {
    committed(readRef, newVersion, removeAll, removed, added, false);
  }

  /**
   * As {@link #committed(TableRef, long, boolean, Collection, Collection)}; {@code readEmpty} says
   * the table had no rows at {@code readRef}, so its new set is {@code added} even when none was
   * held: a table filled by a load is known without being read back.
   */
  synchronized void committed(TableRef readRef, long newVersion, boolean removeAll, Collection<String> removed,
      Collection<String> added, boolean readEmpty) {
    Lineage lineage = Lineage.of(readRef);
    Known known = tables.get(lineage);
    IdSet next;
    if (known == null) {
      // A table read empty, or replaced whole, is exactly what this commit wrote.
      if (!(readEmpty || removeAll) || added.size() > budget) return;
      next = new IdSet(added.size());
    } else if (known.version() != readRef.version()) {
      drop(lineage);
      return;
    } else {
      drop(lineage);
      next = removeAll ? new IdSet(added.size()) : known.ids();
      if (!removeAll) for (String id : removed) next.remove(id);
    }
    for (String id : added) next.add(id);
    boolean stepKept = known != null && !removeAll && removed.size() + added.size() <= MAX_STEP;
    put(lineage, stepKept ? new Known(newVersion, next, readRef.version(), Set.copyOf(added), Set.copyOf(removed))
        : new Known(newVersion, next));
  }

  /**
   * Carries a table's set to a version that holds the same rows as {@code readRef}'s: maintenance
   * (compaction, index builds) rewrites files, never rows. A set not at that version is dropped.
   */
  public void sameRows(TableRef readRef, long newVersion) {
    committed(readRef, newVersion, false, java.util.List.of(), java.util.List.of());
  }

  /** Ids held in all; for tests. */
  synchronized int held() {
    return held;
  }

  private void put(Lineage lineage, Known known) {
    drop(lineage);
    tables.put(lineage, known);
    held += known.ids().size();
    Iterator<Map.Entry<Lineage, Known>> eldest = tables.entrySet().iterator();
    while (held > budget && eldest.hasNext()) {
      Map.Entry<Lineage, Known> e = eldest.next();
      held -= e.getValue().ids().size();
      eldest.remove();
    }
  }

  private void drop(Lineage lineage) {
    Known gone = tables.remove(lineage);
    if (gone != null) held -= gone.ids().size();
  }
}
