package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.storage.StorageOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/** Opens (or, with {@code create=true}, initializes) the graph a connection names. */
final class GraphOpener {
  private GraphOpener() {}

  static Graph open(ConnectionSettings s) throws SQLException {
    ArrowAccess.requireOpen();
    StorageOptions storage;
    try {
      storage = new StorageOptions(s.storage());
    } catch (IllegalArgumentException e) {
      throw SqlState.CONNECTION_REJECTED.exception(e.getMessage(), e);
    }
    try {
      if (!Graph.exists(s.location(), storage)) {
        if (!s.create()) {
          throw SqlState.CONNECTION_UNABLE_TO_CONNECT.exception("no graph at " + s.location()
              + "; to create one, connect with create=true&schema=<file.pg>");
        }
        Graph created;
        try {
          created = Graph.init(s.location(), schemaSource(s), storage, s.graphSettings());
        } catch (OmniGraphException e) {
          // A schema that does not compile is bad input in a file the user named: say which.
          if (e.kind() != ErrorKind.BAD_INPUT) throw e;
          throw SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION.exception(
              "the schema file " + s.schema() + " does not compile: " + e.getMessage(), e);
        }
        if (!s.readOnly()) return created;
        created.close();
      }
      return Graph.open(s.location(), s.readOnly(), storage, s.graphSettings());
    } catch (OmniGraphException e) {
      throw SqlErrors.translateAtConnect(e);
    } catch (RuntimeException | LinkageError e) {
      if (ArrowAccess.isMissingFlag(e)) throw ArrowAccess.missingFlag(e);
      String nativeLibrary = NativeLibrary.missingPath(e);
      if (nativeLibrary != null) throw NativeLibrary.missing(nativeLibrary, e);
      throw SqlState.CONNECTION_UNABLE_TO_CONNECT.exception("cannot open the graph at " + s.location() + ": " + e, e);
    } catch (SQLException e) {
      throw e;
    } catch (Exception e) {
      // Lance throws its I/O failures (an object store's refusals among them) as undeclared IOExceptions.
      throw SqlState.CONNECTION_UNABLE_TO_CONNECT.exception("cannot open the graph at " + s.location() + ": " + e, e);
    }
  }

  private static String schemaSource(ConnectionSettings s) throws SQLException {
    if (s.schema() == null) {
      throw SqlState.CONNECTION_UNABLE_TO_CONNECT.exception("create=true needs schema=<file.pg> to initialize " + s.location());
    }
    try {
      return Files.readString(Path.of(s.schema()));
    } catch (IOException | RuntimeException e) {
      throw SqlState.CONNECTION_UNABLE_TO_CONNECT.exception("cannot read the schema file " + s.schema() + ": " + e.getMessage(), e);
    }
  }
}
