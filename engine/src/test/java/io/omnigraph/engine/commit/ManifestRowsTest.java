package io.omnigraph.engine.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.storage.ManifestRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows stacked version on version, across folds, equal a plain map of every row written last. */
class ManifestRowsTest {
  @Test
  void stackedRowsEqualAPlainMapAcrossFolds() {
    Map<String, ManifestRow> expected = new HashMap<>();
    List<ManifestRow> first = List.of(head(0), commit(0));
    first.forEach(r -> expected.put(r.objectId(), r));
    ManifestRows rows = ManifestRows.of(first);
    ManifestRows early = rows;
    for (int v = 1; v <= 3 * ManifestRows.FOLD_AT; v++) {
      List<ManifestRow> changed = List.of(head(v), commit(v));
      changed.forEach(r -> expected.put(r.objectId(), r));
      rows = rows.with(changed);
      if (v % 500 == 0) assertEquals(sorted(expected.values()), sorted(rows.all()), "version " + v);
    }
    assertEquals(sorted(expected.values()), sorted(rows.all()));
    assertTrue(rows.contains("commit-17") && rows.contains(ManifestIds.head("main")));
    assertEquals(2, early.all().size(), "an earlier version's rows are unchanged");
  }

  private static ManifestRow head(int v) {
    return ManifestState.headRow("main", "commit-" + v, v == 0 ? null : "commit-" + (v - 1));
  }

  private static ManifestRow commit(int v) {
    return ManifestState.commitRow(new GraphCommit("commit-" + v, null, v + 1, null, null, "t", v));
  }

  private static List<String> sorted(java.util.Collection<ManifestRow> rows) {
    List<String> out = new ArrayList<>();
    for (ManifestRow r : rows) out.add(r.objectId() + "=" + r.metadata());
    out.sort(null);
    return out;
  }
}
