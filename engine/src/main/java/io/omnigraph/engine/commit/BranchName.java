package io.omnigraph.engine.commit;

import io.omnigraph.engine.error.OmniGraphException;

/**
 * A valid name for a new graph branch (SPEC §3.2): slash-separated segments of Unicode letters,
 * digits, {@code .}, {@code -} and {@code _}; never {@code main}, never an internal name. Checked
 * before any storage effect.
 */
public record BranchName(String value) {
  public static final String MAIN = "main";
  /** Internal branches are prefixed so that they never collide with, or show among, user branches. */
  public static final String INTERNAL_PREFIX = "__";
  static final int MAX_ENCODED_LENGTH = 200;

  public BranchName {
    value = value == null ? "" : value.strip();
    String why = problem(value);
    if (why != null) throw OmniGraphException.badInput("invalid branch name '" + value + "': " + why);
  }

  static String problem(String v) {
    if (v.isEmpty()) return "a branch name must not be empty";
    if (v.startsWith("/") || v.endsWith("/")) return "a branch name may not start or end with '/'";
    if (v.contains("//")) return "empty path segments are not allowed";
    if (v.contains("\\")) return "'\\' is not allowed";
    if (v.endsWith(".lock")) return "a branch name may not end with '.lock'";
    // Storage names a branch's ref file by the URL-encoded name; file systems cap names at 255 bytes.
    int encoded = java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8).length();
    if (encoded > MAX_ENCODED_LENGTH) {
      return "too long: URL-encoded it takes " + encoded + " characters, at most " + MAX_ENCODED_LENGTH
          + " are allowed (a non-ASCII character takes 6 to 12)";
    }
    for (String seg : v.split("/")) {
      if (seg.equals("..") || seg.equals(".")) return "'" + seg + "' segments are not allowed";

      for (int i = 0; i < seg.length(); ) {
        int cp = seg.codePointAt(i);
        if (!Character.isLetterOrDigit(cp) && cp != '.' && cp != '-' && cp != '_') {
          return "character '" + new String(Character.toChars(cp)) + "' is not allowed; allowed are letters, digits, '.', '-', '_' and '/' between segments";
        }
        i += Character.charCount(cp);
      }
    }
    return null;
  }

  public static boolean isInternal(String name) {
    return name.startsWith(INTERNAL_PREFIX);
  }

  /** True when one name is a path ancestor of the other: both cannot exist as Lance branches. */
  public boolean overlaps(String other) {
    return value.startsWith(other + "/") || other.startsWith(value + "/");
  }
}
