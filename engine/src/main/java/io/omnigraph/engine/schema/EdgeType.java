package io.omnigraph.engine.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A directed edge type from node type {@code from} to node type {@code to}. {@code cardMin} and
 * {@code cardMax} bound the outgoing edges per source node; an empty {@code cardMax} is unbounded.
 */
public record EdgeType(
    String name,
    long stableTypeId,
    long incarnationId,
    String from,
    String to,
    long cardMin,
    OptionalLong cardMax,
    List<Property> properties,
    List<List<String>> uniques,
    List<List<String>> indexes,
    Map<String, String> annotations,
    Optional<String> renameFrom)
    implements EntityType {

  public EdgeType {
    properties = List.copyOf(properties);
    TypeInvariants.requireIdentity(name, stableTypeId, incarnationId, renameFrom);
    TypeInvariants.requireDistinctNames(name, properties);
    if (from == null || to == null) {
      throw new IllegalArgumentException("edge " + name + " needs both endpoints");
    }
    if (cardMin < 0 || (cardMax.isPresent() && cardMax.getAsLong() < cardMin)) {
      throw new IllegalArgumentException("edge " + name + " has an invalid @card");
    }
    uniques = TypeInvariants.tuples(name, properties, uniques, List.of(SRC, DST));
    indexes = TypeInvariants.tuples(name, properties, indexes, List.of(SRC, DST));
    annotations = TypeInvariants.orderedCopy(annotations);
  }

  @Override
  public TypeKind kind() {
    return TypeKind.EDGE;
  }

  @Override
  public List<String> systemColumns() {
    return List.of(ID, SRC, DST);
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
