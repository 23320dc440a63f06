package io.omnigraph.engine.merge;

import static io.omnigraph.engine.merge.MergeFixtures.edgeIds;
import static io.omnigraph.engine.merge.MergeFixtures.knows;
import static io.omnigraph.engine.merge.MergeFixtures.person;
import static io.omnigraph.engine.merge.MergeFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeFeedTest {
  @TempDir Path dir;
  Graph g;
  ChangeFeed feed;

  @BeforeEach
  void setUp() {
    g = MergeFixtures.people(dir.resolve("g"));
    feed = new ChangeFeed(g.context());
  }

  @AfterEach
  void tearDown() {
    g.close();
  }

  private static EntityChange node(String id, ChangeOp op) {
    return new EntityChange("node", "Person", id, op, null, null);
  }

  @Test
  void diffBetweenTwoCommitsListsNodesThenEdgesById() {
    Snapshot before = g.snapshot("main");
    String bobCarol = edgeIds(before, "Knows", "Bob").get(0);
    write(g, "main", tx -> tx.insert("Person", List.of(person("Eve", 22))));
    write(g, "main", tx -> tx.update("Person", Predicate.eq("name", "Carol"), Map.of("age", 41)));
    write(g, "main", tx -> tx.delete("Person", Predicate.eq("name", "Bob")));
    Snapshot after = g.snapshotAtCommit(g.snapshot("main").headCommitId());

    ChangeSet changes = feed.diff(g.snapshotAtCommit(before.headCommitId()), after);

    assertEquals(List.of(node("Bob", ChangeOp.DELETE), node("Carol", ChangeOp.UPDATE), node("Eve", ChangeOp.INSERT),
        new EntityChange("edge", "Knows", bobCarol, ChangeOp.DELETE, "Bob", "Carol")), changes.changes());
    assertEquals(before.manifestVersion(), changes.fromVersion());
    assertEquals(after.manifestVersion(), changes.toVersion());
  }

  @Test
  void diffTheOtherWayRoundInvertsTheOperations() {
    Snapshot before = g.snapshot("main");
    String bobCarol = edgeIds(before, "Knows", "Bob").get(0);
    write(g, "main", tx -> tx.insert("Person", List.of(person("Eve", 22))));
    write(g, "main", tx -> tx.delete("Person", Predicate.eq("name", "Bob")));

    ChangeSet back = feed.diff(g.snapshot("main"), before);

    assertEquals(List.of(node("Bob", ChangeOp.INSERT), node("Eve", ChangeOp.DELETE),
        new EntityChange("edge", "Knows", bobCarol, ChangeOp.INSERT, "Bob", "Carol")), back.changes());
  }

  @Test
  void identicalStatesAndNetZeroWritesHaveNoChanges() {
    Snapshot before = g.snapshot("main");
    assertTrue(feed.diff(before, g.snapshot("main")).isEmpty());
    write(g, "main", tx -> tx.insert("Knows", List.of(knows("Alice", "Dan"))));
    write(g, "main", tx -> tx.delete("Knows", Predicate.eq("src", "Alice")));
    write(g, "main", tx -> tx.upsert("Person", List.of(person("Alice", 30))));
    assertTrue(feed.diff(before, g.snapshot("main")).isEmpty());
  }

  @Test
  void diffBetweenTwoBranchesShowsBothSidesChanges() {
    g.createBranch("feature", "main");
    write(g, "feature", tx -> tx.insert("Person", List.of(person("Eve", 22))));
    write(g, "main", tx -> tx.update("Person", Predicate.eq("name", "Dan"), Map.of("age", 51)));

    ChangeSet changes = feed.diff(g.snapshot("main"), g.snapshot("feature"));

    assertEquals(List.of(node("Dan", ChangeOp.UPDATE), node("Eve", ChangeOp.INSERT)), changes.changes());
  }

  @Test
  void diffAgainstATransactionShowsItsPendingChanges() {
    Snapshot before = g.snapshot("main");
    try (GraphTransaction tx = g.begin("main", null)) {
      tx.insert("Person", List.of(person("Eve", 22)));
      tx.update("Person", Predicate.eq("name", "Alice"), Map.of("age", 31));
      assertEquals(List.of(node("Alice", ChangeOp.UPDATE), node("Eve", ChangeOp.INSERT)), feed.diff(before, tx).changes());
    }
  }

  @Test
  void readingByVersionStampFindsWhatAFullComparisonFinds() {
    try (Graph users = Graph.init(dir.resolve("users").toString(), MergeConstraintTest.USERS)) {
      write(users, "main", tx -> tx.insert("User", List.of(Map.of("name", "Alice"), Map.of("name", "Bob"), Map.of("name", "Carol"))));
      Snapshot base = users.snapshot("main");
      users.createBranch("feature", "main");
      // Follows was never written before the fork; User was.
      write(users, "feature", tx -> tx.insert("Follows", List.of(knows("Alice", "Bob"), knows("Bob", "Carol"))));
      write(users, "feature", tx -> tx.upsert("User", List.of(Map.of("name", "Alice", "email", "a@x"), Map.of("name", "Dave"))));
      write(users, "feature", tx -> tx.delete("Follows", Predicate.eq("src", "Bob")));
      write(users, "feature", tx -> tx.removeById("User", List.of("Carol")));
      write(users, "feature", tx -> tx.upsert("User", List.of(Map.of("name", "Bob"))));
      Snapshot head = users.snapshot("feature");
      TableDiff diff = new TableDiff(users.context().tables());
      for (EntityType type : users.catalog().allTypes()) {
        List<String> byStamp = summary(diff.changes(base, head, type, true));
        List<String> full = summary(diff.changes(base, head, type, false));
        assertEquals(full, byStamp, type.name());
      }
      assertEquals(List.of("Alice UPDATE", "Carol DELETE", "Dave INSERT"),
          summary(diff.changes(base, head, users.catalog().type("User").orElseThrow(), true)));
    }
  }

  private static List<String> summary(List<RowChange> changes) {
    return changes.stream().map(c -> c.id() + " " + c.op()).toList();
  }

  @Test
  void viewsOfTheSameCommitReadFromDifferentBranchesAreEqual() {
    g.createBranch("feature", "main");
    ReadView main = g.snapshot("main");
    assertTrue(feed.diff(main, g.snapshot("feature")).isEmpty());
  }
}
