package io.omnigraph.engine.schema;

import java.util.List;

/**
 * {@code edge Name: From -> To @card(..) annotations { props | constraints }}; {@code card} is null
 * when absent and {@code hasBody} tells {@code edge E: A -> B} from {@code edge E: A -> B {}}.
 */
public record EdgeDecl(
    String name,
    NameRef from,
    NameRef to,
    CardDecl card,
    List<Annotation> annotations,
    List<PropDecl> properties,
    List<BodyConstraint> constraints,
    boolean hasBody,
    Position pos)
    implements Decl {
  public EdgeDecl {
    annotations = List.copyOf(annotations);
    properties = List.copyOf(properties);
    constraints = List.copyOf(constraints);
  }
}
