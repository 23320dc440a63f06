package io.omnigraph.engine.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** A node or edge type: one table of the graph. */
public sealed interface EntityType permits NodeType, EdgeType {
  /** The physical identity column of every table. */
  String ID = "id";
  /** Source node id column of every edge table. */
  String SRC = "src";
  /** Target node id column of every edge table. */
  String DST = "dst";

  String name();

  TypeKind kind();

  /** Declared properties in declaration order, interface properties expanded. */
  List<Property> properties();

  /** Each {@code @unique} tuple; a property-level {@code @unique} is a one-element tuple. */
  List<List<String>> uniques();

  /** Each {@code @index} tuple; a property-level {@code @index} is a one-element tuple. */
  List<List<String>> indexes();

  /** Custom annotations plus {@code description} and {@code instruction}. */
  Map<String, String> annotations();

  long stableTypeId();

  long incarnationId();

  /** The previous name given by {@code @rename_from}, if any. */
  Optional<String> renameFrom();

  /** The structural columns before the properties: {@code id}, plus {@code src, dst} on edges. */
  List<String> systemColumns();

  /** {@code node:Person} or {@code edge:Knows}. */
  default String tableKey() {
    return kind().label() + ":" + name();
  }

  default Optional<Property> property(String name) {
    for (Property p : properties()) if (p.name().equals(name)) return Optional.of(p);
    return Optional.empty();
  }

  default Optional<String> description() {
    return Optional.ofNullable(annotations().get("description"));
  }

  default Optional<String> instruction() {
    return Optional.ofNullable(annotations().get("instruction"));
  }

  /** The table schema: non-null Utf8 system columns, then one field per property. */
  default Schema arrowSchema() {
    List<Field> fields = new ArrayList<>();
    for (String column : systemColumns()) {
      fields.add(Field.notNullable(column, ArrowType.Utf8.INSTANCE));
    }
    for (Property p : properties()) {
      fields.add(p.arrowField());
    }
    return new Schema(fields);
  }

  /** Column names in {@link #arrowSchema()} order. */
  default List<String> columnNames() {
    List<String> names = new ArrayList<>(systemColumns());
    properties().forEach(p -> names.add(p.name()));
    return List.copyOf(names);
  }
}
