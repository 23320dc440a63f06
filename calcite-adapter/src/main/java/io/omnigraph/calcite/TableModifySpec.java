package io.omnigraph.calcite;

import io.omnigraph.engine.write.GraphTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;

/**
 * What a {@link GraphTableModify} does when its plan runs: hands the rows of its input to the
 * transaction the execution reads, as {@code replaceReadRows} (UPDATE: each row the full new image,
 * {@link #columns} in order, the statement's constant assignments appended from the execution's
 * {@link #CONSTANTS}) or {@code deleteReadRows} (DELETE: each row an id). Values arrive in Calcite's
 * internal representation and are converted once, by the column's type.
 *
 * <p>Public for the generated code that calls it.
 */
public final class TableModifySpec {
  /** The execution variable holding an UPDATE's constant assignment values, an {@code Object[]}. */
  static final String CONSTANTS = "omnigraph.modify.constants";

  private final SqlKind kind;
  private final String type;
  private final List<String> columns;
  private final Set<String> assigned;
  private final RelDataType[] inputTypes;

  /**
   * @param columns the columns each image fills: the input's, then the constant assignments'
   * @param assigned the columns the statement assigns
   */
  TableModifySpec(SqlKind kind, String type, List<String> columns, Set<String> assigned) {
    this(kind, type, columns, assigned, new RelDataType[0]);
  }

  private TableModifySpec(SqlKind kind, String type, List<String> columns, Set<String> assigned,
      RelDataType[] inputTypes) {
    if (kind != SqlKind.UPDATE && kind != SqlKind.DELETE) {
      throw new IllegalArgumentException("not UPDATE or DELETE: " + kind);
    }
    this.kind = kind;
    this.type = type;
    this.columns = List.copyOf(columns);
    this.assigned = Set.copyOf(assigned);
    this.inputTypes = inputTypes;
  }

  /** This modification reading rows of {@code inputType}, whose column types say how values convert. */
  TableModifySpec forInput(RelDataType inputType) {
    return new TableModifySpec(kind, type, columns, assigned,
        inputType.getFieldList().stream().map(f -> f.getType()).toArray(RelDataType[]::new));
  }

  SqlKind kind() {
    return kind;
  }

  String type() {
    return type;
  }

  List<String> columns() {
    return columns;
  }

  /** Applies the rows to the execution's transaction; the one row is how many rows of the table changed. */
  public Enumerable<Object> apply(Enumerable<Object[]> rows, DataContext root) {
    if (!(GraphExecution.of(root).view() instanceof GraphTransaction tx)) {
      throw new IllegalStateException(kind + " of " + type + " ran outside a transaction");
    }
    long changed = kind == SqlKind.DELETE ? delete(tx, rows) : update(tx, rows, (Object[]) root.get(CONSTANTS));
    return Linq4j.singletonEnumerable(changed);
  }

  private long delete(GraphTransaction tx, Enumerable<Object[]> rows) {
    List<String> ids = new ArrayList<>();
    try (Enumerator<Object[]> e = rows.enumerator()) {
      while (e.moveNext()) ids.add((String) e.current()[0]);
    }
    return ids.isEmpty() ? 0 : tx.deleteReadRows(type, ids).rows();
  }

  private long update(GraphTransaction tx, Enumerable<Object[]> rows, Object[] constants) {
    int width = inputTypes.length;
    Object[] fixed = constants == null ? new Object[0] : constants;
    List<Object[]> images = new ArrayList<>();
    try (Enumerator<Object[]> e = rows.enumerator()) {
      while (e.moveNext()) {
        Object[] in = e.current();
        // A fresh array: an input may hand out one array for every row.
        Object[] image = new Object[width + fixed.length];
        for (int i = 0; i < width; i++) image[i] = engineValue(in[i], inputTypes[i]);
        System.arraycopy(fixed, 0, image, width, fixed.length);
        images.add(image);
      }
    }
    return images.isEmpty() ? 0 : tx.replaceReadRows(type, assigned, columns, images).rows();
  }

  /** A value of Calcite's internal representation as the engine takes it. */
  private static Object engineValue(Object v, RelDataType type) {
    if (v == null) return null;
    return switch (type.getSqlTypeName()) {
      case DATE -> LocalDate.ofEpochDay(((Number) v).longValue());
      case TIMESTAMP -> Instant.ofEpochMilli(((Number) v).longValue());
      case ARRAY -> {
        if (!(v instanceof List<?> items)) yield v;
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) out.add(engineValue(item, type.getComponentType()));
        yield out;
      }
      default -> v instanceof ByteString b ? b.getBytes() : v;
    };
  }
}
