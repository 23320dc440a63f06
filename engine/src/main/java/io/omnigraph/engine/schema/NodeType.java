package io.omnigraph.engine.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node type. {@code key} is empty for an unkeyed node; otherwise it lists the key properties
 * ordered by stable property id, which is the order composite key ids are built in (SPEC §1.4,
 * §12.6), whatever order {@code @key(...)} named them in.
 */
public record NodeType(
    String name,
    long stableTypeId,
    long incarnationId,
    List<Property> properties,
    List<String> key,
    List<List<String>> uniques,
    List<List<String>> indexes,
    List<RangeConstraint> ranges,
    List<CheckConstraint> checks,
    Map<String, String> annotations,
    List<String> implementsList,
    Optional<String> renameFrom)
    implements EntityType {

  public NodeType {
    List<Property> props = List.copyOf(properties);
    properties = props;
    TypeInvariants.requireIdentity(name, stableTypeId, incarnationId, renameFrom);
    TypeInvariants.requireDistinctNames(name, props);
    String typeName = name;
    key = key.stream()
        .map(k -> TypeInvariants.require(typeName, props, k))
        .sorted(Comparator.comparingLong(Property::stableId))
        .map(Property::name)
        .toList();
    uniques = TypeInvariants.tuples(name, props, uniques, List.of());
    indexes = TypeInvariants.tuples(name, props, indexes, List.of());
    ranges = List.copyOf(ranges);
    checks = List.copyOf(checks);
    ranges.forEach(r -> TypeInvariants.require(typeName, props, r.property()));
    checks.forEach(c -> TypeInvariants.require(typeName, props, c.property()));
    annotations = TypeInvariants.orderedCopy(annotations);
    implementsList = List.copyOf(implementsList);
  }

  @Override
  public TypeKind kind() {
    return TypeKind.NODE;
  }

  @Override
  public List<String> systemColumns() {
    return List.of(ID);
  }

  /** True when ids are derived from {@link #key()} values. */
  public boolean keyed() {
    return !key.isEmpty();
  }

  /**
   * The property that holds every row's id as it is: a single {@code String} key, whose canonical
   * text is the string itself (see {@link KeyIds}). Empty for other keys and for unkeyed types.
   */
  public java.util.Optional<String> idProperty() {
    if (key.size() != 1) return java.util.Optional.empty();
    Property p = property(key.get(0)).orElseThrow();
    boolean string = p.type() instanceof ValueType.Scalar s && s.base() == BaseType.STRING;
    return string ? java.util.Optional.of(p.name()) : java.util.Optional.empty();
  }

  /**
   * Hashes the identity only: types key the maps of every write, and a record's own hash would walk
   * every property and annotation each time. Equal types have equal identities, so this agrees with
   * {@code equals}.
   */
  @Override
  public int hashCode() {
    return Long.hashCode(stableTypeId) * 31 + Long.hashCode(incarnationId) + name.hashCode();
  }
}
