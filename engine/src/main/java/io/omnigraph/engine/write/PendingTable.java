package io.omnigraph.engine.write;

import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.storage.TableRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A transaction's not-yet-committed changes to one table: the final image of every written row
 * (last write wins per id) and the ids removed from the committed table.
 */
final class PendingTable {
  final EntityType type;
  /** id → full row image to be written. */
  final Map<String, Map<String, Object>> upserts = new LinkedHashMap<>();
  /** ids whose committed rows are removed (and not written back). */
  final Set<String> deletes = new HashSet<>();
  /** ids written by strict inserts: they must not exist in the committed table at commit time. */
  final Set<String> strictInserts = new HashSet<>();
  /** The whole committed table is replaced (overwrite load). */
  boolean replaceAll;
  /** The committed table version {@link #addresses} describes, or null. */
  private TableRef addressesOf;
  /** Where committed rows live in {@link #addressesOf}, by id, as read with them (see {@link RowAddressNotes}). */
  private Map<String, Long> addresses = new HashMap<>();

  PendingTable(EntityType type) {
    this.type = type;
  }

  boolean touches(String id) {
    return replaceAll || upserts.containsKey(id) || deletes.contains(id);
  }

  boolean isEmpty() {
    return upserts.isEmpty() && deletes.isEmpty() && !replaceAll;
  }

  /** Changes to the rows so far; caches of them ({@link UniqueHolders}) compare it to know they are current. */
  private int changes;
  /** Per {@code @unique} tuple, its holders among the rows, as of some change count. */
  final Map<List<String>, UniqueHolders> uniqueHolders = new HashMap<>();

  int changeCount() {
    return changes;
  }

  /** Notes a change made to the rows from outside these methods (an undo, an overwrite). */
  void changed() {
    changes++;
  }

  void put(String id, Map<String, Object> row) {
    changes++;
    upserts.put(id, row);
  }

  void remove(String id) {
    changes++;
    upserts.remove(id);
    strictInserts.remove(id);
    deletes.add(id);
  }

  /**
   * Notes where some committed rows of {@code ref} live. The notes are facts about one table
   * version, true however the rows change afterwards; notes of another version replace them.
   */
  void knowAddresses(TableRef ref, Map<String, Long> byId) {
    if (ref == null || byId.isEmpty()) return;
    if (!ref.equals(addressesOf)) addresses.clear();
    addressesOf = ref;
    addresses.putAll(byId);
  }

  /** As {@link #knowAddresses}, taking {@code byId} itself when nothing is noted yet: the caller gives it up. */
  void adoptAddresses(TableRef ref, Map<String, Long> byId) {
    if (addresses.isEmpty() || !ref.equals(addressesOf)) {
      addresses = byId;
      addressesOf = ref;
    } else {
      knowAddresses(ref, byId);
    }
  }

  /** Adds what {@code other} knows of row addresses, as {@link #knowAddresses} does. */
  void knowAddressesOf(PendingTable other) {
    knowAddresses(other.addressesOf, other.addresses);
  }

  /** The noted row addresses in {@code ref}, by id; empty when none were noted for that version. */
  Map<String, Long> addressesIn(TableRef ref) {
    return ref.equals(addressesOf) ? addresses : Map.of();
  }

  /**
   * Ids whose committed rows must be removed when staging. Strict inserts are left out: validation
   * has proven they have no committed row, which saves a lookup per commit.
   */
  Set<String> idsToRemove() {
    Set<String> out = new HashSet<>(deletes);
    for (String id : upserts.keySet()) if (!strictInserts.contains(id)) out.add(id);
    return out;
  }
}
