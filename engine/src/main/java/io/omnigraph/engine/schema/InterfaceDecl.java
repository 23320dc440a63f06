package io.omnigraph.engine.schema;

import java.util.List;

/** {@code interface Name { props }}. */
public record InterfaceDecl(String name, List<PropDecl> properties, Position pos) implements Decl {
  public InterfaceDecl {
    properties = List.copyOf(properties);
  }
}
