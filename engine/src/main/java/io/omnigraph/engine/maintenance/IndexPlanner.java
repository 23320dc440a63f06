package io.omnigraph.engine.maintenance;

import io.omnigraph.engine.schema.BaseType;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.NodeType;
import io.omnigraph.engine.schema.Property;
import io.omnigraph.engine.schema.ValueType;
import io.omnigraph.engine.storage.IndexKind;
import io.omnigraph.engine.storage.TableIndexes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indexes a type's table should carry (SPEC §9): BTREE on the identity columns ({@code id},
 * and {@code src}/{@code dst} on edges), and on every {@code @key} or {@code @index} property an
 * index chosen by its type. Lists and Blobs get none.
 */
final class IndexPlanner {
  private IndexPlanner() {}

  /** Column to index kind, identity columns first. */
  static Map<String, IndexKind> wanted(EntityType type) {
    Map<String, IndexKind> out = new LinkedHashMap<>();
    for (String c : type.systemColumns()) out.put(c, IndexKind.BTREE);
    List<String> declared = new ArrayList<>();
    if (type instanceof NodeType n) declared.addAll(n.key());
    type.indexes().forEach(declared::addAll);
    for (String column : declared) {
      if (out.containsKey(column)) continue;
      type.property(column).flatMap(IndexPlanner::kind).ifPresent(k -> out.put(column, k));
    }
    return out;
  }

  /** The wanted indexes a table does not have yet, given its indexed columns. */
  static List<TableIndexes.IndexRequest> missing(EntityType type, Map<String, String> indexedColumns) {
    List<TableIndexes.IndexRequest> out = new ArrayList<>();
    wanted(type).forEach((column, kind) -> {
      if (!indexedColumns.containsKey(column)) out.add(new TableIndexes.IndexRequest(column, kind));
    });
    return out;
  }

  private static Optional<IndexKind> kind(Property p) {
    ValueType t = p.type();
    if (t instanceof ValueType.EnumOf) return Optional.of(IndexKind.BTREE);
    if (t instanceof ValueType.VectorOf) return Optional.of(IndexKind.VECTOR);
    if (t instanceof ValueType.Scalar s) {
      if (s.base() == BaseType.BLOB) return Optional.empty();
      return Optional.of(s.base() == BaseType.STRING ? IndexKind.INVERTED : IndexKind.BTREE);
    }
    return Optional.empty();
  }
}
