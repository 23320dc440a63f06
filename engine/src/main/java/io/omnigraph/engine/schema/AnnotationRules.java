package io.omnigraph.engine.schema;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Placement and shape rules for annotations on type headers, plus helpers shared with properties. */
final class AnnotationRules {
  /** Annotations that may appear at most once per target (SPEC §1.3). */
  private static final Set<String> AT_MOST_ONCE =
      Set.of("key", "unique", "index", "embed", "description", "instruction", "rename_from");
  /** Property-only annotations that a type header may not carry. */
  private static final Set<String> PROPERTY_ONLY = Set.of("key", "unique", "index", "embed");

  /** What a node or edge header declares besides its structure. */
  record Header(Map<String, String> annotations, Optional<String> renameFrom) {}

  private AnnotationRules() {}

  static Header header(List<Annotation> annotations, String owner) {
    requireAtMostOnce(annotations, owner);
    Map<String, String> kept = new LinkedHashMap<>();
    String renameFrom = null;
    for (Annotation a : annotations) {
      if (PROPERTY_ONLY.contains(a.name())) {
        throw new SchemaException(a.pos(), "@" + a.name() + " is not allowed on the header of "
            + owner + "; put it on a property" + (a.name().equals("embed") ? "" : " or use a body"
            + " constraint @" + a.name() + "(...)"));
      }
      switch (a.name()) {
        case "description", "instruction" -> kept.put(a.name(), requireText(a, owner));
        case "rename_from" -> renameFrom = requireText(a, owner);
        default -> putCustom(kept, a);
      }
    }
    return new Header(kept, Optional.ofNullable(renameFrom));
  }

  static void requireAtMostOnce(List<Annotation> annotations, String owner) {
    Map<String, Annotation> seen = new HashMap<>();
    for (Annotation a : annotations) {
      if (AT_MOST_ONCE.contains(a.name()) && seen.putIfAbsent(a.name(), a) != null) {
        throw new SchemaException(a.pos(), "@" + a.name() + " appears more than once on " + owner);
      }
    }
  }

  /** The single non-blank string argument of {@code @description}-like annotations. */
  static String requireText(Annotation a, String owner) {
    Literal value = a.value();
    if (value == null || value.kind() != Literal.Kind.STRING || value.text().isBlank()) {
      throw new SchemaException(a.pos(), "@" + a.name() + " on " + owner
          + " needs a non-empty string argument");
    }
    requireNoKeywords(a, owner);
    return value.text();
  }

  static void requireNoArguments(Annotation a, String owner) {
    if (a.hasValue() || !a.kwargs().isEmpty()) {
      throw new SchemaException(a.pos(), "@" + a.name() + " on " + owner + " takes no arguments");
    }
  }

  static void requireNoKeywords(Annotation a, String owner) {
    if (!a.kwargs().isEmpty()) {
      String first = a.kwargs().keySet().iterator().next();
      throw new SchemaException(a.kwargs().get(first).pos(), "@" + a.name() + " on " + owner
          + " does not take the argument '" + first + "='");
    }
  }

  /**
   * Keeps a custom annotation as catalog metadata: {@code @a} maps to {@code ""}, {@code @a(v)}
   * to {@code v}, and each keyword argument {@code k=v} to {@code a.k}. A repeated custom
   * annotation keeps its last value.
   */
  static void putCustom(Map<String, String> into, Annotation a) {
    into.put(a.name(), a.hasValue() ? a.value().text() : "");
    a.kwargs().forEach((k, v) -> into.put(a.name() + "." + k, v.text()));
  }
}
