package io.omnigraph.engine.recovery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FailpointsTest {
  @Test
  void anArmedFailpointFiresUntilDisarmedAndOthersStayQuiet() {
    Failpoints f = new Failpoints();
    assertDoesNotThrow(() -> f.hit(Failpoints.COMMIT_BEFORE_PUBLISH));
    f.arm(Failpoints.COMMIT_BEFORE_PUBLISH);
    assertEquals(Failpoints.COMMIT_BEFORE_PUBLISH,
        assertThrows(FailpointTriggered.class, () -> f.hit(Failpoints.COMMIT_BEFORE_PUBLISH)).failpoint());
    assertThrows(FailpointTriggered.class, () -> f.hit(Failpoints.COMMIT_BEFORE_PUBLISH));
    assertDoesNotThrow(() -> f.hit(Failpoints.COMMIT_AFTER_SIDECAR));
    f.disarm(Failpoints.COMMIT_BEFORE_PUBLISH);
    assertDoesNotThrow(() -> f.hit(Failpoints.COMMIT_BEFORE_PUBLISH));
  }

  @Test
  void theSystemPropertyArmsFailpointsOfHandlesOpenedWhileItIsSet() {
    System.setProperty(Failpoints.PROPERTY, " commit.after_sidecar , recovery.after_restore");
    Failpoints f;
    try {
      f = Failpoints.fromSystemProperty();
    } finally {
      System.clearProperty(Failpoints.PROPERTY);
    }
    assertThrows(FailpointTriggered.class, () -> f.hit(Failpoints.COMMIT_AFTER_SIDECAR));
    assertThrows(FailpointTriggered.class, () -> f.hit(Failpoints.RECOVERY_AFTER_RESTORE));
    assertDoesNotThrow(() -> Failpoints.fromSystemProperty().hit(Failpoints.COMMIT_AFTER_SIDECAR));
    f.disarmAll();
    assertDoesNotThrow(() -> f.hit(Failpoints.RECOVERY_AFTER_RESTORE));
  }

  @Test
  void malformedNamesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Failpoints().arm("before publish"));
    assertThrows(IllegalArgumentException.class, () -> new Failpoints().arm("commit"));
  }
}
