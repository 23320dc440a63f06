package io.omnigraph.engine.recovery;

import static io.omnigraph.engine.recovery.TableClass.InvariantViolation;
import static io.omnigraph.engine.recovery.TableClass.NoMovement;
import static io.omnigraph.engine.recovery.TableClass.RolledPastExpected;
import static io.omnigraph.engine.recovery.TableClass.UnexpectedAtP1;
import static io.omnigraph.engine.recovery.TableClass.UnexpectedEffectIdentity;
import static io.omnigraph.engine.recovery.TableClass.UnexpectedMultistep;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omnigraph.engine.recovery.TableClassifier.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC §7's classification table and decision rule, case by case, for strict and loose writers. */
class TableClassifierTest {
  private static final long P = 5;
  private static final String MINE = "01COMMITOFTHEWRITER0000000";
  private static final String OTHER = "01COMMITOFSOMEONEELSE00000";

  private static TablePin pin(long expected, long post, Long confirmed) {
    return new TablePin("table:0000000000000001:0000000000000001", "node:Person", "nodes/x", expected, post, confirmed,
        null);
  }

  /** kind, expected, post-commit pin, confirmed, HEAD, HEAD's commit id, sidecar commit id → class. */
  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (WriterKind k : WriterKind.values()) {
      out.add(Arguments.of(k, P, P + 1, null, P - 1, null, MINE, InvariantViolation));
      out.add(Arguments.of(k, P, P + 1, null, P, null, MINE, NoMovement));
      out.add(Arguments.of(k, P, P + 1, null, P + 1, OTHER, MINE, UnexpectedEffectIdentity));
      out.add(Arguments.of(k, P - 1, P, null, P + 1, MINE, MINE, UnexpectedAtP1));
      out.add(Arguments.of(k, P - 2, P - 1, null, P + 3, MINE, MINE, UnexpectedMultistep));
      out.add(Arguments.of(k, P, P + 1, P + 3, P + 3, MINE, MINE, RolledPastExpected));
      out.add(Arguments.of(k, P, P + 1, P + 2, P + 3, MINE, MINE, UnexpectedMultistep));
      out.add(Arguments.of(k, P - 1, P, P + 1, P + 1, MINE, MINE, UnexpectedAtP1));
      out.add(Arguments.of(k, P, P + 1, null, P + 1, MINE, null, RolledPastExpected));
    }
    for (WriterKind strict : List.of(WriterKind.Mutation, WriterKind.Load, WriterKind.BranchMerge)) {
      out.add(Arguments.of(strict, P, P + 1, null, P + 1, MINE, MINE, RolledPastExpected));
      out.add(Arguments.of(strict, P, P, null, P + 1, MINE, MINE, UnexpectedAtP1));
      out.add(Arguments.of(strict, P, P + 1, null, P + 2, MINE, MINE, UnexpectedMultistep));
      out.add(Arguments.of(strict, P, P + 2, null, P + 2, MINE, MINE, UnexpectedMultistep));
      out.add(Arguments.of(strict, P, P + 1, null, P + 1, null, MINE, UnexpectedEffectIdentity));
    }
    for (WriterKind loose : List.of(WriterKind.SchemaApply, WriterKind.EnsureIndices, WriterKind.Optimize)) {
      out.add(Arguments.of(loose, P, P + 1, null, P + 1, MINE, MINE, RolledPastExpected));
      out.add(Arguments.of(loose, P, P + 1, null, P + 4, MINE, MINE, RolledPastExpected));
      out.add(Arguments.of(loose, P, P, null, P + 2, MINE, MINE, RolledPastExpected));
      out.add(Arguments.of(loose, P, P + 1, null, P + 3, null, MINE, RolledPastExpected));
      out.add(Arguments.of(loose, P, P + 1, null, P + 3, OTHER, MINE, UnexpectedEffectIdentity));
      out.add(Arguments.of(loose, P - 1, P, null, P + 1, MINE, MINE, UnexpectedAtP1));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: expected={1} post={2} confirmed={3} HEAD={4} head commit={5} -> {7}")
  @MethodSource("cases")
  void classifiesEachTableAgainstItsPin(WriterKind kind, long expected, long post, Long confirmed, long head,
      String headCommit, String sidecarCommit, TableClass want) {
    assertEquals(want, TableClassifier.classify(kind, pin(expected, post, confirmed), P, head, headCommit, sidecarCommit));
  }

  static Stream<Arguments> decisions() {
    WriterKind m = WriterKind.Mutation;
    return Stream.of(
        Arguments.of(m, false, List.of(RolledPastExpected, InvariantViolation), List.of(), Decision.Abort),
        Arguments.of(m, true, List.of(NoMovement, InvariantViolation), List.of(), Decision.Abort),
        Arguments.of(m, true, List.of(NoMovement, NoMovement), List.of(), Decision.AlreadyPublished),
        Arguments.of(m, false, List.of(RolledPastExpected, RolledPastExpected), List.of(), Decision.RollForward),
        Arguments.of(m, false, List.of(RolledPastExpected, NoMovement), List.of(), Decision.RollBack),
        Arguments.of(m, false, List.of(RolledPastExpected, UnexpectedAtP1), List.of(), Decision.RollBack),
        Arguments.of(m, false, List.of(UnexpectedMultistep), List.of(), Decision.RollBack),
        Arguments.of(m, false, List.of(UnexpectedEffectIdentity), List.of(), Decision.RollBack),
        Arguments.of(m, false, List.of(NoMovement, NoMovement), List.of(), Decision.RollBack),
        Arguments.of(m, false, List.of(), List.of(), Decision.RollBack),
        Arguments.of(m, false, List.of(NoMovement, NoMovement), List.of(true, true), Decision.AlreadyPublished),
        Arguments.of(m, false, List.of(NoMovement, NoMovement), List.of(true, false), Decision.RollBack),
        Arguments.of(WriterKind.Optimize, false, List.of(RolledPastExpected), List.of(), Decision.RollForward),
        Arguments.of(WriterKind.EnsureIndices, false, List.of(RolledPastExpected), List.of(), Decision.RollForward),
        Arguments.of(WriterKind.BranchMerge, false, List.of(RolledPastExpected), List.of(), Decision.RollForward),
        Arguments.of(WriterKind.SchemaApply, false, List.of(RolledPastExpected), List.of(), Decision.RollBack),
        Arguments.of(WriterKind.SchemaApply, true, List.of(NoMovement), List.of(), Decision.AlreadyPublished));
  }

  @ParameterizedTest(name = "{0} published={1} {2} pins match={3} -> {4}")
  @MethodSource("decisions")
  void decidesAllOrNothingPerSidecar(WriterKind kind, boolean published, List<TableClass> classes,
      List<Boolean> pinsMatch, Decision want) {
    assertEquals(want, TableClassifier.decide(kind, published, classes, pinsMatch));
  }
}
