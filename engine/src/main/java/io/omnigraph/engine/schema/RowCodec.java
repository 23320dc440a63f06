package io.omnigraph.engine.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Moves entity rows between {@code Map<String, Object>} form (canonical Java values, see {@link
 * Values}) and Arrow vectors laid out by {@link EntityType#arrowSchema()}.
 */
public final class RowCodec {
  private RowCodec() {}

  /**
   * Fills {@code root}, created from {@code t.arrowSchema()}, with {@code rows} from index 0 and
   * sets its row count. Values are coerced to their canonical type first; a missing property is
   * written as null, a missing {@code id}/{@code src}/{@code dst} is refused.
   */
  public static void write(EntityType t, List<Map<String, Object>> rows, VectorSchemaRoot root) {
    for (FieldVector v : root.getFieldVectors()) allocate(v, rows);
    for (String column : t.systemColumns()) {
      FieldVector v = vector(root, column);
      for (int i = 0; i < rows.size(); i++) {
        Object value = rows.get(i).get(column);
        if (!(value instanceof String)) {
          throw new IllegalArgumentException(t.name() + " row " + i + " has no string " + column
              + ": " + value);
        }
        ArrowCells.setBase(v, BaseType.STRING, i, value);
      }
    }
    for (Property p : t.properties()) {
      FieldVector v = vector(root, p.name());
      ValueType type = p.type();
      for (int i = 0; i < rows.size(); i++) {
        Object value = rows.get(i).get(p.name());
        // Rows come here prepared, their values already converted and checked: convert only what is not.
        ArrowCells.set(v, type, i, value == null || Values.isCanonical(type, value) ? value : Values.coerce(p, value, t.name()));
      }
    }
    root.setRowCount(rows.size());
  }

  /**
   * Room for every row at once: growing a vector while it fills copies it each time it doubles,
   * which for the text columns of a large write costs more than filling them.
   */
  private static void allocate(FieldVector v, List<Map<String, Object>> rows) {
    int n = Math.max(rows.size(), 1);
    if (v instanceof BaseVariableWidthVector text) {
      String column = v.getName();
      // The length of an even sample of the values, scaled up: a buffer found short doubles once.
      int step = Math.max(1, rows.size() / 256);
      long chars = 0;
      int sampled = 0;
      for (int i = 0; i < rows.size(); i += step, sampled++) {
        if (rows.get(i).get(column) instanceof String s) chars += s.length();
      }
      text.allocateNew(Math.max(1, chars * rows.size() / Math.max(sampled, 1) * 9 / 8), n);
    } else {
      v.setInitialCapacity(n);
      v.allocateNew();
    }
  }

  /** Row {@code rowIndex} of {@code root} as a map of the named columns, in that order. */
  public static Map<String, Object> read(VectorSchemaRoot root, int rowIndex, List<String> columns) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (String column : columns) {
      row.put(column, readValue(vector(root, column), rowIndex));
    }
    return row;
  }

  /** The canonical Java value at {@code index} of {@code v}, or null. */
  public static Object readValue(FieldVector v, int index) {
    return ArrowCells.get(v, index);
  }

  private static FieldVector vector(VectorSchemaRoot root, String column) {
    FieldVector v = root.getVector(column);
    if (v == null) {
      throw new IllegalArgumentException("no column '" + column + "' in " + root.getSchema());
    }
    return v;
  }
}
