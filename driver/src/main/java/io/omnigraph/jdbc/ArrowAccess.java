package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.nio.Buffer;
import java.sql.SQLException;

/**
 * Arrow's memory layer reads {@code java.nio.Buffer}'s private address field, which Java 17 allows
 * only when the JVM was started with {@code --add-opens=java.base/java.nio=...}. Without it the
 * first graph open fails deep inside Arrow with "Failed to initialize MemoryUtil"; this class turns
 * that into a message naming the exact flag, and probes for it before anything is opened.
 */
final class ArrowAccess {
  private static final String MEMORY_UTIL = "org.apache.arrow.memory.util.MemoryUtil";

  private ArrowAccess() {}

  /** Fails with a connection error naming the flag when Arrow cannot reach {@code java.nio}. */
  static void requireOpen() throws SQLException {
    Module arrow = arrowModule();
    if (arrow != null && !Buffer.class.getModule().isOpen("java.nio", arrow)) throw missingFlag(null);
  }

  /** True when a failure from the engine is Arrow's refusal to start without the flag. */
  static boolean isMissingFlag(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String m = c.getMessage();
      if (m != null && m.contains("MemoryUtil")) return true;
    }
    return false;
  }

  static SQLException missingFlag(Throwable cause) {
    return SqlState.CONNECTION_UNABLE_TO_CONNECT.exception("OmniGraph needs the JVM option " + flag()
        + " (Arrow's memory layer reads java.nio buffers); add it to the java command line,"
        + " or for DBeaver add it on a line after -vmargs in dbeaver.ini", cause);
  }

  /** The flag for the module Arrow is loaded in: ALL-UNNAMED on the class path. */
  static String flag() {
    Module arrow = arrowModule();
    String target = arrow == null || !arrow.isNamed() ? "ALL-UNNAMED" : arrow.getName();
    return "--add-opens=java.base/java.nio=" + target;
  }

  // Loaded without initialization: initializing MemoryUtil is exactly what fails without the flag.
  private static Module arrowModule() {
    try {
      return Class.forName(MEMORY_UTIL, false, ArrowAccess.class.getClassLoader()).getModule();
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
