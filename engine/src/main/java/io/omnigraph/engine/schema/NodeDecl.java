package io.omnigraph.engine.schema;

import java.util.List;

/** {@code node Name annotations implements I, J { props | constraints }}. */
public record NodeDecl(
    String name,
    List<Annotation> annotations,
    List<NameRef> implementsList,
    List<PropDecl> properties,
    List<BodyConstraint> constraints,
    Position pos)
    implements Decl {
  public NodeDecl {
    annotations = List.copyOf(annotations);
    implementsList = List.copyOf(implementsList);
    properties = List.copyOf(properties);
    constraints = List.copyOf(constraints);
  }
}
