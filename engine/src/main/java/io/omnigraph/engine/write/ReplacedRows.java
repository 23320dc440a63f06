package io.omnigraph.engine.write;

import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.Property;
import io.omnigraph.engine.schema.RowChecks;
import io.omnigraph.engine.schema.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Full row images of rows just read, turned into the rows the engine stores: the refusals of an
 * update for the assigned columns, every value converted to its column's canonical type (an image
 * comes through other layers: SQL reads a DATE back as a day count, an array as a list) and the
 * single-row checks. Rows are kept as arrays of cells behind {@link BulkRows.Row}, so a set-based
 * UPDATE of many rows builds no map per row.
 */
final class ReplacedRows {
  private ReplacedRows() {}

  /** The images given as maps, one per row, each naming every column of {@code type}. */
  static List<Map<String, Object>> fromMaps(EntityType type, Set<String> assigned, List<Map<String, Object>> images) {
    BulkRows.Layout layout = BulkRows.Layout.of(type);
    List<Map<String, Object>> out = new ArrayList<>(images.size());
    for (Map<String, Object> image : images) {
      String id = idOf(type, image.get("id"));
      checkColumns(type, layout, assigned, image.keySet(), id);
      Object[] cells = new Object[layout.names().length];
      for (int i = 0; i < cells.length; i++) cells[i] = image.get(layout.names()[i]);
      out.add(row(type, layout, assigned, cells, id));
    }
    return out;
  }

  /**
   * The images given as one array of cells per row, in the order of {@code columns}, which must
   * name every column of {@code type}.
   */
  static List<Map<String, Object>> fromArrays(EntityType type, Set<String> assigned, List<String> columns,
      List<Object[]> images) {
    BulkRows.Layout layout = BulkRows.Layout.of(type);
    List<Map<String, Object>> out = new ArrayList<>(images.size());
    if (images.isEmpty()) return out;
    int idColumn = columns.indexOf("id");
    checkColumns(type, layout, assigned, columns, idOf(type, idColumn < 0 ? null : images.get(0)[idColumn]));
    int width = layout.names().length;
    int[] slots = new int[columns.size()];
    for (int c = 0; c < slots.length; c++) slots[c] = layout.slots().get(columns.get(c));
    for (Object[] image : images) {
      if (image.length != slots.length) {
        throw OmniGraphException.badInput("a row image of " + type.name() + " has " + image.length + " values for "
            + slots.length + " columns");
      }
      Object[] cells = new Object[width];
      for (int c = 0; c < slots.length; c++) cells[slots[c]] = image[c];
      out.add(row(type, layout, assigned, cells, idOf(type, image[idColumn])));
    }
    return out;
  }

  private static String idOf(EntityType type, Object id) {
    if (!(id instanceof String s)) throw OmniGraphException.badInput("a row image of " + type.name() + " has no id");
    return s;
  }

  /** Every assigned column may change and is given; the columns are exactly the type's. */
  private static void checkColumns(EntityType type, BulkRows.Layout layout, Set<String> assigned,
      java.util.Collection<String> given, String id) {
    for (String column : assigned) {
      RowPreparer.checkAssignable(type, id, column);
      if (!given.contains(column)) {
        throw OmniGraphException.badInput("the image of " + type.name() + " '" + id + "' lacks assigned column '"
            + column + "'");
      }
    }
    for (String column : layout.names()) {
      if (!given.contains(column)) {
        throw OmniGraphException.badInput("the image of " + type.name() + " '" + id + "' lacks column '" + column + "'");
      }
    }
    for (String column : given) {
      if (!layout.slots().containsKey(column)) {
        throw OmniGraphException.badInput("unknown property '" + column + "' for " + type.name());
      }
    }
  }

  /** {@code cells} in the layout's order, converted in place and checked. */
  private static Map<String, Object> row(EntityType type, BulkRows.Layout layout, Set<String> assigned, Object[] cells,
      String id) {
    Property[] properties = layout.properties();
    for (int i = 0; i < cells.length; i++) {
      Property p = properties[i];
      Object v = cells[i];
      if (p == null || v == null) continue;
      // An unassigned value of its canonical class is the stored one, read back: nothing to convert.
      if (assigned.contains(p.name()) || !Values.isCanonical(p.type(), v)) cells[i] = Values.coerce(p, v, type.name());
    }
    BulkRows.Row row = new BulkRows.Row(layout, cells);
    row.set("id", id);
    if (type instanceof EdgeType edge) {
      RowPreparer.endpoint(edge, row, "src", id);
      RowPreparer.endpoint(edge, row, "dst", id);
    }
    RowChecks.checkValues(type, id, row);
    return row;
  }
}
