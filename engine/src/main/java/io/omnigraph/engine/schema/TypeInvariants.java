package io.omnigraph.engine.schema;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Shared constructor checks of {@link NodeType} and {@link EdgeType}. */
final class TypeInvariants {
  private TypeInvariants() {}

  static void requireIdentity(String name, long typeId, long incarnation, Optional<String> renameFrom) {
    if (name == null || name.isEmpty() || renameFrom == null) {
      throw new IllegalArgumentException("a type needs a name");
    }
    if (typeId < 1 || incarnation < 1) {
      throw new IllegalArgumentException(name + ": stable ids must be positive");
    }
  }

  static void requireDistinctNames(String typeName, List<Property> properties) {
    Set<String> seen = new HashSet<>();
    for (Property p : properties) {
      if (!seen.add(p.name())) {
        throw new IllegalArgumentException(typeName + " declares property '" + p.name() + "' twice");
      }
    }
  }

  static Property require(String typeName, List<Property> properties, String name) {
    return properties.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(typeName + " has no property '" + name + "'"));
  }

  /** Copies constraint tuples, checking each column is a property or an allowed system column. */
  static List<List<String>> tuples(
      String typeName, List<Property> properties, List<List<String>> tuples, List<String> system) {
    for (List<String> tuple : tuples) {
      if (tuple.isEmpty()) {
        throw new IllegalArgumentException(typeName + " has an empty constraint tuple");
      }
      for (String column : tuple) {
        if (!system.contains(column)) {
          require(typeName, properties, column);
        }
      }
    }
    return tuples.stream().map(List::copyOf).toList();
  }

  static Map<String, String> orderedCopy(Map<String, String> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
