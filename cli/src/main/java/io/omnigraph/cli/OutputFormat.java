package io.omnigraph.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the command prints a statement's outcome. {@code TABLE} draws result sets as aligned text
 * and prints update counts; {@code CSV} prints each result set as a header and rows (RFC 4180
 * quoting, a blank line between result sets) and no update counts; {@code JSON} prints one object
 * per statement on its own line, {@code {"line":3,"columns":[...],"rows":[[...]]}} or
 * {@code {"line":5,"update_count":4}}.
 */
enum OutputFormat {
  TABLE {
    @Override
    void rows(PrintWriter out, int line, ResultSet rs, boolean first) throws SQLException {
      List<String> header = labels(rs);
      List<List<String>> rows = new ArrayList<>();
      while (rs.next()) rows.add(texts(rs, header.size()));
      int[] widths = new int[header.size()];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = header.get(i).length();
        for (List<String> row : rows) widths[i] = Math.max(widths[i], row.get(i).length());
      }
      String rule = rule(widths);
      out.println(rule);
      out.println(line(widths, header));
      out.println(rule);
      for (List<String> row : rows) out.println(line(widths, row));
      out.println(rule);
    }

    @Override
    void updateCount(PrintWriter out, int line, long count) {
      out.println("update count: " + count);
    }
  },
  CSV {
    @Override
    void rows(PrintWriter out, int line, ResultSet rs, boolean first) throws SQLException {
      if (!first) out.println();
      List<String> header = labels(rs);
      out.println(csvLine(header));
      while (rs.next()) out.println(csvLine(texts(rs, header.size())));
    }

    @Override
    void updateCount(PrintWriter out, int line, long count) {}
  },
  JSON {
    @Override
    void rows(PrintWriter out, int line, ResultSet rs, boolean first) throws SQLException {
      List<String> header = labels(rs);
      StringBuilder json = new StringBuilder("{\"line\":").append(line).append(",\"columns\":[");
      for (int i = 0; i < header.size(); i++) {
        if (i > 0) json.append(',');
        string(json, header.get(i));
      }
      json.append("],\"rows\":[");
      boolean firstRow = true;
      while (rs.next()) {
        json.append(firstRow ? "[" : ",[");
        firstRow = false;
        for (int i = 1; i <= header.size(); i++) {
          if (i > 1) json.append(',');
          value(json, rs, i);
        }
        json.append(']');
      }
      out.println(json.append("]}"));
    }

    @Override
    void updateCount(PrintWriter out, int line, long count) {
      out.println("{\"line\":" + line + ",\"update_count\":" + count + "}");
    }
  };

  /**
   * Prints a result set; {@code line} is where its statement starts in the script (1 outside
   * scripts), {@code first} whether no result set was printed before it.
   */
  abstract void rows(PrintWriter out, int line, ResultSet rs, boolean first) throws SQLException;

  abstract void updateCount(PrintWriter out, int line, long count);

  private static List<String> labels(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) labels.add(md.getColumnLabel(i));
    return labels;
  }

  /** The current row's values as text; SQL NULL is the empty string. */
  private static List<String> texts(ResultSet rs, int columns) throws SQLException {
    List<String> row = new ArrayList<>(columns);
    for (int i = 1; i <= columns; i++) {
      String s = rs.getString(i);
      row.add(s == null ? "" : s);
    }
    return row;
  }

  private static String rule(int[] widths) {
    StringBuilder s = new StringBuilder("+");
    for (int w : widths) s.append("-".repeat(w + 2)).append('+');
    return s.toString();
  }

  private static String line(int[] widths, List<String> cells) {
    StringBuilder s = new StringBuilder("|");
    for (int i = 0; i < widths.length; i++) {
      String cell = cells.get(i);
      s.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
    }
    return s.toString();
  }

  private static String csvLine(List<String> cells) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) s.append(',');
      String cell = cells.get(i);
      boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
          || cell.indexOf('\r') >= 0;
      s.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
    }
    return s.toString();
  }

  /** Numbers and booleans stay JSON numbers and booleans; NULL is null; everything else is its text. */
  private static void value(StringBuilder json, ResultSet rs, int column) throws SQLException {
    Object v = rs.getObject(column);
    if (v == null) {
      json.append("null");
    } else if (v instanceof Boolean) {
      json.append(v);
    } else if (v instanceof BigDecimal d) {
      json.append(d.toPlainString());
    } else if (v instanceof Number n && finite(n)) {
      json.append(n);
    } else {
      string(json, rs.getString(column));
    }
  }

  private static boolean finite(Number n) {
    return !(n instanceof Double d && !Double.isFinite(d)) && !(n instanceof Float f && !Float.isFinite(f));
  }

  private static void string(StringBuilder json, String s) {
    json.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) json.append(String.format("\\u%04x", (int) c));
          else json.append(c);
        }
      }
    }
    json.append('"');
  }
}
