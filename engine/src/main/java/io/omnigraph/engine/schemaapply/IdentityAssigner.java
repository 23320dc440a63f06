package io.omnigraph.engine.schemaapply;

import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.NodeType;
import io.omnigraph.engine.schema.Property;
import io.omnigraph.engine.schema.TypeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Gives a freshly compiled desired catalog the stable ids of the accepted one (SPEC §1.4). A type
 * or property keeps its ids when it keeps its name, or when it names its old name in
 * {@code @rename_from}; everything else is a new lifetime and takes ids from the accepted catalog's
 * counter, so a dropped and re-added name never sees its old rows.
 */
final class IdentityAssigner {
  private final Catalog accepted;
  private long next;

  private IdentityAssigner(Catalog accepted) {
    this.accepted = accepted;
    this.next = accepted.nextIdentityId();
  }

  /** {@code desired} with every id taken from, or allocated after, {@code accepted}. */
  static Catalog assign(Catalog accepted, Catalog desired) {
    return new IdentityAssigner(accepted).run(desired);
  }

  private Catalog run(Catalog desired) {
    Map<EntityType, EntityType> matched = match(desired.allTypes(), accepted.allTypes(),
        t -> t.kind().label() + ":" + fold(t), EntityType::renameFrom, t -> t.kind() == TypeKind.EDGE);
    List<NodeType> nodes = new ArrayList<>();
    List<EdgeType> edges = new ArrayList<>();
    for (EntityType t : desired.allTypes()) {
      EntityType old = matched.get(t);
      long typeId = old != null ? old.stableTypeId() : next++;
      long incarnation = old != null ? old.incarnationId() : next++;
      List<Property> props = properties(t, old);
      if (t instanceof NodeType n) {
        nodes.add(new NodeType(n.name(), typeId, incarnation, props, n.key(), n.uniques(), n.indexes(), n.ranges(),
            n.checks(), n.annotations(), n.implementsList(), n.renameFrom()));
      } else {
        EdgeType e = (EdgeType) t;
        edges.add(new EdgeType(e.name(), typeId, incarnation, e.from(), e.to(), e.cardMin(), e.cardMax(), props,
            e.uniques(), e.indexes(), e.annotations(), e.renameFrom()));
      }
    }
    return new Catalog(nodes, edges, desired.source(), next, accepted.identityDomain().orElse(null));
  }

  private List<Property> properties(EntityType t, EntityType old) {
    Map<Property, Property> matched = old == null ? Map.of()
        : match(t.properties(), old.properties(), Property::name, Property::renameFrom, p -> false);
    List<Property> out = new ArrayList<>();
    for (Property p : t.properties()) {
      Property was = matched.get(p);
      long id = was != null ? was.stableId() : next++;
      out.add(new Property(p.name(), p.type(), p.nullable(), p.annotations(), id, p.renameFrom(), p.indexed(),
          p.unique(), p.embed()));
    }
    return out;
  }

  /**
   * Pairs each wanted item with at most one accepted item. Renames claim first, and only when the
   * new name is not itself taken, so a stale {@code @rename_from} left in the source after its
   * apply changes nothing and {@code Human @rename_from("Person")} beside a new {@code Person}
   * gives the old rows to {@code Human}.
   */
  private static <T> Map<T, T> match(List<T> wanted, List<T> existing, Function<T, String> key,
      Function<T, Optional<String>> renameFrom, Predicate<T> foldCase) {
    Map<String, T> byKey = new HashMap<>();
    existing.forEach(e -> byKey.put(key.apply(e), e));
    Set<T> claimed = new HashSet<>();
    Map<T, T> out = new HashMap<>();
    for (T w : wanted) {
      Optional<String> from = renameFrom.apply(w);
      if (from.isEmpty() || byKey.containsKey(key.apply(w))) continue;
      String oldKey = renamedKey(key.apply(w), from.get(), foldCase.test(w));
      T old = byKey.get(oldKey);
      if (old != null && claimed.add(old)) out.put(w, old);
    }
    for (T w : wanted) {
      if (out.containsKey(w)) continue;
      T old = byKey.get(key.apply(w));
      if (old != null && claimed.add(old)) out.put(w, old);
    }
    return out;
  }

  /** The key the item would have under its old name: same kind prefix, if any. */
  private static String renamedKey(String newKey, String oldName, boolean foldCase) {
    int colon = newKey.indexOf(':');
    String name = foldCase ? oldName.toLowerCase(Locale.ROOT) : oldName;
    return colon < 0 ? name : newKey.substring(0, colon + 1) + name;
  }

  /** Edge names compare ignoring case, node names exactly (SPEC §1.1). */
  private static String fold(EntityType t) {
    return t.kind() == TypeKind.EDGE ? t.name().toLowerCase(Locale.ROOT) : t.name();
  }
}
