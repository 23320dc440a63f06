package io.omnigraph.engine.schemaapply;

import io.omnigraph.engine.schema.TypeKind;
import java.util.List;
import java.util.Objects;

/**
 * One change between the accepted schema and a desired one (SPEC §6). {@link #kind()} is the
 * snake_case tag the original's JSON uses. Only {@link UnsupportedChange} makes a plan unsupported.
 */
public sealed interface SchemaStep {
  /** The step's tag: {@code add_type}, {@code drop_property}, {@code unsupported_change}, … */
  String kind();

  /** A new node or edge type: a new empty table with fresh identity. */
  record AddType(TypeKind typeKind, String name) implements SchemaStep {
    @Override
    public String kind() {
      return "add_type";
    }
  }

  /** A type declared with {@code @rename_from(from)}: same table, identity and rows. */
  record RenameType(TypeKind typeKind, String from, String to) implements SchemaStep {
    @Override
    public String kind() {
      return "rename_type";
    }
  }

  /** A new nullable property of an existing type: its table is rewritten with an all-null column. */
  record AddProperty(TypeKind typeKind, String typeName, String propertyName, String propertyType)
      implements SchemaStep {
    @Override
    public String kind() {
      return "add_property";
    }
  }

  /** A property declared with {@code @rename_from(from)}: its stable id, and so key ids, are kept. */
  record RenameProperty(TypeKind typeKind, String typeName, String from, String to) implements SchemaStep {
    @Override
    public String kind() {
      return "rename_property";
    }
  }

  /** A new {@code @index}: catalog metadata only; {@code ensureIndices} builds it later. */
  record AddConstraint(TypeKind typeKind, String typeName, String constraint, List<String> columns)
      implements SchemaStep {
    public AddConstraint {
      columns = List.copyOf(columns);
    }

    @Override
    public String kind() {
      return "add_constraint";
    }
  }

  /** An enum gaining values (nothing removed, nullability unchanged): accepted at once, no rewrite. */
  record ExtendEnum(TypeKind typeKind, String typeName, String propertyName, List<String> addedValues)
      implements SchemaStep {
    public ExtendEnum {
      addedValues = List.copyOf(addedValues);
    }

    @Override
    public String kind() {
      return "extend_enum";
    }
  }

  /** A changed {@code @description} or {@code @instruction} of a type. */
  record UpdateTypeMetadata(TypeKind typeKind, String name) implements SchemaStep {
    @Override
    public String kind() {
      return "update_type_metadata";
    }
  }

  /** A changed {@code @description} of a property. */
  record UpdatePropertyMetadata(TypeKind typeKind, String typeName, String propertyName) implements SchemaStep {
    @Override
    public String kind() {
      return "update_property_metadata";
    }
  }

  /** A type absent from the desired schema: its table lifetime is tombstoned. */
  record DropType(TypeKind typeKind, String name, DropMode mode) implements SchemaStep {
    @Override
    public String kind() {
      return "drop_type";
    }
  }

  /** A property absent from the desired schema: its table is rewritten without the column. */
  record DropProperty(TypeKind typeKind, String typeName, String propertyName, DropMode mode) implements SchemaStep {
    @Override
    public String kind() {
      return "drop_property";
    }
  }

  /**
   * A change schema apply cannot make.
   *
   * @param entity what changes, e.g. {@code node:Person.age}
   * @param code a stable error code such as {@code OG-MF-106}, or null
   */
  record UnsupportedChange(String entity, String reason, String code) implements SchemaStep {
    public UnsupportedChange {
      Objects.requireNonNull(entity, "entity");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String kind() {
      return "unsupported_change";
    }

    /** The refusal message: the reason, prefixed {@code [CODE] } when coded. */
    public String message() {
      return code == null ? reason : "[" + code + "] " + reason;
    }
  }
}
