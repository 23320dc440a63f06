package io.omnigraph.engine.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns {@code .pg} source into a {@link Catalog}, enforcing every rule of SPEC §1.1–§1.4. A fresh
 * compile numbers node and edge types 1..n in declaration order, gives every table incarnation 1,
 * and numbers properties from the same counter after the types.
 */
public final class SchemaCompiler {
  /** A type that passed every rule, waiting for its stable ids. */
  private record Draft(
      Decl decl,
      List<PropertyRules.Resolved> props,
      ConstraintRules.Constraints constraints,
      AnnotationRules.Header header) {}

  private final SchemaFile file;
  private final Map<String, InterfaceDecl> interfaces = new HashMap<>();
  private final Map<String, List<PropertyRules.Resolved>> interfaceProps = new HashMap<>();
  private final Map<String, NodeDecl> nodes = new HashMap<>();

  private SchemaCompiler(SchemaFile file) {
    this.file = file;
  }

  /** Parses and compiles {@code source}; the catalog keeps {@code source} verbatim. */
  public static Catalog compile(String source) {
    return compile(PgParser.parse(source), source);
  }

  /** Compiles an already parsed file; {@code source} is the text it was parsed from. */
  public static Catalog compile(SchemaFile file, String source) {
    return new SchemaCompiler(file).run(source);
  }

  private Catalog run(String source) {
    indexDeclarations();
    List<Draft> drafts = new ArrayList<>();
    for (Decl decl : file.declarations()) {
      if (decl instanceof InterfaceDecl i) {
        interfaceProps.put(i.name(), resolveAll(i.properties(), i.name(), null));
      }
    }
    for (Decl decl : file.declarations()) {
      if (decl instanceof NodeDecl n) {
        drafts.add(node(n));
      } else if (decl instanceof EdgeDecl e) {
        drafts.add(edge(e));
      }
    }
    return assemble(drafts, source);
  }

  private void indexDeclarations() {
    Map<String, Decl> byName = new HashMap<>();
    Map<String, EdgeDecl> edgesByFolded = new HashMap<>();
    for (Decl decl : file.declarations()) {
      Decl first = byName.putIfAbsent(decl.name(), decl);
      if (first != null) {
        throw new SchemaException(decl.pos(), "duplicate type name '" + decl.name()
            + "'; first declared at " + first.pos());
      }
      if (decl instanceof EdgeDecl e) {
        EdgeDecl clash = edgesByFolded.putIfAbsent(e.name().toLowerCase(Locale.ROOT), e);
        if (clash != null) {
          throw new SchemaException(e.pos(), "edge name '" + e.name() + "' clashes with edge '"
              + clash.name() + "' at " + clash.pos() + "; edge names are case-insensitive");
        }
      } else if (decl instanceof InterfaceDecl i) {
        interfaces.put(i.name(), i);
      } else if (decl instanceof NodeDecl n) {
        nodes.put(n.name(), n);
      }
    }
  }

  private Draft node(NodeDecl n) {
    AnnotationRules.Header header = AnnotationRules.header(n.annotations(), "node " + n.name());
    List<PropertyRules.Resolved> own = resolveAll(n.properties(), n.name(), TypeKind.NODE);
    List<PropertyRules.Resolved> props = expandInterfaces(n, own);
    PropertyRules.checkEmbedSources(n.name(), props);
    return new Draft(n, props,
        ConstraintRules.collect(TypeKind.NODE, n.name(), props, n.constraints()), header);
  }

  private Draft edge(EdgeDecl e) {
    requireNodeEndpoint(e, e.from());
    requireNodeEndpoint(e, e.to());
    AnnotationRules.Header header = AnnotationRules.header(e.annotations(), "edge " + e.name());
    List<PropertyRules.Resolved> props = resolveAll(e.properties(), e.name(), TypeKind.EDGE);
    return new Draft(e, props,
        ConstraintRules.collect(TypeKind.EDGE, e.name(), props, e.constraints()), header);
  }

  private void requireNodeEndpoint(EdgeDecl e, NameRef endpoint) {
    if (nodes.containsKey(endpoint.name())) {
      return;
    }
    String what = interfaces.containsKey(endpoint.name()) ? "is an interface, not a node type"
        : file.edges().stream().anyMatch(x -> x.name().equals(endpoint.name()))
            ? "is an edge type, not a node type" : "is not a declared node type";
    throw new SchemaException(endpoint.pos(), "edge " + e.name() + " endpoint '" + endpoint.name()
        + "' " + what);
  }

  private static List<PropertyRules.Resolved> resolveAll(
      List<PropDecl> decls, String typeName, TypeKind kind) {
    Map<String, PropDecl> seen = new HashMap<>();
    List<PropertyRules.Resolved> resolved = new ArrayList<>();
    for (PropDecl p : decls) {
      PropDecl first = seen.putIfAbsent(p.name(), p);
      if (first != null) {
        throw new SchemaException(p.pos(), "duplicate property '" + p.name() + "' in " + typeName
            + "; first declared at " + first.pos());
      }
      resolved.add(PropertyRules.resolve(p, typeName, kind));
    }
    return resolved;
  }

  /**
   * Appends each implemented interface's properties the node does not declare itself; a property
   * declared both ways must agree on type and nullability, and the node's own declaration wins.
   */
  private List<PropertyRules.Resolved> expandInterfaces(NodeDecl n, List<PropertyRules.Resolved> own) {
    List<PropertyRules.Resolved> all = new ArrayList<>(own);
    Map<String, String> origin = new HashMap<>();
    own.forEach(p -> origin.put(p.name(), "node " + n.name()));
    List<String> implemented = new ArrayList<>();
    for (NameRef ref : n.implementsList()) {
      if (!interfaces.containsKey(ref.name())) {
        String what = nodes.containsKey(ref.name()) ? "'" + ref.name() + "', which is a node type,"
            + " not an interface" : "unknown interface '" + ref.name() + "'";
        throw new SchemaException(ref.pos(), "node " + n.name() + " implements " + what);
      }
      if (implemented.contains(ref.name())) {
        throw new SchemaException(ref.pos(), "node " + n.name() + " implements '" + ref.name()
            + "' more than once");
      }
      implemented.add(ref.name());
      for (PropertyRules.Resolved ip : interfaceProps.get(ref.name())) {
        PropertyRules.Resolved existing = all.stream()
            .filter(p -> p.name().equals(ip.name())).findFirst().orElse(null);
        if (existing == null) {
          all.add(ip);
          origin.put(ip.name(), "interface " + ref.name());
        } else if (!existing.type().equals(ip.type()) || existing.nullable() != ip.nullable()) {
          throw new SchemaException(existing.decl().pos(), origin.get(ip.name()) + " declares '"
              + ip.name() + "' as " + typeText(existing) + " but interface " + ref.name()
              + " declares it as " + typeText(ip) + " (node " + n.name() + ")");
        }
      }
    }
    return all;
  }

  private static String typeText(PropertyRules.Resolved p) {
    return p.type().pgText() + (p.nullable() ? "?" : "");
  }

  private static Catalog assemble(List<Draft> drafts, String source) {
    // Types take ids 1..n in declaration order; properties continue from the same counter.
    long next = drafts.size() + 1;
    List<NodeType> nodeTypes = new ArrayList<>();
    List<EdgeType> edgeTypes = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      long typeId = i + 1;
      List<Property> props = new ArrayList<>();
      for (PropertyRules.Resolved p : d.props()) {
        props.add(property(p, next++, d.constraints()));
      }
      ConstraintRules.Constraints c = d.constraints();
      if (d.decl() instanceof NodeDecl n) {
        nodeTypes.add(new NodeType(n.name(), typeId, 1, props, c.key(), c.uniques(), c.indexes(),
            c.ranges(), c.checks(), d.header().annotations(),
            n.implementsList().stream().map(NameRef::name).toList(), d.header().renameFrom()));
      } else {
        EdgeDecl e = (EdgeDecl) d.decl();
        long cardMin = e.card() == null ? 0 : e.card().min();
        OptionalLong cardMax = e.card() == null || e.card().max() == null
            ? OptionalLong.empty() : OptionalLong.of(e.card().max());
        edgeTypes.add(new EdgeType(e.name(), typeId, 1, e.from().name(), e.to().name(), cardMin,
            cardMax, props, c.uniques(), c.indexes(), d.header().annotations(),
            d.header().renameFrom()));
      }
    }
    return new Catalog(nodeTypes, edgeTypes, source, next, null);
  }

  private static Property property(PropertyRules.Resolved p, long id, ConstraintRules.Constraints c) {
    List<String> alone = List.of(p.name());
    return new Property(p.name(), p.type(), p.nullable(), p.annotations(), id, p.renameFrom(),
        c.indexes().contains(alone), c.uniques().contains(alone),
        Optional.ofNullable(p.embed()).map(PropertyRules::embedSpec));
  }
}
