package io.omnigraph.engine.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.omnigraph.engine.storage.ManifestRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A state stepped from the previous one and the rows written since equals a full decode of all rows. */
class ManifestStateTest {
  private final Map<String, ManifestRow> rows = new LinkedHashMap<>();
  private final Map<String, GraphCommit> decoded = new HashMap<>();

  @Test
  void steppingEqualsDecodingEverything() {
    TableEntry person = new TableEntry("node:Person", 1, 1, "nodes/p", 1, null, 0);
    TableEntry knows = new TableEntry("edge:Knows", 2, 1, "edges/k", 1, null, 0);
    write(flat(ManifestState.registrationRow(person), ManifestState.versionRow(person),
        ManifestState.registrationRow(knows), ManifestState.versionRow(knows), commit("c1", 1, null)));
    ManifestState state = ManifestState.decode("main", 1, rows.values(), decoded);
    String parent = "c1";
    for (long v = 2; v <= 6; v++) {
      TableEntry moved = new TableEntry("node:Person", 1, 1, "nodes/p", v, null, v * 10);
      List<ManifestRow> changed = flat(ManifestState.versionRow(moved), commit("c" + v, v, parent));
      write(changed);
      ManifestState stepped = state.next(v, changed, decoded);
      assertNotNull(stepped, "version " + v);
      assertSame(ManifestState.decode("main", v, rows.values(), decoded), stepped);
      state = stepped;
      parent = "c" + v;
    }
    assertEquals(60, state.table(1).rowCount());
    assertEquals("c6", state.headCommitId());
    assertNotNull(state.commit("c3"));
  }

  @Test
  void changesThatNeedTheWholeHistoryAreLeftToAFullDecode() {
    TableEntry person = new TableEntry("node:Person", 1, 1, "nodes/p", 1, null, 0);
    write(flat(ManifestState.registrationRow(person), ManifestState.versionRow(person), commit("c1", 1, null)));
    ManifestState state = ManifestState.decode("main", 1, rows.values(), decoded);
    TableEntry company = new TableEntry("node:Company", 3, 1, "nodes/c", 1, null, 0);
    assertNull(state.next(2, flat(ManifestState.registrationRow(company), ManifestState.versionRow(company),
        commit("c2", 2, "c1")), decoded), "a new table");
    TableEntry recreated = new TableEntry("node:Person", 1, 2, "nodes/p2", 1, null, 0);
    assertNull(state.next(2, flat(ManifestState.versionRow(recreated), commit("c2", 2, "c1")), decoded),
        "a new incarnation");
    assertNull(state.next(2, List.of(ManifestState.commitRow(state.commit("c1"))), decoded), "a rewritten commit row");
  }

  private static void assertSame(ManifestState expected, ManifestState actual) {
    assertEquals(List.copyOf(expected.tables()), List.copyOf(actual.tables()));
    assertEquals(expected.commits(), actual.commits());
    assertEquals(expected.headCommitId(), actual.headCommitId());
    assertEquals(expected.version(), actual.version());
  }

  /** A commit's two rows: the commit and the branch's moved head. */
  private static List<ManifestRow> commit(String id, long version, String parent) {
    GraphCommit c = new GraphCommit(id, null, version, parent, null, "t", version * 1000);
    return List.of(ManifestState.commitRow(c), ManifestState.headRow("main", id, parent));
  }

  /** Rows and lists of rows, as one list. */
  private static List<ManifestRow> flat(Object... parts) {
    List<ManifestRow> out = new ArrayList<>();
    for (Object o : parts) {
      if (o instanceof ManifestRow r) out.add(r);
      else for (Object r : (List<?>) o) out.add((ManifestRow) r);
    }
    return out;
  }

  private void write(List<ManifestRow> changed) {
    changed.forEach(r -> rows.put(r.objectId(), r));
  }
}
