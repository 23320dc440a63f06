package io.omnigraph.engine.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A compiled schema: the node and edge types of a graph with their stable ids, plus the {@code .pg}
 * source it came from. Immutable and therefore safe to share between threads.
 */
public final class Catalog {
  private final List<NodeType> nodeTypes;
  private final List<EdgeType> edgeTypes;
  private final String source;
  private final long nextIdentityId;
  private final String identityDomain;
  private final Map<String, NodeType> nodesByName = new HashMap<>();
  private final Map<String, EdgeType> edgesByFoldedName = new HashMap<>();

  /**
   * Assembles a catalog. Type names must be distinct (edge names ignoring case), every edge
   * endpoint must be a node type, and {@code nextIdentityId} must exceed every id in use.
   *
   * @param identityDomain opaque namespace of the ids, or null when not yet assigned
   */
  public Catalog(
      List<NodeType> nodeTypes,
      List<EdgeType> edgeTypes,
      String source,
      long nextIdentityId,
      String identityDomain) {
    this.nodeTypes = List.copyOf(nodeTypes);
    this.edgeTypes = List.copyOf(edgeTypes);
    this.source = Objects.requireNonNull(source, "source");
    this.nextIdentityId = nextIdentityId;
    this.identityDomain = identityDomain;
    for (NodeType n : this.nodeTypes) {
      if (nodesByName.put(n.name(), n) != null) {
        throw new IllegalArgumentException("duplicate node type " + n.name());
      }
    }
    for (EdgeType e : this.edgeTypes) {
      if (nodesByName.containsKey(e.name()) || edgesByFoldedName.put(fold(e.name()), e) != null) {
        throw new IllegalArgumentException("duplicate type name " + e.name());
      }
      if (!nodesByName.containsKey(e.from()) || !nodesByName.containsKey(e.to())) {
        throw new IllegalArgumentException("edge " + e.name() + " has an unknown endpoint");
      }
    }
    if (maxId() >= nextIdentityId) {
      throw new IllegalArgumentException(
          "next identity id " + nextIdentityId + " does not exceed the ids in use");
    }
  }

  /** Node types in declaration order. */
  public List<NodeType> nodeTypes() {
    return nodeTypes;
  }

  /** Edge types in declaration order. */
  public List<EdgeType> edgeTypes() {
    return edgeTypes;
  }

  /** Node types, then edge types. */
  public List<EntityType> allTypes() {
    List<EntityType> all = new ArrayList<>(nodeTypes);
    all.addAll(edgeTypes);
    return List.copyOf(all);
  }

  /** The node type with exactly this name. */
  public Optional<NodeType> node(String name) {
    return Optional.ofNullable(nodesByName.get(name));
  }

  /** The edge type with this name, ignoring case ({@code worksAt} finds {@code WorksAt}). */
  public Optional<EdgeType> edge(String name) {
    return Optional.ofNullable(edgesByFoldedName.get(fold(name)));
  }

  /** The node type with exactly this name, else the edge type matching it ignoring case. */
  public Optional<EntityType> type(String name) {
    NodeType node = nodesByName.get(name);
    return node != null ? Optional.of(node) : edge(name).map(EntityType.class::cast);
  }

  /** Edge types whose source or target is the named node type, in declaration order. */
  public List<EdgeType> edgesTouching(String nodeTypeName) {
    return edgeTypes.stream()
        .filter(e -> e.from().equals(nodeTypeName) || e.to().equals(nodeTypeName))
        .toList();
  }

  /** The {@code .pg} text this catalog was compiled from. */
  public String source() {
    return source;
  }

  /** The next unused stable id; type, property and incarnation ids never reuse a value. */
  public long nextIdentityId() {
    return nextIdentityId;
  }

  /** The opaque namespace of this catalog's ids, once the graph has assigned one. */
  public Optional<String> identityDomain() {
    return Optional.ofNullable(identityDomain);
  }

  /** This catalog with its ids placed in {@code domain}. */
  public Catalog withIdentityDomain(String domain) {
    return new Catalog(nodeTypes, edgeTypes, source, nextIdentityId, domain);
  }

  private long maxId() {
    long max = 0;
    for (EntityType t : allTypes()) {
      max = Math.max(max, Math.max(t.stableTypeId(), t.incarnationId()));
      for (Property p : t.properties()) {
        max = Math.max(max, p.stableId());
      }
    }
    return max;
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Catalog c
        && c.nodeTypes.equals(nodeTypes)
        && c.edgeTypes.equals(edgeTypes)
        && c.source.equals(source)
        && c.nextIdentityId == nextIdentityId
        && Objects.equals(c.identityDomain, identityDomain);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nodeTypes, edgeTypes, source, nextIdentityId, identityDomain);
  }

  @Override
  public String toString() {
    return "Catalog" + allTypes().stream().map(EntityType::tableKey).toList();
  }
}
