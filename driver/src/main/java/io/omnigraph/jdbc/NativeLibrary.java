package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lance loads its native library from {@code nativelib/<os>-<arch>/} inside its jar. A per-platform
 * bundle of the driver holds one platform's library only; used on another platform the first graph
 * open fails inside Lance's static initializer ("cannot find /nativelib/..., broken package?"). This
 * class turns that into a message saying which jar to use.
 */
final class NativeLibrary {
  private static final Pattern MISSING = Pattern.compile("cannot find (/nativelib/\\S+?)[,\\s]");

  private NativeLibrary() {}

  /** The library path Lance looked for when the failure is a missing native library, else null. */
  static String missingPath(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      Matcher m = MISSING.matcher(String.valueOf(c.getMessage()) + " ");
      if (m.find()) return m.group(1);
    }
    return null;
  }

  static SQLException missing(String path, Throwable cause) {
    return SqlState.CONNECTION_UNABLE_TO_CONNECT.exception("the driver jar holds no Lance native library for this"
        + " platform (" + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; Lance looked for "
        + path + "): use the bundle jar for this platform or the all-platform bundle (docs/dbeaver.md)", cause);
  }
}
