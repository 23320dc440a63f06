package io.omnigraph.calcite;

import java.util.Locale;

/** Recognizes DML by its leading keywords, without parsing; comments and parentheses are skipped. */
final class DmlKeywords {
  private DmlKeywords() {}

  static boolean isDml(String sql) {
    Scanner s = new Scanner(sql);
    String first = s.word();
    return switch (first) {
      case "INSERT", "UPSERT", "UPDATE", "DELETE" -> true;
      // MERGE BRANCH is a graph control statement; only MERGE INTO is DML.
      case "MERGE" -> s.word().equals("INTO");
      default -> false;
    };
  }

  private static final class Scanner {
    private final String text;
    private int pos;

    Scanner(String text) {
      this.text = text;
    }

    String word() {
      skipNoise();
      int start = pos;
      while (pos < text.length() && Character.isLetter(text.charAt(pos))) pos++;
      return text.substring(start, pos).toUpperCase(Locale.ROOT);
    }

    private void skipNoise() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (Character.isWhitespace(c) || c == '(') {
          pos++;
        } else if (text.startsWith("--", pos)) {
          int end = text.indexOf('\n', pos);
          pos = end < 0 ? text.length() : end + 1;
        } else if (text.startsWith("/*", pos)) {
          int end = text.indexOf("*/", pos + 2);
          pos = end < 0 ? text.length() : end + 2;
        } else {
          return;
        }
      }
    }
  }
}
