package io.omnigraph.jdbc;

import java.sql.ResultSet;
import java.util.List;

/**
 * What one executed statement produced: a result set, or an update count with the ids of the rows
 * it inserted.
 */
record ExecutionResult(ResultSet resultSet, long updateCount, List<String> generatedIds) {

  static ExecutionResult rows(ResultSet resultSet) {
    return new ExecutionResult(resultSet, -1, List.of());
  }

  static ExecutionResult count(long updateCount) {
    return new ExecutionResult(null, updateCount, List.of());
  }

  static ExecutionResult count(long updateCount, List<String> generatedIds) {
    return new ExecutionResult(null, updateCount, List.copyOf(generatedIds));
  }

  boolean hasResultSet() {
    return resultSet != null;
  }
}
