package io.omnigraph.engine.read;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Grouped aggregates over the rows of one table that pass {@code filter}: one result row per
 * distinct combination of the {@code groupBy} columns (exactly one row when there are none), holding
 * the group's values and then one value per measure.
 *
 * <p>Result values: group columns as a scan returns them; COUNT a {@code Long}; SUM of an integer
 * column exact, a {@code Long} or, beyond 64 bits, a {@code BigInteger}; SUM a {@code Double} for
 * floating columns or {@code asDouble}; MIN and MAX
 * the column's value ({@code Double} with {@code asDouble}). SUM, MIN and MAX of no non-null value
 * are null.
 */
public record Aggregation(List<String> groupBy, List<Measure> measures, Predicate filter) {
  public enum Function { COUNT, SUM, MIN, MAX }

  /**
   * One aggregate. {@code column} is null only for COUNT, which then counts rows; otherwise null
   * values are skipped. {@code asDouble} casts the column's values to double before aggregating.
   */
  public record Measure(Function function, String column, boolean asDouble) {
    public Measure {
      Objects.requireNonNull(function);
      if (column == null && function != Function.COUNT) throw new IllegalArgumentException(function + " needs a column");
    }

    @Override
    public String toString() {
      String arg = column == null ? "*" : asDouble ? "CAST(" + column + " AS DOUBLE)" : column;
      return function + "(" + arg + ")";
    }
  }

  public Aggregation {
    groupBy = List.copyOf(groupBy);
    measures = List.copyOf(measures);
    Objects.requireNonNull(filter);
  }

  /** Every column the aggregation reads, grouping columns first. */
  public List<String> columnsRead() {
    Set<String> out = new LinkedHashSet<>(groupBy);
    for (Measure m : measures) if (m.column() != null) out.add(m.column());
    out.addAll(Predicate.columnsOf(filter));
    if (out.isEmpty()) out.add("id");
    return List.copyOf(out);
  }
}
