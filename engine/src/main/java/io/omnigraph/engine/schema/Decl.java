package io.omnigraph.engine.schema;

/** A top-level declaration of a {@code .pg} file. */
public sealed interface Decl permits InterfaceDecl, NodeDecl, EdgeDecl {
  String name();

  Position pos();
}
