package io.omnigraph.engine.write;

import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.Rule;
import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.Property;
import io.omnigraph.engine.schema.RowChecks;
import io.omnigraph.engine.schema.Values;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Many rows of one type given as the same columns, prepared as {@link RowPreparer} prepares one:
 * every value converted once to its column's canonical type, the id derived, supplied or generated,
 * the single-row checks run. The work per column (which property, which conversion) is decided
 * once for the whole batch, and each row is kept as one array of cells in the table's column order
 * behind a read-only {@link Map} view, rather than as a map of its own.
 */
final class BulkRows {
  private BulkRows() {}

  /** What one input column feeds. */
  private enum Role { ID, SRC, DST, PROPERTY }

  /**
   * The prepared rows, in input order.
   *
   * @param columns the input columns, each a column of {@code type}
   * @param rows one list of values per row, in the order of {@code columns}; a null id asks for the
   *     derived or generated one
   * @param refused told the index of the row a failure belongs to, before the failure is thrown
   */
  static List<Map<String, Object>> prepare(EntityType type, List<String> columns, List<? extends List<?>> rows,
      Supplier<String> newId, IntConsumer refused) {
    Layout layout = Layout.of(type);
    int width = columns.size();
    Role[] roles = new Role[width];
    Property[] properties = new Property[width];
    int[] slots = new int[width];
    for (int c = 0; c < width; c++) {
      String column = columns.get(c);
      Integer slot = layout.slots.get(column);
      if (slot == null) throw OmniGraphException.badInput("unknown input field '" + column + "' for " + type.name());
      slots[c] = slot;
      roles[c] = switch (column) {
        case "id" -> Role.ID;
        case "src" -> type instanceof EdgeType ? Role.SRC : Role.PROPERTY;
        case "dst" -> type instanceof EdgeType ? Role.DST : Role.PROPERTY;
        default -> Role.PROPERTY;
      };
      if (roles[c] == Role.PROPERTY) properties[c] = layout.properties[slot];
    }
    boolean hasSrc = columns.contains("src") && type instanceof EdgeType;
    boolean hasDst = columns.contains("dst") && type instanceof EdgeType;
    int idSlot = layout.slots.get("id");
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      try {
        out.add(prepareRow(type, layout, rows.get(r), roles, properties, slots, idSlot, hasSrc, hasDst, newId));
      } catch (RuntimeException e) {
        refused.accept(r);
        throw e;
      }
    }
    return out;
  }

  private static Map<String, Object> prepareRow(EntityType type, Layout layout, List<?> values, Role[] roles,
      Property[] properties, int[] slots, int idSlot, boolean hasSrc, boolean hasDst, Supplier<String> newId) {
    if (values.size() != roles.length) {
      throw OmniGraphException.badInput("a row of " + type.name() + " has " + values.size() + " values for "
          + roles.length + " columns");
    }
    Object[] cells = new Object[layout.names.length];
    Object supplied = null;
    for (int c = 0; c < roles.length; c++) {
      Object v = values.get(c);
      switch (roles[c]) {
        case ID -> supplied = v;
        case PROPERTY -> cells[slots[c]] = v == null ? null : Values.coerce(properties[c], v, type.name());
        case SRC, DST -> cells[slots[c]] = v;
      }
    }
    Row row = new Row(layout, cells);
    String id = RowPreparer.idOf(type, row, supplied, newId);
    cells[idSlot] = id;
    if (type instanceof EdgeType edge) {
      endpoint(edge, hasSrc, cells[layout.slots.get("src")], "src", id);
      endpoint(edge, hasDst, cells[layout.slots.get("dst")], "dst", id);
    }
    RowChecks.checkValues(type, id, row);
    return row;
  }

  private static void endpoint(EdgeType edge, boolean given, Object v, String column, String edgeId) {
    if (!given || v == null) {
      throw new ConstraintViolation(Rule.REQUIRED, edge.name(), edgeId,
          "missing required property '" + column + "' on edge " + edge.name());
    }
    if (!(v instanceof String)) {
      throw new ConstraintViolation(Rule.TYPE, edge.name(), edgeId, edge.name() + "." + column + " must be a node id string");
    }
  }

  /**
   * Prepared rows by id, in order; an id that appears twice is refused, {@code refused} told the
   * index of its second row first.
   */
  static Map<String, Map<String, Object>> byId(EntityType type, List<Map<String, Object>> prepared, IntConsumer refused) {
    Map<String, Map<String, Object>> byId = new java.util.LinkedHashMap<>(prepared.size() * 4 / 3 + 1);
    for (int r = 0; r < prepared.size(); r++) {
      Map<String, Object> row = prepared.get(r);
      String id = (String) row.get("id");
      if (byId.putIfAbsent(id, row) != null) {
        refused.accept(r);
        throw RowPreparer.duplicateInStatement(type, id);
      }
    }
    return byId;
  }

  /** The index of the row with {@code id} among {@code rows}, or -1. */
  static int indexOf(List<Map<String, Object>> rows, String id) {
    for (int r = 0; r < rows.size(); r++) if (id.equals(rows.get(r).get("id"))) return r;
    return -1;
  }

  /**
   * A table's columns in its order, each column's slot, and by slot the property it holds (null for
   * the identity columns {@code id}, {@code src} and {@code dst}): shared by every row of a batch.
   */
  record Layout(String[] names, Map<String, Integer> slots, Property[] properties) {
    static Layout of(EntityType type) {
      List<String> names = type.columnNames();
      Map<String, Integer> slots = new HashMap<>();
      Property[] properties = new Property[names.size()];
      for (int i = 0; i < names.size(); i++) {
        slots.put(names.get(i), i);
        properties[i] = type.property(names.get(i)).orElse(null);
      }
      return new Layout(names.toArray(String[]::new), slots, properties);
    }
  }

  /**
   * One prepared row: its cells in the table's column order, seen as an unmodifiable map from every
   * column name to its value (null included), like the maps {@link RowPreparer} builds.
   */
  static final class Row extends AbstractMap<String, Object> {
    private final Layout layout;
    private final Object[] cells;

    /** A row whose {@code cells} are in {@code layout}'s order; the array is the row's from then on. */
    Row(Layout layout, Object[] cells) {
      this.layout = layout;
      this.cells = cells;
    }

    @Override
    public Object get(Object key) {
      Integer slot = layout.slots.get(key);
      return slot == null ? null : cells[slot];
    }

    /** Sets a cell while the row is being prepared, before anyone else sees it. */
    void set(String column, Object value) {
      cells[layout.slots.get(column)] = value;
    }

    @Override
    public boolean containsKey(Object key) {
      return layout.slots.containsKey(key);
    }

    @Override
    public int size() {
      return cells.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, Object>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < cells.length;
            }

            @Override
            public Entry<String, Object> next() {
              if (next >= cells.length) throw new NoSuchElementException();
              int i = next++;
              return new SimpleImmutableEntry<>(layout.names[i], cells[i]);
            }
          };
        }

        @Override
        public int size() {
          return cells.length;
        }
      };
    }
  }
}
