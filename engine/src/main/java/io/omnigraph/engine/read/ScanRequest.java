package io.omnigraph.engine.read;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a scan returns: the columns (in order; empty means every column of the table), the rows kept
 * ({@link Predicate#TRUE} for all) and an optional row limit.
 */
public record ScanRequest(List<String> columns, Predicate filter, OptionalLong limit) {
  public ScanRequest {
    columns = List.copyOf(columns);
    Objects.requireNonNull(filter);
    Objects.requireNonNull(limit);
  }

  public static ScanRequest all() {
    return new ScanRequest(List.of(), Predicate.TRUE, OptionalLong.empty());
  }

  public ScanRequest withColumns(List<String> cols) {
    return new ScanRequest(cols, filter, limit);
  }

  public ScanRequest withFilter(Predicate p) {
    return new ScanRequest(columns, p, limit);
  }

  public ScanRequest withLimit(long n) {
    return new ScanRequest(columns, filter, OptionalLong.of(n));
  }
}
