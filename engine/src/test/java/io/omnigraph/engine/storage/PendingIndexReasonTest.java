package io.omnigraph.engine.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An index left pending says why in words a user can act on. */
class PendingIndexReasonTest {

  @Test
  void textIndexesArePendingOnlyOnSmallMachinesWithoutLanceCpuThreads() {
    assertFalse(TableIndexes.invertedBuildsAreSafe(2, null));
    assertFalse(TableIndexes.invertedBuildsAreSafe(3, null));
    assertTrue(TableIndexes.invertedBuildsAreSafe(2, "2"));
    assertTrue(TableIndexes.invertedBuildsAreSafe(4, null));
  }

  @Test
  void aPendingTextIndexNamesLanceCpuThreadsAndTheCoreCount() {
    String reason = TableIndexes.textIndexPendingReason(2);
    assertTrue(reason.contains("LANCE_CPU_THREADS=2"), reason);
    assertTrue(reason.contains("this one has 2"), reason);
    assertTrue(reason.contains("ENSURE INDICES"), reason);
  }

  @Test
  void aPendingVectorIndexSaysHowManyVectorsItWaitsFor() {
    String reason = TableIndexes.pendingReason(IndexKind.VECTOR);
    assertTrue(reason.contains(TableIndexes.MIN_TRAINING_VECTORS + " non-null vectors"), reason);
  }
}
