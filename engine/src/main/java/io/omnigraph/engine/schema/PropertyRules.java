package io.omnigraph.engine.schema;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Name, type and annotation rules of a single property declaration (SPEC §1.1–§1.3). */
final class PropertyRules {
  /** Lance's virtual columns; declaring them would shadow storage metadata. */
  static final Set<String> STORAGE_RESERVED = Set.of(
      "_rowid", "_rowaddr", "_rowoffset", "_row_created_at_version", "_row_last_updated_at_version");

  /** A property declaration whose type and annotations passed the per-property rules. */
  record Resolved(
      PropDecl decl,
      ValueType type,
      boolean nullable,
      Map<String, String> annotations,
      Optional<String> renameFrom,
      Annotation key,
      Annotation unique,
      Annotation index,
      Annotation embed) {
    String name() {
      return decl.name();
    }
  }

  private PropertyRules() {}

  /**
   * Resolves one declaration; {@code kind} is null for interface properties, which become node
   * properties once implemented.
   */
  static Resolved resolve(PropDecl p, String typeName, TypeKind kind) {
    String owner = "property " + typeName + "." + p.name();
    requireUnreserved(p, typeName, kind);
    ValueType type = valueType(p.type(), owner);
    AnnotationRules.requireAtMostOnce(p.annotations(), owner);
    Map<String, String> kept = new LinkedHashMap<>();
    String renameFrom = null;
    Annotation key = null;
    Annotation unique = null;
    Annotation index = null;
    Annotation embed = null;
    for (Annotation a : p.annotations()) {
      switch (a.name()) {
        case "key" -> {
          AnnotationRules.requireNoArguments(a, owner);
          if (kind == TypeKind.EDGE) {
            throw new SchemaException(a.pos(), "@key is not supported on edges (" + owner + ")");
          }
          key = a;
        }
        case "unique" -> {
          AnnotationRules.requireNoArguments(a, owner);
          unique = a;
        }
        case "index" -> {
          AnnotationRules.requireNoArguments(a, owner);
          index = a;
        }
        case "embed" -> embed = checkEmbedShape(a, type, owner, kind);
        case "description" -> kept.put(a.name(), AnnotationRules.requireText(a, owner));
        case "rename_from" -> renameFrom = AnnotationRules.requireText(a, owner);
        case "instruction" -> throw new SchemaException(a.pos(),
            "@instruction is only allowed on node and edge types, not on " + owner);
        default -> AnnotationRules.putCustom(kept, a);
      }
    }
    return new Resolved(p, type, p.type().nullable(), kept, Optional.ofNullable(renameFrom), key,
        unique, index, embed);
  }

  /** Every {@code @embed} source must be a String property of the same type. */
  static void checkEmbedSources(String typeName, List<Resolved> props) {
    for (Resolved p : props) {
      if (p.embed() == null) {
        continue;
      }
      String source = p.embed().value().text();
      Resolved target = props.stream().filter(q -> q.name().equals(source)).findFirst()
          .orElseThrow(() -> new SchemaException(p.embed().value().pos(), "@embed on property "
              + typeName + "." + p.name() + " names unknown source property '" + source + "'"));
      if (!(target.type() instanceof ValueType.Scalar s) || s.base() != BaseType.STRING) {
        throw new SchemaException(p.embed().value().pos(), "@embed source " + typeName + "."
            + source + " must be a String property, not " + target.type().displayName());
      }
    }
  }

  static EmbedSpec embedSpec(Annotation embed) {
    Literal model = embed.kwargs().get("model");
    return new EmbedSpec(embed.value().text(), Optional.ofNullable(model).map(Literal::text));
  }

  private static void requireUnreserved(PropDecl p, String typeName, TypeKind kind) {
    String name = p.name();
    String why = null;
    if (STORAGE_RESERVED.contains(name)) {
      why = "it is a storage system column";
    } else if (name.equals(EntityType.ID)) {
      why = "it is the identity column of every table";
    } else if (kind == TypeKind.EDGE && (name.equals(EntityType.SRC) || name.equals(EntityType.DST))) {
      why = "it is a structural column of every edge";
    }
    if (why != null) {
      throw new SchemaException(p.pos(), "property name '" + name + "' in " + typeName
          + " is reserved: " + why);
    }
  }

  private static ValueType valueType(TypeRef t, String owner) {
    switch (t.form()) {
      case BASE:
        return new ValueType.Scalar(t.base());
      case LIST:
        if (t.base() == BaseType.BLOB) {
          throw new SchemaException(t.pos(), "list of Blob is not supported (" + owner + ")");
        }
        return new ValueType.ListOf(t.base());
      case VECTOR:
        if (t.dimension() < 1 || t.dimension() > Integer.MAX_VALUE) {
          throw new SchemaException(t.pos(), "Vector dimension must be between 1 and "
              + Integer.MAX_VALUE + ", found " + t.dimension() + " (" + owner + ")");
        }
        return new ValueType.VectorOf((int) t.dimension());
      case ENUM:
      default:
        Set<String> seen = new HashSet<>();
        for (String v : t.enumValues()) {
          if (!seen.add(v)) {
            throw new SchemaException(t.pos(), "enum declares value '" + v + "' more than once ("
                + owner + ")");
          }
        }
        return new ValueType.EnumOf(new TreeSet<>(t.enumValues()));
    }
  }

  private static Annotation checkEmbedShape(Annotation a, ValueType type, String owner, TypeKind kind) {
    if (kind == TypeKind.EDGE) {
      throw new SchemaException(a.pos(), "@embed is not supported on edges (" + owner + ")");
    }
    if (!(type instanceof ValueType.VectorOf)) {
      throw new SchemaException(a.pos(), "@embed is only allowed on Vector properties; " + owner
          + " is " + type.displayName());
    }
    Literal source = a.value();
    boolean named = source != null
        && (source.kind() == Literal.Kind.STRING || source.kind() == Literal.Kind.IDENT);
    if (!named || source.text().isBlank()) {
      throw new SchemaException(a.pos(), "@embed on " + owner + " needs the name of its String"
          + " source property");
    }
    for (Map.Entry<String, Literal> kw : a.kwargs().entrySet()) {
      if (!kw.getKey().equals("model")) {
        throw new SchemaException(kw.getValue().pos(), "@embed on " + owner + " has unknown"
            + " argument '" + kw.getKey() + "=' (only model= is allowed)");
      }
      if (kw.getValue().kind() != Literal.Kind.STRING) {
        throw new SchemaException(kw.getValue().pos(), "@embed model on " + owner
            + " must be a string");
      }
    }
    return a;
  }
}
