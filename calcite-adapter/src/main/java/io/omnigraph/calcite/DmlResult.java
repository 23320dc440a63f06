package io.omnigraph.calcite;

import java.util.List;

/**
 * The outcome of one DML statement.
 *
 * @param count rows inserted, updated, upserted or deleted (incident edges removed by a node
 *     delete are not counted)
 * @param generatedIds ids of the rows written by INSERT, UPSERT and the insert branch of MERGE, in
 *     source row order; empty for UPDATE and DELETE
 */
public record DmlResult(long count, List<String> generatedIds) {
  public DmlResult {
    generatedIds = List.copyOf(generatedIds);
  }
}
