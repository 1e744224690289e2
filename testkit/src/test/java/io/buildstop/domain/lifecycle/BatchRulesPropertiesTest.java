package io.buildstop.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatchPhase;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.generators.BatchGenerators;
import io.buildstop.testkit.generators.BatchHistory;
import io.buildstop.testkit.generators.BatchStep;
import io.buildstop.testkit.generators.BuildGenerators;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The batch rules (docs/batch-rules.md) as properties over generated batches: every kind of batch section, dependency
 * graphs, fast-fail and ignore-failure, members in every state, reached by histories of events that race in every
 * order; the invariants are checked after every event.
 */
@DisplayName("Batch rules (docs/batch-rules.md)")
class BatchRulesPropertiesTest {
  private static final int HISTORY = 40;

  @Nested
  @DisplayName("the invariants of a real batch hold after every rule")
  class Invariants {
    @Test
    void everyStateOfEveryHistoryIsARealBatch() {
      Property.tries(300).forAll(BatchGenerators.histories(HISTORY), history -> {
        for (BatchHistory.State state : history.states()) {
          assertThat(BatchInvariants.violations(state.run())).as("%s at %s", history, state.at()).isEmpty();
        }
      });
    }

    @Test
    void aStopFromAnyStateLeavesARealBatch() {
      Property.tries(300).forAll(BatchGenerators.histories(HISTORY), BuildGenerators.gapsInMillis(), (history, gap) -> {
        BatchHistory.State last = history.last();
        BatchRun stopped = BatchStopRules.stop(last.run(), last.at().plusMillis(gap));

        assertThat(BatchInvariants.violations(stopped)).as("%s", history).isEmpty();
      });
    }
  }

  @Nested
  @DisplayName("exactly one terminal transition, for the batch and for each member")
  class OneTerminalTransition {
    @Test
    void aFinishedBatchNeverChangesAgain() {
      Property.tries(300).forAll(BatchGenerators.histories(HISTORY), history -> {
        Optional<BatchRun> finished = Optional.empty();
        for (BatchHistory.State state : history.states()) {
          if (finished.isPresent()) {
            assertThat(state.run()).as("%s", history).isEqualTo(finished.get());
          } else if (BatchLifecycle.isComplete(state.run().batch())) {
            finished = Optional.of(state.run());
          }
        }
      });
    }

    @Test
    void aFinishedMemberNeverChangesAgain() {
      Property.tries(300).forAll(BatchGenerators.histories(HISTORY), history -> {
        List<BatchHistory.State> states = history.states();
        for (int i = 1; i < states.size(); i++) {
          for (Map.Entry<String, Build> before : states.get(i - 1).run().members().entrySet()) {
            if (BuildLifecycle.isComplete(before.getValue())) {
              assertThat(states.get(i).run().member(before.getKey())).as("%s", history).contains(before.getValue());
            }
          }
        }
      });
    }

    @Test
    void stopBuildBatchAndAMembersEndRacingInEitherOrderEndEachOnce() {
      Property.tries(300).forAll(BatchGenerators.histories(HISTORY), BatchGenerators.steps(), (history, memberStep) -> {
        BatchHistory.State last = history.last();
        BatchRun run = last.run();
        Instant at = last.at().plusSeconds(1);

        BatchRun stopFirst = memberStep.apply(BatchStopRules.stop(run, at), at);
        BatchRun memberFirst = BatchStopRules.stop(memberStep.apply(run, at), at);

        // whoever comes second finds the batch (or the member) finished: nothing changes it any more
        assertThat(stopFirst).isEqualTo(BatchStopRules.stop(run, at));
        assertThat(BatchStopRules.stop(memberFirst, at.plusSeconds(1))).isEqualTo(memberFirst);
        assertThat(BatchInvariants.violations(stopFirst)).isEmpty();
        assertThat(BatchInvariants.violations(memberFirst)).isEmpty();
        for (Map.Entry<String, Build> member : memberFirst.members().entrySet()) {
          assertThat(StopRules.isStoppable(member.getValue())).isFalse();
        }
      });
    }
  }

  @Nested
  @DisplayName("stopping: a running batch stops, and its running members with it at the same instant")
  class Stopping {
    @Test
    void aRunningBatchStopsWithItsRunningMembersAtOneInstant() {
      Property.tries(300).forAll(BatchGenerators.histories(HISTORY), BuildGenerators.gapsInMillis(), (history, gap) -> {
        BatchRun run = history.last().run();
        Property.assume(BatchStopRules.isStoppable(run.batch()));
        Instant at = history.last().at().plusMillis(gap);

        BatchRun stopped = BatchStopRules.stop(run, at);

        Instant end = stopped.batch().endTime().orElseThrow();
        assertThat(end).isAfterOrEqualTo(at);
        assertThat(stopped.batch().buildBatchStatus()).contains(StatusType.STOPPED);
        assertThat(stopped.batch().currentPhase()).contains(BuildBatchPhaseType.STOPPED);
        assertThat(stopped.batch().complete()).contains(true);
        BuildBatchPhase closed = stopped.batch().phases().get(run.batch().phases().size() - 1);
        assertThat(closed.phaseStatus()).contains(StatusType.STOPPED);
        assertThat(closed.endTime()).contains(end);
        assertThat(stopped.batch().phases()).hasSize(run.batch().phases().size() + 1);
        assertThat(stopped.batch().phases().subList(0, run.batch().phases().size() - 1))
            .isEqualTo(run.batch().phases().subList(0, run.batch().phases().size() - 1));
        for (Map.Entry<String, Build> member : run.members().entrySet()) {
          Build after = stopped.member(member.getKey()).orElseThrow();
          if (StopRules.isStoppable(member.getValue())) {
            assertThat(after).isEqualTo(StopRules.stop(member.getValue(), end));
            assertThat(after.endTime()).contains(end);
          } else {
            // finished members keep their final status; members not started never start
            assertThat(after).isEqualTo(member.getValue());
          }
        }
      });
    }

    @Test
    void membersNotStartedWhenTheBatchStoppedNeverStart() {
      Property.tries(200).forAll(BatchGenerators.histories(HISTORY), Gens.lists(BatchGenerators.steps(), 1, 10),
          (history, after) -> {
        BatchRun run = history.last().run();
        Property.assume(BatchStopRules.isStoppable(run.batch()));
        BatchRun stopped = BatchStopRules.stop(run, history.last().at());
        BatchRun later = new BatchHistory(stopped, history.last().at(), after).last().run();

        assertThat(later).isEqualTo(stopped);
      });
    }

    @Test
    void aFinishedBatchComesBackUnchanged() {
      Property.tries(300).forAll(BatchGenerators.histories(HISTORY), history -> {
        BatchRun run = history.last().run();
        Property.assume(!BatchStopRules.isStoppable(run.batch()));

        assertThat(BatchStopRules.stop(run, history.last().at())).isSameAs(run);
      });
    }

    @Test
    void aSecondStopReturnsTheFirstStopsResult() {
      Property.tries(200).forAll(BatchGenerators.histories(HISTORY), BuildGenerators.gapsInMillis(), (history, gap) -> {
        BatchRun first = BatchStopRules.stop(history.last().run(), history.last().at());

        assertThat(BatchStopRules.stop(first, history.last().at().plusMillis(gap))).isEqualTo(first);
      });
    }
  }

  @Nested
  @DisplayName("completing: the batch's status from its members', ignore-failure and fast-fail respected")
  class Completing {
    @Test
    void aBatchWhoseMembersAllSucceedSucceeds() {
      Property.tries(200).forAll(BatchGenerators.startedBatches(), started -> {
        BatchRun run = BatchLifecycle.advance(started, BatchGenerators.lastInstant(started).plusSeconds(1));
        // every member that runs succeeds, round after round, until the batch ends
        for (int round = 0; round <= run.members().size() + 1; round++) {
          Instant at = BatchGenerators.lastInstant(run).plusSeconds(1);
          for (String identifier : List.copyOf(run.members().keySet())) {
            run = BatchLifecycle.completeMember(run, identifier, StatusType.SUCCEEDED, at);
          }
          run = BatchLifecycle.advance(run, at.plusSeconds(1));
        }

        assertThat(run.batch().buildBatchStatus()).contains(StatusType.SUCCEEDED);
        assertThat(run.members().values()).allMatch(member ->
            member.buildStatus().equals(Optional.of(StatusType.SUCCEEDED)));
        assertThat(BatchInvariants.violations(run)).isEmpty();
      });
    }

    @Test
    void withFastFailNoMemberRunsOnceOneFailedTheBatch() {
      Property.tries(300).forAll(BatchGenerators.histories(HISTORY), history -> {
        Property.assume(history.start().fastFail());
        for (BatchHistory.State state : history.states()) {
          BatchRun run = state.run();
          boolean failed = run.batch().buildGroups().stream().anyMatch(group -> group.identifier()
              .flatMap(run::member).map(member -> BatchPolicy.failsTheBatch(group, member)).orElse(false));
          if (failed && !run.batch().buildBatchStatus().equals(Optional.of(StatusType.STOPPED))) {
            assertThat(run.batch().buildBatchStatus()).as("%s", history).contains(StatusType.FAILED);
            assertThat(run.members().values()).noneMatch(StopRules::isStoppable);
          }
        }
      });
    }

    @Test
    void aFailedBatchHasAMemberThatFailedIt() {
      Property.tries(300).forAll(BatchGenerators.histories(HISTORY), history -> {
        BatchRun run = history.last().run();
        Property.assume(run.batch().buildBatchStatus().equals(Optional.of(StatusType.FAILED)));

        // a failed batch names a member that failed it, or one that never ran because one did
        boolean failedByAMember = run.batch().buildGroups().stream().anyMatch(group -> group.identifier()
            .flatMap(run::member).map(member -> BatchPolicy.failsTheBatch(group, member)).orElse(false));
        assertThat(failedByAMember).as("%s", history).isTrue();
      });
    }
  }

  @Test
  void historiesReachEveryKindOfState() {
    // guards the generator, hence the properties above: each state they check appears
    List<BatchRun> runs = Gens.sample(BatchGenerators.batchRuns(), 400);
    assertThat(runs).anyMatch(run -> run.batch().currentPhase().equals(Optional.of(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC)));
    assertThat(runs).anyMatch(run -> run.batch().currentPhase().equals(Optional.of(BuildBatchPhaseType.IN_PROGRESS)));
    assertThat(runs).anyMatch(run -> run.batch().currentPhase().equals(Optional.of(BuildBatchPhaseType.COMBINE_ARTIFACTS)));
    for (StatusType status : BatchLifecycle.FINAL_STATUSES) {
      assertThat(runs).as("a batch %s", status).anyMatch(run -> run.batch().buildBatchStatus().equals(Optional.of(status)));
    }
    assertThat(runs).anyMatch(run -> run.members().values().stream().anyMatch(StopRules::isStoppable)
        && run.members().keySet().stream().anyMatch(identifier -> !run.isStarted(identifier)));
    for (StatusType status : BuildLifecycle.FINAL_STATUSES) {
      assertThat(runs).as("a member %s", status).anyMatch(run -> run.members().values().stream()
          .anyMatch(member -> member.buildStatus().equals(Optional.of(status))));
    }
    assertThat(runs).anyMatch(BatchRun::fastFail);
    assertThat(runs).anyMatch(run -> run.batch().buildGroups().stream().anyMatch(group -> !group.dependsOn().isEmpty()));
  }

  @Test
  void aStepReadsAsTheCallThatCausesIt() {
    assertThat(new BatchStep(BatchStep.Kind.COMPLETE_MEMBER, 1, StatusType.FAILED, 2500)).hasToString(
        "complete-member running#1 FAILED +2500ms");
    assertThat(new BatchStep(BatchStep.Kind.STOP_BATCH, 1, StatusType.FAILED, -3)).hasToString(
        "stop-build-batch -3ms");
  }
}
