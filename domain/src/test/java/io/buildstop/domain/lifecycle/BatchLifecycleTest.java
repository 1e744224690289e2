package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.lifecycle.BatchScenarios.ARN;
import static io.buildstop.domain.lifecycle.BatchScenarios.CONFIGURATION;
import static io.buildstop.domain.lifecycle.BatchScenarios.DOWNLOADING_AT;
import static io.buildstop.domain.lifecycle.BatchScenarios.IN_PROGRESS_AT;
import static io.buildstop.domain.lifecycle.BatchScenarios.SUBMITTED_AT;
import static io.buildstop.domain.lifecycle.BatchScenarios.closed;
import static io.buildstop.domain.lifecycle.BatchScenarios.combining;
import static io.buildstop.domain.lifecycle.BatchScenarios.fastFailGraph;
import static io.buildstop.domain.lifecycle.BatchScenarios.graph;
import static io.buildstop.domain.lifecycle.BatchScenarios.ignoringFailure;
import static io.buildstop.domain.lifecycle.BatchScenarios.inProgress;
import static io.buildstop.domain.lifecycle.BatchScenarios.later;
import static io.buildstop.domain.lifecycle.BatchScenarios.open;
import static io.buildstop.domain.lifecycle.BatchScenarios.started;
import static io.buildstop.domain.lifecycle.BatchScenarios.status;
import static io.buildstop.domain.lifecycle.BatchScenarios.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.buildstop.domain.InvalidBatchSpecReason;
import io.buildstop.domain.batch.BatchSpec;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.BuildSummary;
import io.buildstop.domain.model.StatusType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The batch lifecycle, example by example (docs/batch-rules.md). */
@DisplayName("BatchLifecycle")
class BatchLifecycleTest {

  @Nested
  @DisplayName("starting a batch: its groups and members from the batch section")
  class Starting {
    @Test
    void aStartedBatchIsDownloadingItsBatchSpec() {
      BatchRun run = started(graph(task("a"), task("b", "a")));
      BuildBatch batch = run.batch();

      assertThat(batch.phases()).containsExactly(
          closed(BuildBatchPhaseType.SUBMITTED, StatusType.SUCCEEDED, SUBMITTED_AT, DOWNLOADING_AT, 0),
          open(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC, DOWNLOADING_AT));
      assertThat(batch.buildBatchStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(batch.currentPhase()).contains(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC);
      assertThat(batch.complete()).contains(false);
      assertThat(batch.startTime()).contains(SUBMITTED_AT);
      assertThat(batch.endTime()).isEmpty();
      assertThat(BatchInvariants.violations(run)).isEmpty();
    }

    @Test
    void theBatchKeepsItsIdentityAndConfiguration() {
      BuildBatch batch = started(graph(task("a"))).batch();

      assertThat(batch.id()).isEqualTo(CONFIGURATION.id());
      assertThat(batch.arn()).contains(ARN);
      assertThat(batch.projectName()).contains("my-project");
      assertThat(batch.buildBatchNumber()).contains(3L);
      assertThat(batch.initiator()).contains("Strohm");
    }

    @Test
    void oneGroupPerBuildWithItsDependenciesAndNoSummaryYet() {
      BatchRun run = started(graph(task("a"), ignoringFailure("b", "a")));

      assertThat(run.batch().buildGroups()).containsExactly(
          BuildGroup.builder().identifier("a").hasDependsOn(true).ignoreFailure(false).build(),
          BuildGroup.builder().identifier("b").addDependsOn("a").ignoreFailure(true).build());
      // the capture sends "dependsOn": [] for a group without dependencies
      assertThat(run.batch().buildGroups().get(0).hasDependsOn()).isTrue();
    }

    @Test
    void membersHaveNotStartedAndBelongToTheBatch() {
      BatchRun run = BatchLifecycle.start(CONFIGURATION, graph(task("a")),
          task -> Build.builder().id("p:" + task.identifier()).buildStatus(StatusType.SUCCEEDED)
              .currentPhase(BuildPhaseType.COMPLETED).buildComplete(true).startTime(SUBMITTED_AT)
              .endTime(SUBMITTED_AT).addPhases(Phases.completedMarker(SUBMITTED_AT)).buildBatchArn("other").build(),
          SUBMITTED_AT, DOWNLOADING_AT).get();

      assertThat(run.members()).containsOnlyKeys("a");
      assertThat(run.member("a")).contains(Build.builder().id("p:a").buildBatchArn(ARN).build());
      assertThat(run.isStarted("a")).isFalse();
      assertThat(run.fastFail()).isFalse();
    }

    @Test
    void aFanOutHasOneGroupPerBuildAndFastFailIsKept() {
      BatchRun run = started(new BatchSpec.BuildFanout(true, 3, true));

      assertThat(run.batch().buildGroups()).extracting(group -> group.identifier().orElseThrow())
          .containsExactly("build_fanout_1", "build_fanout_2", "build_fanout_3");
      assertThat(run.batch().buildGroups()).allMatch(group -> group.ignoreFailure().orElseThrow());
      assertThat(run.fastFail()).isTrue();
    }

    @Test
    void aSectionCodeBuildRefusesIsItsFailureValue() {
      var started = BatchLifecycle.start(CONFIGURATION, graph(task("a", "missing")),
          BatchScenarios::memberConfiguration, SUBMITTED_AT, DOWNLOADING_AT);

      assertThat(started.getLeft().reason()).isEqualTo(InvalidBatchSpecReason.UNKNOWN_DEPENDENCY);
    }

    @Test
    void theDownloadCannotBeginBeforeTheSubmission() {
      assertThatIllegalArgumentException().isThrownBy(() -> BatchLifecycle.start(CONFIGURATION, graph(task("a")),
          BatchScenarios::memberConfiguration, SUBMITTED_AT, SUBMITTED_AT.minusMillis(1)));
    }

    @Test
    void aBatchMayStartTheInstantItIsSubmitted() {
      BatchRun run = BatchLifecycle.start(CONFIGURATION, graph(task("a")), BatchScenarios::memberConfiguration,
          SUBMITTED_AT, SUBMITTED_AT).get();

      assertThat(run.batch().phases().get(0).durationInSeconds()).contains(0L);
      assertThat(BatchInvariants.violations(run)).isEmpty();
    }
  }

  @Nested
  @DisplayName("advancing: SUBMITTED, DOWNLOAD_BATCHSPEC, IN_PROGRESS, COMBINE_ARTIFACTS")
  class Advancing {
    @Test
    void inProgressBeginsAndStartsTheMembersWithoutDependencies() {
      BatchRun run = inProgress(graph(task("a"), task("b", "a")));

      assertThat(run.batch().phases()).containsExactly(
          closed(BuildBatchPhaseType.SUBMITTED, StatusType.SUCCEEDED, SUBMITTED_AT, DOWNLOADING_AT, 0),
          closed(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC, StatusType.SUCCEEDED, DOWNLOADING_AT, IN_PROGRESS_AT, 31),
          open(BuildBatchPhaseType.IN_PROGRESS, IN_PROGRESS_AT));
      assertThat(run.batch().currentPhase()).contains(BuildBatchPhaseType.IN_PROGRESS);
      assertThat(run.member("a")).contains(
          BuildLifecycle.start(started(graph(task("a"), task("b", "a"))).member("a").orElseThrow(), IN_PROGRESS_AT));
      assertThat(run.isStarted("b")).isFalse();
      assertThat(run.batch().buildGroups().get(0).currentBuildSummary()).contains(BuildSummary.builder()
          .arn(run.member("a").orElseThrow().arn().orElseThrow())
          .requestedOn(IN_PROGRESS_AT)
          .buildStatus(StatusType.IN_PROGRESS)
          .build());
      assertThat(run.batch().buildGroups().get(1).currentBuildSummary()).isEmpty();
      assertThat(BatchInvariants.violations(run)).isEmpty();
    }

    @Test
    void aBatchInSubmittedGoesOnToDownloadItsBatchSpec() {
      BatchRun started = started(graph(task("a")));
      BatchRun submitted = started.withBatch(started.batch()
          .withPhases(open(BuildBatchPhaseType.SUBMITTED, SUBMITTED_AT))
          .withCurrentPhase(BuildBatchPhaseType.SUBMITTED));

      BatchRun advanced = BatchLifecycle.advance(submitted, DOWNLOADING_AT);

      assertThat(advanced).isEqualTo(started);
    }

    @Test
    void inProgressWithNothingNewChangesNothing() {
      BatchRun run = inProgress(graph(task("a"), task("b", "a")));

      assertThat(BatchLifecycle.advance(run, later(5))).isEqualTo(run);
    }

    @Test
    void combineArtifactsSucceedsAndTheBatchSucceeds() {
      BatchRun combining = BatchLifecycle.completeMember(
          BatchLifecycle.advance(BatchScenarios.started(combining(), graph(task("a"))), IN_PROGRESS_AT),
          "a", StatusType.SUCCEEDED, later(10));

      assertThat(combining.batch().currentPhase()).contains(BuildBatchPhaseType.COMBINE_ARTIFACTS);
      assertThat(combining.batch().buildBatchStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(BatchInvariants.violations(combining)).isEmpty();

      BatchRun done = BatchLifecycle.advance(combining, later(12));

      assertThat(done.batch().phases().subList(2, 5)).containsExactly(
          closed(BuildBatchPhaseType.IN_PROGRESS, StatusType.SUCCEEDED, IN_PROGRESS_AT, later(10), 10),
          closed(BuildBatchPhaseType.COMBINE_ARTIFACTS, StatusType.SUCCEEDED, later(10), later(12), 2),
          open(BuildBatchPhaseType.SUCCEEDED, later(12)));
      assertThat(done.batch().buildBatchStatus()).contains(StatusType.SUCCEEDED);
      assertThat(BatchInvariants.violations(done)).isEmpty();
    }

    @Test
    void aFinishedBatchDoesNotAdvance() {
      BatchRun done = BatchLifecycle.completeMember(inProgress(graph(task("a"))), "a", StatusType.SUCCEEDED,
          later(1));

      assertThat(BatchLifecycle.advance(done, later(2))).isSameAs(done);
    }

    @Test
    void aRunningPhaseThisVersionDoesNotKnowDoesNotAdvance() {
      BatchRun run = inProgress(graph(task("a")));
      BatchRun unknown = run.withBatch(run.batch()
          .withPhases(open(BuildBatchPhaseType.SUBMITTED, SUBMITTED_AT).withPhaseTypeAsString("NEW_PHASE"))
          .withCurrentPhaseAsString("NEW_PHASE"));

      assertThat(BatchLifecycle.advance(unknown, later(1))).isSameAs(unknown);
    }

    @Test
    void aRunningBatchWhoseLastPhaseIsClosedDoesNotAdvance() {
      BatchRun run = inProgress(graph(task("a")));
      BatchRun closedLast = run.withBatch(run.batch().withPhases(
          closed(BuildBatchPhaseType.SUBMITTED, StatusType.SUCCEEDED, SUBMITTED_AT, DOWNLOADING_AT, 0)));

      assertThat(BatchLifecycle.advance(closedLast, later(1))).isSameAs(closedLast);
    }

    @Test
    void aBatchWithoutPhasesDoesNotAdvance() {
      BatchRun run = inProgress(graph(task("a")));
      BatchRun none = run.withBatch(run.batch().withPhases(List.of()));

      assertThat(BatchLifecycle.advance(none, later(1))).isSameAs(none);
    }

    @Test
    void anInstantBeforeTheRunningPhaseBeganMovesToItsStart() {
      BatchRun run = BatchLifecycle.advance(started(graph(task("a"))), SUBMITTED_AT);

      assertThat(run.batch().phases().get(1).endTime()).contains(DOWNLOADING_AT);
      assertThat(run.member("a").orElseThrow().startTime()).contains(DOWNLOADING_AT);
      assertThat(BatchInvariants.violations(run)).isEmpty();
    }
  }

  @Nested
  @DisplayName("dependencies: a member starts once every group it depends on succeeded or ignores failure")
  class Dependencies {
    @Test
    void aMemberStartsWhenItsDependencySucceeds() {
      BatchRun run = BatchLifecycle.completeMember(inProgress(graph(task("a"), task("b", "a"))), "a",
          StatusType.SUCCEEDED, later(10));

      assertThat(status(run, "b")).contains(StatusType.IN_PROGRESS);
      assertThat(run.member("b").orElseThrow().startTime()).contains(later(10));
      assertThat(BatchInvariants.violations(run)).isEmpty();
    }

    @Test
    void aMemberWaitsForAllItsDependencies() {
      BatchRun run = inProgress(graph(task("a"), task("b"), task("c", "a", "b")));

      BatchRun oneDone = BatchLifecycle.completeMember(run, "a", StatusType.SUCCEEDED, later(10));
      BatchRun bothDone = BatchLifecycle.completeMember(oneDone, "b", StatusType.SUCCEEDED, later(20));

      assertThat(oneDone.isStarted("c")).isFalse();
      assertThat(bothDone.member("c").orElseThrow().startTime()).contains(later(20));
    }

    @Test
    void aMemberWhoseDependencyFailedNeverStarts() {
      BatchRun run = BatchLifecycle.completeMember(inProgress(graph(task("a"), task("b", "a"))), "a",
          StatusType.FAILED, later(10));

      assertThat(run.isStarted("b")).isFalse();
      assertThat(run.batch().buildBatchStatus()).contains(StatusType.FAILED);
      assertThat(BatchInvariants.violations(run)).isEmpty();
    }

    @Test
    void aMemberWaitingBehindOneThatNeverStartsNeverStartsEither() {
      BatchRun run = BatchLifecycle.completeMember(
          inProgress(graph(task("a"), task("b", "a"), task("c", "b"), task("d"))), "a", StatusType.FAILED, later(10));

      assertThat(run.batch().buildBatchStatus()).contains(StatusType.IN_PROGRESS);
      BatchRun done = BatchLifecycle.completeMember(run, "d", StatusType.SUCCEEDED, later(11));

      assertThat(done.isStarted("b")).isFalse();
      assertThat(done.isStarted("c")).isFalse();
      assertThat(done.batch().buildBatchStatus()).contains(StatusType.FAILED);
    }

    @Test
    void aFailedDependencyThatIgnoresFailureLetsItsDependantsStart() {
      BatchRun run = BatchLifecycle.completeMember(inProgress(graph(ignoringFailure("a"), task("b", "a"))), "a",
          StatusType.FAILED, later(10));

      assertThat(status(run, "b")).contains(StatusType.IN_PROGRESS);
    }

    @Test
    void aRunningDependencyHoldsItsDependantsBack() {
      BatchRun run = BatchLifecycle.advanceMember(inProgress(graph(task("a"), task("b", "a"))), "a", later(3));

      assertThat(run.member("a").orElseThrow().currentPhase()).contains(BuildPhaseType.PROVISIONING);
      assertThat(run.isStarted("b")).isFalse();
      assertThat(run.batch().buildGroups().get(0).currentBuildSummary().orElseThrow().buildStatus())
          .contains(StatusType.IN_PROGRESS);
    }
  }

  @Nested
  @DisplayName("members: their own rules, applied only while their batch runs")
  class Members {
    @Test
    void aMemberThatHasNotStartedDoesNotAdvance() {
      BatchRun run = inProgress(graph(task("a"), task("b", "a")));

      assertThat(BatchLifecycle.advanceMember(run, "b", later(1))).isSameAs(run);
      assertThat(BatchLifecycle.completeMember(run, "b", StatusType.SUCCEEDED, later(1))).isSameAs(run);
      assertThat(BatchLifecycle.stopMember(run, "b", later(1))).isSameAs(run);
    }

    @Test
    void anIdentifierOfNoGroupChangesNothing() {
      BatchRun run = inProgress(graph(task("a")));

      assertThat(BatchLifecycle.completeMember(run, "zz", StatusType.SUCCEEDED, later(1))).isSameAs(run);
    }

    @Test
    void aMemberOfAFinishedBatchDoesNotChange() {
      BatchRun run = inProgress(graph(task("a")));
      BatchRun stopped = BatchStopRules.stop(run, later(1));
      // a member that (against the rules) still runs in a finished batch stays as it is
      BatchRun odd = stopped.withMember("a", run.member("a").orElseThrow());

      assertThat(BatchLifecycle.advanceMember(odd, "a", later(2))).isSameAs(odd);
    }

    @Test
    void aStatusThatIsNotFinalIsRejected() {
      assertThatIllegalArgumentException().isThrownBy(() ->
          BatchLifecycle.completeMember(inProgress(graph(task("a"))), "a", StatusType.IN_PROGRESS, later(1)));
    }

    @Test
    void aBatchDownloadingItsBatchSpecHasNoMemberToChange() {
      BatchRun run = started(graph(task("a")));

      assertThat(BatchLifecycle.completeMember(run, "a", StatusType.SUCCEEDED, later(1))).isSameAs(run);
    }
  }

  @Nested
  @DisplayName("completing: the batch's status from its members'")
  class Completing {
    @Test
    void whenEveryMemberSucceedsTheBatchSucceeds() {
      BatchRun run = BatchLifecycle.completeMember(
          BatchLifecycle.completeMember(inProgress(graph(task("a"), task("b", "a"))), "a", StatusType.SUCCEEDED,
              later(10)),
          "b", StatusType.SUCCEEDED, later(25));

      BuildBatch batch = run.batch();
      assertThat(batch.phases().subList(2, 4)).containsExactly(
          closed(BuildBatchPhaseType.IN_PROGRESS, StatusType.SUCCEEDED, IN_PROGRESS_AT, later(25), 25),
          open(BuildBatchPhaseType.SUCCEEDED, later(25)));
      assertThat(batch.buildBatchStatus()).contains(StatusType.SUCCEEDED);
      assertThat(batch.currentPhase()).contains(BuildBatchPhaseType.SUCCEEDED);
      assertThat(batch.complete()).contains(true);
      assertThat(batch.endTime()).contains(later(25));
      assertThat(batch.buildGroups()).allMatch(group ->
          group.currentBuildSummary().flatMap(BuildSummary::buildStatus).equals(Optional.of(StatusType.SUCCEEDED)));
      assertThat(BatchInvariants.violations(run)).isEmpty();
    }

    @ParameterizedTest(name = "a member that ends {0} fails the batch once the others finish")
    @EnumSource(value = StatusType.class, names = {"FAILED", "FAULT", "TIMED_OUT", "STOPPED"})
    void aMemberThatDoesNotSucceedFailsTheBatchOnceTheOthersFinish(StatusType failure) {
      BatchRun run = BatchLifecycle.completeMember(inProgress(graph(task("a"), task("b"))), "a", failure, later(10));

      // without fast-fail the others run on
      assertThat(run.batch().buildBatchStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(status(run, "b")).contains(StatusType.IN_PROGRESS);

      BatchRun done = BatchLifecycle.completeMember(run, "b", StatusType.SUCCEEDED, later(20));

      assertThat(done.batch().buildBatchStatus()).contains(StatusType.FAILED);
      assertThat(done.batch().phases().subList(2, 4)).containsExactly(
          closed(BuildBatchPhaseType.IN_PROGRESS, StatusType.FAILED, IN_PROGRESS_AT, later(20), 20),
          open(BuildBatchPhaseType.FAILED, later(20)));
      assertThat(done.batch().currentPhase()).contains(BuildBatchPhaseType.FAILED);
      assertThat(BatchInvariants.violations(done)).isEmpty();
    }

    @Test
    void aMemberThatIgnoresFailureDoesNotFailTheBatch() {
      BatchRun run = BatchLifecycle.completeMember(inProgress(graph(ignoringFailure("a"))), "a", StatusType.FAULT,
          later(10));

      assertThat(run.batch().buildBatchStatus()).contains(StatusType.SUCCEEDED);
    }

    @Test
    void aFailedBatchDoesNotCombineArtifacts() {
      BatchRun run = BatchLifecycle.completeMember(
          BatchLifecycle.advance(BatchScenarios.started(combining(), graph(task("a"))), IN_PROGRESS_AT),
          "a", StatusType.FAILED, later(10));

      assertThat(run.batch().buildBatchStatus()).contains(StatusType.FAILED);
      assertThat(run.batch().phases()).noneMatch(phase ->
          phase.phaseType().equals(Optional.of(BuildBatchPhaseType.COMBINE_ARTIFACTS)));
    }

    @Test
    void aBatchWhoseConfigDoesNotCombineEndsWithoutCombining() {
      BuildBatch notCombining = CONFIGURATION.withBuildBatchConfig(
          combining().buildBatchConfig().orElseThrow().withCombineArtifacts(false));
      BatchRun run = BatchLifecycle.completeMember(
          BatchLifecycle.advance(BatchScenarios.started(notCombining, graph(task("a"))), IN_PROGRESS_AT),
          "a", StatusType.SUCCEEDED, later(10));

      assertThat(run.batch().buildBatchStatus()).contains(StatusType.SUCCEEDED);
    }

    @Test
    void aMemberThatNeverStartsFailsTheBatchEvenWithoutAFailure() {
      // only a hand-made batch gets here: a group whose dependency names no group never starts
      BatchRun run = inProgress(graph(task("a")));
      BatchRun orphan = BatchLifecycle.settle(run.withBatch(run.batch().withBuildGroups(List.of(
              run.batch().buildGroups().get(0),
              BuildGroup.builder().identifier("b").addDependsOn("nowhere").build())))
          .withMember("b", Build.builder().buildBatchArn(ARN).build()), IN_PROGRESS_AT);

      BatchRun done = BatchLifecycle.completeMember(orphan, "a", StatusType.SUCCEEDED, later(3));

      assertThat(done.batch().buildBatchStatus()).contains(StatusType.FAILED);
    }

    @Test
    void aStopInstantBeforeAMembersEndMovesTheBatchsEndToIt() {
      BatchRun run = BatchLifecycle.completeMember(inProgress(graph(task("a"), task("b"))), "a",
          StatusType.SUCCEEDED, later(30));

      BatchRun done = BatchLifecycle.completeMember(run, "b", StatusType.SUCCEEDED, later(20));

      assertThat(done.batch().endTime()).contains(later(30));
      assertThat(BatchInvariants.violations(done)).isEmpty();
    }
  }

  @Nested
  @DisplayName("fast-fail: a failing member stops the running ones")
  class FastFail {
    @Test
    void aFailingMemberStopsTheRunningOnesAndTheBatchFails() {
      BatchRun run = inProgress(fastFailGraph(task("a"), task("b"), task("c", "b")));
      Build b = run.member("b").orElseThrow();

      BatchRun failed = BatchLifecycle.completeMember(run, "a", StatusType.FAILED, later(10));

      assertThat(failed.member("b")).contains(StopRules.stop(b, later(10)));
      assertThat(failed.isStarted("c")).isFalse();
      assertThat(failed.batch().buildBatchStatus()).contains(StatusType.FAILED);
      assertThat(failed.batch().endTime()).contains(later(10));
      assertThat(BatchInvariants.violations(failed)).isEmpty();
    }

    @Test
    void aFailureThatIsIgnoredStopsNothing() {
      BatchRun run = BatchLifecycle.completeMember(inProgress(fastFailGraph(ignoringFailure("a"), task("b"))), "a",
          StatusType.FAILED, later(10));

      assertThat(status(run, "b")).contains(StatusType.IN_PROGRESS);
      assertThat(run.batch().buildBatchStatus()).contains(StatusType.IN_PROGRESS);
    }

    @Test
    void aSuccessStopsNothing() {
      BatchRun run = BatchLifecycle.completeMember(inProgress(fastFailGraph(task("a"), task("b"))), "a",
          StatusType.SUCCEEDED, later(10));

      assertThat(status(run, "b")).contains(StatusType.IN_PROGRESS);
    }
  }

  @Nested
  @DisplayName("StopBuild of a member (buildstop's policy): that build stops; to its batch it has failed")
  class StoppingAMember {
    @Test
    void theStoppedMemberFailsTheBatchAndItsDependantsNeverStart() {
      BatchRun run = inProgress(graph(task("a"), task("b", "a")));
      Build a = run.member("a").orElseThrow();

      BatchRun stopped = BatchLifecycle.stopMember(run, "a", later(7));

      assertThat(stopped.member("a")).contains(StopRules.stop(a, later(7)));
      assertThat(stopped.isStarted("b")).isFalse();
      assertThat(stopped.batch().buildBatchStatus()).contains(StatusType.FAILED);
      assertThat(BatchInvariants.violations(stopped)).isEmpty();
    }

    @Test
    void withFastFailTheOtherRunningMembersStopToo() {
      BatchRun stopped = BatchLifecycle.stopMember(inProgress(fastFailGraph(task("a"), task("b"))), "a", later(7));

      assertThat(status(stopped, "b")).contains(StatusType.STOPPED);
      assertThat(stopped.batch().buildBatchStatus()).contains(StatusType.FAILED);
    }

    @Test
    void aStoppedMemberThatIgnoresFailureLetsTheBatchSucceed() {
      BatchRun stopped = BatchLifecycle.stopMember(inProgress(graph(ignoringFailure("a"), task("b", "a"))), "a",
          later(7));
      BatchRun done = BatchLifecycle.completeMember(stopped, "b", StatusType.SUCCEEDED, later(9));

      assertThat(done.batch().buildBatchStatus()).contains(StatusType.SUCCEEDED);
    }

    @Test
    void stoppingAFinishedMemberChangesNothing() {
      BatchRun run = BatchLifecycle.completeMember(inProgress(graph(task("a"), task("b"))), "a",
          StatusType.SUCCEEDED, later(3));

      assertThat(BatchLifecycle.stopMember(run, "a", later(4))).isSameAs(run);
    }
  }

  @Nested
  @DisplayName("settling: only a running batch in IN_PROGRESS reacts to its members")
  class Settling {
    @Test
    void aBatchDownloadingItsBatchSpecOrFinishedDoesNotSettle() {
      BatchRun downloading = started(graph(task("a")));
      BatchRun finished = BatchLifecycle.completeMember(inProgress(graph(task("a"))), "a", StatusType.SUCCEEDED,
          later(1));

      assertThat(BatchLifecycle.settle(downloading, later(1))).isSameAs(downloading);
      assertThat(BatchLifecycle.settle(finished, later(2))).isSameAs(finished);
    }

    @Test
    void aGroupWithoutAMemberNeverStartsAndDoesNotHoldTheBatchUp() {
      BatchRun run = inProgress(graph(task("a")));
      BatchRun memberless = run.withBatch(run.batch().withBuildGroups(
          run.batch().buildGroups().get(0), BuildGroup.builder().identifier("b").hasDependsOn(true).build()));

      BatchRun done = BatchLifecycle.completeMember(memberless, "a", StatusType.SUCCEEDED, later(3));

      assertThat(done.member("b")).isEmpty();
      assertThat(done.batch().complete()).contains(true);
    }
  }

  @Nested
  @DisplayName("BatchRun: a batch and its members")
  class Runs {
    @Test
    void aGroupOrMemberOfNoSuchIdentifierIsAbsent() {
      BatchRun run = inProgress(graph(task("a")));

      assertThat(run.group("zz")).isEmpty();
      assertThat(run.member("zz")).isEmpty();
      assertThat(run.isStarted("zz")).isFalse();
      assertThat(run.isStarted("a")).isTrue();
      assertThat(run.group("a")).contains(run.batch().buildGroups().get(0));
    }

    @Test
    void theMembersAreACopyInTheGroupsOrder() {
      java.util.Map<String, Build> members = new java.util.LinkedHashMap<>();
      members.put("z", Build.builder().build());
      members.put("a", Build.builder().build());
      BatchRun run = new BatchRun(CONFIGURATION, false, members);
      members.clear();

      assertThat(run.members().keySet()).containsExactly("z", "a");
      assertThat(run.withMember("b", Build.builder().build()).members().keySet()).containsExactly("z", "a", "b");
    }
  }

  @Nested
  @DisplayName("isComplete")
  class IsComplete {
    @Test
    void aBatchIsCompleteWhenItSaysSoOrItIsInAFinalStatusPhase() {
      assertThat(BatchLifecycle.isComplete(BuildBatch.builder().complete(true).build())).isTrue();
      for (BuildBatchPhaseType phase : List.of(BuildBatchPhaseType.SUCCEEDED, BuildBatchPhaseType.FAILED,
          BuildBatchPhaseType.STOPPED)) {
        assertThat(BatchLifecycle.isComplete(BuildBatch.builder().complete(false).currentPhase(phase).build()))
            .as("in %s", phase).isTrue();
      }
      for (BuildBatchPhaseType phase : List.of(BuildBatchPhaseType.SUBMITTED, BuildBatchPhaseType.IN_PROGRESS,
          BuildBatchPhaseType.COMBINE_ARTIFACTS, BuildBatchPhaseType.UNKNOWN_TO_SDK_VERSION)) {
        assertThat(BatchLifecycle.isComplete(BuildBatch.builder().complete(false).currentPhaseAsString(phase.name())
            .buildBatchStatus(StatusType.FAILED).build())).as("in %s", phase).isFalse();
      }
      assertThat(BatchLifecycle.isComplete(BuildBatch.builder().build())).isFalse();
    }

    @Test
    void theFinalStatusesAreTheFinalPhaseTypes() {
      assertThat(BatchLifecycle.FINAL_STATUSES).allMatch(status ->
          BuildBatchPhaseType.fromValue(status.wireValue()) != BuildBatchPhaseType.UNKNOWN_TO_SDK_VERSION);
    }
  }
}
