package io.omnigraph.engine.schema;

import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** The physical Arrow mapping of {@code .pg} types (SPEC §1.2). */
final class ArrowTypes {
  /** Child field name used by Arrow and Lance for list and fixed-size-list items. */
  static final String ITEM = "item";

  private ArrowTypes() {}

  static ArrowType of(BaseType base) {
    return switch (base) {
      case STRING -> ArrowType.Utf8.INSTANCE;
      // Managed bytes only (external blob URIs are out of scope), so a plain LargeBinary column.
      case BLOB -> ArrowType.LargeBinary.INSTANCE;
      case BOOL -> ArrowType.Bool.INSTANCE;
      case I32 -> new ArrowType.Int(32, true);
      case I64 -> new ArrowType.Int(64, true);
      case U32 -> new ArrowType.Int(32, false);
      case U64 -> new ArrowType.Int(64, false);
      case F32 -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case F64 -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case DATE -> new ArrowType.Date(DateUnit.DAY);
      case DATETIME -> new ArrowType.Date(DateUnit.MILLISECOND);
    };
  }

  static Field field(String name, ValueType type, boolean nullable, Map<String, String> metadata) {
    FieldType fieldType = new FieldType(nullable, type.arrowType(), null, metadata);
    List<Field> children = List.of();
    if (type instanceof ValueType.ListOf list) {
      children = List.of(Field.nullable(ITEM, of(list.element())));
    } else if (type instanceof ValueType.VectorOf) {
      children = List.of(Field.nullable(ITEM, of(BaseType.F32)));
    }
    return new Field(name, fieldType, children);
  }
}
