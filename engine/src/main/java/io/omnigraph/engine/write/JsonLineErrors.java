package io.omnigraph.engine.write;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a line of a JSONL load that is not valid JSON, in terms of the line: the
 * JSON parser's own text names its input source, character codes and Java types, none of which
 * helps someone fixing the file.
 */
final class JsonLineErrors {
  private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\)(?::\\s*(.*))?");
  private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '(.*?)'");
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*?)'");

  private JsonLineErrors() {}

  /** {@code line N, column C: not valid JSON: <what>}. */
  static String describe(int lineNo, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = "line " + lineNo + (at != null && at.getColumnNr() > 0 ? ", column " + at.getColumnNr() : "");
    return where + ": not valid JSON: " + what(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
  }

  static String what(String message) {
    String first = message.lines().findFirst().orElse("").strip();
    Matcher m;
    if (first.startsWith("Unexpected end-of-input")) {
      if (first.contains("for Object")) return "the line ends inside an object (a '}' is missing)";
      if (first.contains("for Array")) return "the line ends inside an array (a ']' is missing)";
      if (first.contains("in a String") || first.contains("String value")) return "the line ends inside a string";
      return "the line ends early";
    }
    if ((m = DUPLICATE.matcher(first)).find()) return "member '" + m.group(1) + "' appears twice";
    if (first.startsWith("Trailing token")) return "something follows the object; write one object per line";
    if ((m = UNRECOGNIZED.matcher(first)).find()) {
      return "unrecognized word '" + m.group(1) + "' (strings need double quotes; other values are numbers,"
          + " true, false, null, arrays and objects)";
    }
    if ((m = UNEXPECTED_CHAR.matcher(first)).find()) {
      String expecting = m.group(2) == null ? "" : m.group(2);
      if (expecting.contains("double-quote to start field name")) {
        return "unexpected character '" + m.group(1) + "': member names need double quotes";
      }
      return "unexpected character '" + m.group(1) + "'"
          + (expecting.isEmpty() ? "" : ": " + expecting.replace("was expecting", "expected"));
    }
    if (first.startsWith("Illegal unquoted character")) return "a string holds a raw control character; escape it";
    // Anything else: the parser's sentence without its source description.
    return first.replaceAll("\\s*\\(code \\d+\\)", "").replaceAll("\\s*\\[Source:.*", "").replaceAll("\\s*\\(start marker at.*", "");
  }
}
