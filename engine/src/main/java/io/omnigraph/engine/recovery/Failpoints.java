package io.omnigraph.engine.recovery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named crash points of one graph handle, for tests of the recovery protocol. Armed by test code
 * ({@code graph.context().failpoints().arm(Failpoints.COMMIT_BEFORE_PUBLISH)}) or, for the open
 * of a handle, by the system property {@value #PROPERTY} (comma-separated names). An armed
 * failpoint throws {@link FailpointTriggered} every time it is reached until disarmed. When none
 * is armed, {@link #hit} reads one volatile flag.
 */
public final class Failpoints {
  public static final String PROPERTY = "omnigraph.failpoints";

  /** Every touched table is staged (data files written), nothing durable yet. */
  public static final String COMMIT_AFTER_STAGE = "commit.after_stage";
  /** The recovery sidecar is written, no table committed. */
  public static final String COMMIT_AFTER_SIDECAR = "commit.after_sidecar";
  /** The first touched table is committed; any others are not. */
  public static final String COMMIT_AFTER_TABLE_COMMIT = "commit.after_table_commit";
  /** Every touched table is committed, the manifest is not published. */
  public static final String COMMIT_BEFORE_PUBLISH = "commit.before_publish";
  /** The manifest is published, the sidecar not yet deleted. */
  public static final String COMMIT_AFTER_PUBLISH_BEFORE_SIDECAR_DELETE = "commit.after_publish_before_sidecar_delete";
  /** Recovery restored a roll-back's tables but has not published them. */
  public static final String RECOVERY_AFTER_RESTORE = "recovery.after_restore";
  /** Recovery published its decision but has not audited it or deleted the sidecar. */
  public static final String RECOVERY_AFTER_PUBLISH = "recovery.after_publish";

  private final Set<String> armed = ConcurrentHashMap.newKeySet();
  private volatile boolean any;

  /** A registry with the failpoints named by {@value #PROPERTY} armed. */
  public static Failpoints fromSystemProperty() {
    Failpoints f = new Failpoints();
    String names = System.getProperty(PROPERTY, "");
    for (String n : names.split(",")) {
      if (!n.isBlank()) f.arm(n.strip());
    }
    return f;
  }

  public void arm(String name) {
    if (!name.matches("[a-z_]+(\\.[a-z_]+)+")) {
      throw new IllegalArgumentException("not a failpoint name: '" + name + "'");
    }
    armed.add(name);
    any = true;
  }

  public void disarm(String name) {
    armed.remove(name);
    any = !armed.isEmpty();
  }

  public void disarmAll() {
    armed.clear();
    any = false;
  }

  /** Throws {@link FailpointTriggered} if {@code name} is armed. */
  public void hit(String name) {
    if (any && armed.contains(name)) throw new FailpointTriggered(name);
  }
}
