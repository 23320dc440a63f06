package io.omnigraph.calcite;

import java.sql.SQLException;

/** A piece of JDBC work run inside some scoped setting (a pinned view, the names to fold by, a stop signal). */
@FunctionalInterface
public interface SqlWork<T> {
  T run() throws SQLException;
}
