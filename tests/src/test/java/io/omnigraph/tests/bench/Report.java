package io.omnigraph.tests.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The comparison table. Every ratio is OmniGraph's time divided by DuckDB's time for the same
 * work (for throughputs: DuckDB's rate divided by OmniGraph's), so above 1 always means OmniGraph
 * is that many times slower, whatever the unit of the row.
 */
final class Report {
  enum Unit {
    ROWS_PER_SEC("rows/s", false),
    MS("ms", true);

    final String label;
    final boolean lowerIsBetter;

    Unit(String label, boolean lowerIsBetter) {
      this.label = label;
      this.lowerIsBetter = lowerIsBetter;
    }
  }

  private record Line(String measurement, double omni, double duck, Unit unit, String note) {}

  private final List<Line> lines = new ArrayList<>();

  /** {@code duck} may be NaN where DuckDB has nothing comparable. */
  void add(String measurement, double omni, double duck, Unit unit, String note) {
    lines.add(new Line(measurement, omni, duck, unit, note));
    System.err.printf("  %-52s omnigraph %s  duckdb %s%n", measurement, format(omni, unit), format(duck, unit));
  }

  static double ratio(double omni, double duck, Unit unit) {
    if (Double.isNaN(omni) || Double.isNaN(duck) || omni == 0 || duck == 0) return Double.NaN;
    return unit.lowerIsBetter ? omni / duck : duck / omni;
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| measurement | OmniGraph | DuckDB | OmniGraph time ÷ DuckDB time | note |\n");
    out.append("|---|---:|---:|---:|---|\n");
    for (Line l : lines) {
      double r = ratio(l.omni, l.duck, l.unit);
      out.append("| ").append(l.measurement).append(" | ").append(format(l.omni, l.unit)).append(" | ")
          .append(format(l.duck, l.unit)).append(" | ").append(Double.isNaN(r) ? "—" : String.format(r < 1 ? "%.2f×" : "%.1f×", r))
          .append(" | ").append(l.note).append(" |\n");
    }
    return out.toString();
  }

  static String format(double v, Unit unit) {
    if (Double.isNaN(v)) return "—";
    if (unit == Unit.ROWS_PER_SEC) return String.format("%,.0f %s", v, unit.label);
    if (v >= 100) return String.format("%,.0f %s", v, unit.label);
    if (v >= 1) return String.format("%.1f %s", v, unit.label);
    return String.format("%.2f %s", v, unit.label);
  }

  /** Nearest-rank percentile. */
  static double percentile(double[] values, int p) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[Math.max(0, Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1))];
  }
}
