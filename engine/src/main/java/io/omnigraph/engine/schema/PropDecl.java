package io.omnigraph.engine.schema;

import java.util.List;

/** {@code name: type annotations} inside an interface, node or edge body. */
public record PropDecl(String name, TypeRef type, List<Annotation> annotations, Position pos) {
  public PropDecl {
    annotations = List.copyOf(annotations);
  }
}
