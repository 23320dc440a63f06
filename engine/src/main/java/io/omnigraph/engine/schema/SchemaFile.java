package io.omnigraph.engine.schema;

import java.util.List;

/** A parsed {@code .pg} file: its declarations in source order. */
public record SchemaFile(List<Decl> declarations) {
  public SchemaFile {
    declarations = List.copyOf(declarations);
  }

  public List<InterfaceDecl> interfaces() {
    return declarations.stream()
        .filter(InterfaceDecl.class::isInstance)
        .map(InterfaceDecl.class::cast)
        .toList();
  }

  public List<NodeDecl> nodes() {
    return declarations.stream().filter(NodeDecl.class::isInstance).map(NodeDecl.class::cast).toList();
  }

  public List<EdgeDecl> edges() {
    return declarations.stream().filter(EdgeDecl.class::isInstance).map(EdgeDecl.class::cast).toList();
  }
}
