package io.omnigraph.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at each {@code ;} that is outside a quoted string or
 * identifier ({@code '...'}, {@code "..."}, a doubled quote standing for itself) and outside a
 * comment ({@code -- ...} to the end of the line, {@code /* ... *}{@code /}). Statements holding
 * only whitespace and comments are dropped, and comments before a statement's first token are left
 * out of it (the driver recognises graph control statements by their first word); each kept
 * statement knows the line it starts on.
 */
final class ScriptStatements {
  private ScriptStatements() {}

  /** One statement of a script: its text without the {@code ;} and the 1-based line of its first token. */
  record Statement(int line, String sql) {}

  static List<Statement> split(String script) {
    List<Statement> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int line = 1;
    int startLine = -1; // line of the current statement's first token; -1 while it has none
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == '-' && script.startsWith("--", i)) {
        int end = script.indexOf('\n', i);
        end = end < 0 ? script.length() : end;
        if (startLine >= 0) current.append(script, i, end);
        i = end;
      } else if (c == '/' && script.startsWith("/*", i)) {
        int end = script.indexOf("*/", i + 2);
        end = end < 0 ? script.length() : end + 2;
        line += newlines(script, i, end);
        if (startLine >= 0) current.append(script, i, end);
        i = end;
      } else if (c == '\'' || c == '"') {
        if (startLine < 0) startLine = line;
        int end = closingQuote(script, i);
        line += newlines(script, i, end);
        current.append(script, i, end);
        i = end;
      } else if (c == ';') {
        if (startLine >= 0) out.add(new Statement(startLine, current.toString().strip()));
        current.setLength(0);
        startLine = -1;
        i++;
      } else {
        if (c == '\n') line++;
        else if (startLine < 0 && !Character.isWhitespace(c)) startLine = line;
        current.append(c);
        i++;
      }
    }
    if (startLine >= 0) out.add(new Statement(startLine, current.toString().strip()));
    return out;
  }

  /** The index after the quote that closes the one at {@code start} (or the script's end if none does). */
  private static int closingQuote(String script, int start) {
    char quote = script.charAt(start);
    int i = start + 1;
    while (i < script.length()) {
      if (script.charAt(i) == quote) {
        if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return script.length();
  }

  private static int newlines(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) if (s.charAt(i) == '\n') n++;
    return n;
  }
}
