package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.lifecycle.BatchScenarios.ARN;
import static io.buildstop.domain.lifecycle.BatchScenarios.DOWNLOADING_AT;
import static io.buildstop.domain.lifecycle.BatchScenarios.IN_PROGRESS_AT;
import static io.buildstop.domain.lifecycle.BatchScenarios.SUBMITTED_AT;
import static io.buildstop.domain.lifecycle.BatchScenarios.closed;
import static io.buildstop.domain.lifecycle.BatchScenarios.graph;
import static io.buildstop.domain.lifecycle.BatchScenarios.ignoringFailure;
import static io.buildstop.domain.lifecycle.BatchScenarios.inProgress;
import static io.buildstop.domain.lifecycle.BatchScenarios.later;
import static io.buildstop.domain.lifecycle.BatchScenarios.open;
import static io.buildstop.domain.lifecycle.BatchScenarios.started;
import static io.buildstop.domain.lifecycle.BatchScenarios.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhase;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.BuildSummary;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Each batch invariant holds for real batches and is broken by exactly the damage it names. */
@DisplayName("BatchInvariants")
class BatchInvariantTest {
  private static final BatchRun STARTED = started(graph(task("a"), task("b", "a")));
  private static final BatchRun RUNNING = inProgress(graph(task("a"), task("b", "a")));
  private static final BatchRun FIRST_DONE =
      BatchLifecycle.completeMember(RUNNING, "a", StatusType.SUCCEEDED, later(10));
  private static final BatchRun SUCCEEDED =
      BatchLifecycle.completeMember(FIRST_DONE, "b", StatusType.SUCCEEDED, later(20));
  private static final BatchRun FAILED = BatchLifecycle.completeMember(RUNNING, "a", StatusType.FAILED, later(10));
  private static final BatchRun STOPPED = BatchStopRules.stop(FIRST_DONE, later(15));
  private static final BatchRun RETRIED = BatchRetryRules.retry(FAILED, RetryBuildBatchType.RETRY_ALL_BUILDS,
      member -> member.withId(member.id().orElseThrow() + "-2").withArn(member.arn().orElseThrow() + "-2"),
      later(20)).get();

  @Test
  void realBatchesBreakNoInvariant() {
    for (BatchRun run : List.of(STARTED, RUNNING, FIRST_DONE, SUCCEEDED, FAILED, STOPPED, RETRIED)) {
      assertThat(BatchInvariants.violations(run)).isEmpty();
      assertThat(BatchInvariants.check(run)).isEqualTo(Either.right(run));
    }
  }

  @Test
  void checkNamesTheFirstBrokenInvariant() {
    BatchRun broken = batch(SUCCEEDED, b -> b.withComplete(false).withEndTime(SUBMITTED_AT.minusSeconds(1)));

    assertThat(BatchInvariants.check(broken)).isEqualTo(
        Either.left(BatchInvariant.COMPLETE_EXACTLY_WHEN_NOT_IN_PROGRESS));
    assertThat(BatchInvariants.violations(broken)).containsExactly(
        BatchInvariant.COMPLETE_EXACTLY_WHEN_NOT_IN_PROGRESS, BatchInvariant.FINISHED_BATCH_ENDS_WITH_ITS_STATUS_PHASE,
        BatchInvariant.END_NOT_BEFORE_START, BatchInvariant.FINISHED_BATCH_HAS_NO_RUNNING_MEMBER);
  }

  @TestFactory
  Stream<DynamicTest> eachDamageBreaksItsInvariant() {
    BuildBatch running = RUNNING.batch();
    List<BuildBatchPhase> phases = running.phases();
    return Stream.of(
        broken(BatchInvariant.LIFECYCLE_MEMBERS_PRESENT, batch(RUNNING, b -> b.withComplete(Optional.empty()))),
        broken(BatchInvariant.LIFECYCLE_MEMBERS_PRESENT, batch(RUNNING, b -> b.withStartTime(Optional.empty()))),
        broken(BatchInvariant.LIFECYCLE_MEMBERS_PRESENT, batch(RUNNING,
            b -> b.withBuildBatchStatusAsString(Optional.empty()))),
        broken(BatchInvariant.LIFECYCLE_MEMBERS_PRESENT, batch(RUNNING,
            b -> b.withCurrentPhaseAsString(Optional.empty()))),
        broken(BatchInvariant.LIFECYCLE_MEMBERS_PRESENT, batch(RUNNING, b -> b.withPhases(List.of()))),
        broken(BatchInvariant.COMPLETE_EXACTLY_WHEN_NOT_IN_PROGRESS, batch(RUNNING, b -> b.withComplete(true))),
        broken(BatchInvariant.FIRST_PHASE_IS_SUBMITTED_AT_START_TIME, batch(RUNNING,
            b -> b.withStartTime(SUBMITTED_AT.plusMillis(1)))),
        broken(BatchInvariant.FIRST_PHASE_IS_SUBMITTED_AT_START_TIME, batch(RUNNING,
            b -> b.withPhases(phases.get(0).withPhaseType(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC), phases.get(1),
                phases.get(2)))),
        broken(BatchInvariant.PHASES_IN_LIFECYCLE_ORDER, batch(RUNNING,
            b -> b.withPhases(phases.get(0), phases.get(1).withPhaseType(BuildBatchPhaseType.IN_PROGRESS),
                phases.get(2)))),
        broken(BatchInvariant.PHASES_IN_LIFECYCLE_ORDER, batch(RUNNING,
            b -> b.withPhases(phases.get(0), phases.get(1).withPhaseType(BuildBatchPhaseType.FAILED),
                phases.get(2)))),
        broken(BatchInvariant.PHASES_IN_LIFECYCLE_ORDER, batch(RUNNING,
            b -> b.withPhases(phases.get(0), phases.get(1).withPhaseType(BuildBatchPhaseType.SUBMITTED),
                phases.get(2)))),
        // a final-status phase is the last, even when only phases this version does not know follow it
        broken(BatchInvariant.PHASES_IN_LIFECYCLE_ORDER, batch(RUNNING,
            b -> b.withPhases(phases.get(0), phases.get(1).withPhaseType(BuildBatchPhaseType.FAILED),
                phases.get(2).withPhaseTypeAsString("NEW_PHASE")))),
        // an attempt a retry ended is followed by SUBMITTED, and only a final-status phase closed RETRY ends one
        broken(BatchInvariant.PHASES_IN_LIFECYCLE_ORDER, batch(RETRIED,
            b -> b.withPhases(lastReplaced(b, last -> last.withPhaseType(BuildBatchPhaseType.IN_PROGRESS))))),
        broken(BatchInvariant.PHASES_IN_LIFECYCLE_ORDER, batch(RETRIED,
            b -> b.withPhases(secondLastReplaced(b, marker -> marker.withPhaseStatus(StatusType.FAILED))))),
        broken(BatchInvariant.PRIOR_ATTEMPTS_FINISHED_BEFORE_A_RETRY, batch(RETRIED,
            b -> b.withBuildGroups(priorOfA(b, prior -> prior.withBuildStatus(StatusType.IN_PROGRESS)),
                b.buildGroups().get(1)))),
        broken(BatchInvariant.PRIOR_ATTEMPTS_FINISHED_BEFORE_A_RETRY, batch(RETRIED,
            b -> b.withBuildGroups(priorOfA(b, prior -> prior.withArn(RETRIED.member("a").orElseThrow().arn())),
                b.buildGroups().get(1)))),
        broken(BatchInvariant.PRIOR_ATTEMPTS_FINISHED_BEFORE_A_RETRY, batch(FAILED,
            b -> b.withBuildGroups(b.buildGroups().get(0).withPriorBuildSummaryList(
                b.buildGroups().get(0).currentBuildSummary().orElseThrow().withArn("arn:earlier")),
                b.buildGroups().get(1)))),
        broken(BatchInvariant.ONLY_THE_LAST_PHASE_IS_OPEN, batch(RUNNING,
            b -> b.withPhases(phases.get(0), phases.get(1).withDurationInSeconds(Optional.empty()), phases.get(2)))),
        broken(BatchInvariant.ONLY_THE_LAST_PHASE_IS_OPEN, batch(RUNNING,
            b -> b.withPhases(phases.get(0), phases.get(1), phases.get(2).withPhaseStatus(StatusType.IN_PROGRESS)))),
        broken(BatchInvariant.ONLY_THE_LAST_PHASE_IS_OPEN, batch(RUNNING,
            b -> b.withPhases(phases.get(0), phases.get(1).withPhaseStatusAsString(Optional.empty()),
                phases.get(2)))),
        broken(BatchInvariant.ONLY_THE_LAST_PHASE_IS_OPEN, batch(RUNNING,
            b -> b.withPhases(phases.get(0), phases.get(1).withEndTime(Optional.empty()), phases.get(2)))),
        broken(BatchInvariant.ONLY_THE_LAST_PHASE_IS_OPEN, batch(RUNNING,
            b -> b.withPhases(phases.get(0), phases.get(1), phases.get(2).withEndTime(later(1))))),
        broken(BatchInvariant.ONLY_THE_LAST_PHASE_IS_OPEN, batch(RUNNING,
            b -> b.withPhases(phases.get(0), phases.get(1), phases.get(2).withDurationInSeconds(1L)))),
        broken(BatchInvariant.PHASES_CONTIGUOUS, batch(RUNNING,
            b -> b.withPhases(phases.get(0), phases.get(1), phases.get(2).withStartTime(later(1))))),
        broken(BatchInvariant.DURATION_IS_FLOORED_ELAPSED_SECONDS, batch(RUNNING,
            b -> b.withPhases(phases.get(0), phases.get(1).withDurationInSeconds(32L), phases.get(2)))),
        broken(BatchInvariant.DURATION_IS_FLOORED_ELAPSED_SECONDS, batch(RUNNING,
            b -> b.withPhases(phases.get(0).withStartTime(Optional.empty()), phases.get(1), phases.get(2)))),
        broken(BatchInvariant.DURATION_IS_FLOORED_ELAPSED_SECONDS, batch(RUNNING,
            b -> b.withPhases(closed(BuildBatchPhaseType.SUBMITTED, StatusType.SUCCEEDED, DOWNLOADING_AT,
                SUBMITTED_AT, 0), phases.get(1), phases.get(2)))),
        broken(BatchInvariant.RUNNING_BATCH_IS_IN_ITS_LAST_PHASE, batch(RUNNING, b -> b.withEndTime(later(1)))),
        broken(BatchInvariant.RUNNING_BATCH_IS_IN_ITS_LAST_PHASE, batch(RUNNING,
            b -> b.withCurrentPhase(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC))),
        broken(BatchInvariant.RUNNING_BATCH_IS_IN_ITS_LAST_PHASE, batch(RUNNING,
            b -> b.withPhases(phases.get(0), phases.get(1), open(BuildBatchPhaseType.SUCCEEDED, IN_PROGRESS_AT))
                .withCurrentPhase(BuildBatchPhaseType.SUCCEEDED))),
        broken(BatchInvariant.RUNNING_BATCH_IS_IN_ITS_LAST_PHASE, batch(RUNNING, b -> b.withPhases(List.of()))),
        broken(BatchInvariant.RUNNING_BATCH_IS_IN_ITS_LAST_PHASE, batch(RUNNING,
            b -> b.withPhases(phases.get(0), phases.get(1), phases.get(2).withPhaseTypeAsString(Optional.empty()))
                .withCurrentPhaseAsString(Optional.empty()))),
        broken(BatchInvariant.FINISHED_BATCH_ENDS_WITH_ITS_STATUS_PHASE, batch(SUCCEEDED,
            b -> b.withCurrentPhase(BuildBatchPhaseType.IN_PROGRESS))),
        broken(BatchInvariant.FINISHED_BATCH_ENDS_WITH_ITS_STATUS_PHASE, batch(SUCCEEDED, b -> b.withPhases(List.of()))),
        broken(BatchInvariant.FINISHED_BATCH_ENDS_WITH_ITS_STATUS_PHASE, batch(STOPPED,
            b -> b.withEndTime(Optional.empty())
                .withPhases(lastReplaced(b, last -> last.withStartTime(Optional.empty()))))),
        broken(BatchInvariant.FINISHED_BATCH_ENDS_WITH_ITS_STATUS_PHASE, batch(SUCCEEDED,
            b -> b.withEndTime(later(21)))),
        broken(BatchInvariant.FINISHED_BATCH_ENDS_WITH_ITS_STATUS_PHASE, batch(STOPPED,
            b -> b.withPhases(lastReplaced(b, last -> last.withPhaseType(BuildBatchPhaseType.FAILED))))),
        broken(BatchInvariant.FINISHED_BATCH_ENDS_WITH_ITS_STATUS_PHASE, batch(STOPPED,
            b -> b.withPhases(lastReplaced(b, last -> last.withStartTime(Optional.empty()))))),
        broken(BatchInvariant.END_NOT_BEFORE_START, batch(STARTED,
            b -> b.withEndTime(SUBMITTED_AT.minusMillis(1)))),
        broken(BatchInvariant.END_NOT_BEFORE_START, batch(STARTED,
            b -> b.withStartTime(Optional.empty()).withEndTime(SUBMITTED_AT))),
        broken(BatchInvariant.ONE_MEMBER_PER_GROUP, RUNNING.withMember("c", Build.builder().buildBatchArn(ARN).build())),
        broken(BatchInvariant.ONE_MEMBER_PER_GROUP, batch(RUNNING, b -> b.withBuildGroups(
            b.buildGroups().get(0), b.buildGroups().get(1).withIdentifier("a")))),
        broken(BatchInvariant.ONE_MEMBER_PER_GROUP, batch(RUNNING, b -> b.withBuildGroups(
            b.buildGroups().get(0), b.buildGroups().get(1).withIdentifier(Optional.empty())))),
        broken(BatchInvariant.MEMBERS_CARRY_THE_BATCH_ARN, RUNNING.withMember("b",
            RUNNING.member("b").orElseThrow().withBuildBatchArn("arn:other"))),
        broken(BatchInvariant.STARTED_MEMBERS_ARE_REAL_BUILDS, RUNNING.withMember("a",
            RUNNING.member("a").orElseThrow().withBuildComplete(true))),
        broken(BatchInvariant.SUMMARY_MIRRORS_MEMBER, batch(RUNNING, b -> b.withBuildGroups(
            b.buildGroups().get(0), b.buildGroups().get(1).withCurrentBuildSummary(BuildSummary.builder().build())))),
        broken(BatchInvariant.SUMMARY_MIRRORS_MEMBER, batch(RUNNING, b -> b.withBuildGroups(
            b.buildGroups().get(0).withCurrentBuildSummary(Optional.empty()), b.buildGroups().get(1)))),
        broken(BatchInvariant.SUMMARY_MIRRORS_MEMBER, summaryOfA(summary -> summary.withArn("arn:other"))),
        broken(BatchInvariant.SUMMARY_MIRRORS_MEMBER, summaryOfA(summary -> summary.withRequestedOn(later(1)))),
        broken(BatchInvariant.SUMMARY_MIRRORS_MEMBER,
            summaryOfA(summary -> summary.withBuildStatus(StatusType.SUCCEEDED))),
        broken(BatchInvariant.MEMBERS_START_AFTER_THEIR_DEPENDENCIES, startedEarly(RUNNING, "b")),
        broken(BatchInvariant.MEMBERS_START_AFTER_THEIR_DEPENDENCIES, startedEarly(FAILED, "b")),
        broken(BatchInvariant.MEMBERS_START_AFTER_THEIR_DEPENDENCIES, membersStartedBefore(RUNNING)),
        broken(BatchInvariant.MEMBERS_START_AFTER_THEIR_DEPENDENCIES, withoutInProgressPhase(RUNNING)),
        broken(BatchInvariant.MEMBERS_START_AFTER_THEIR_DEPENDENCIES, startedBeforeDependencyEnded()),
        broken(BatchInvariant.FINISHED_BATCH_HAS_NO_RUNNING_MEMBER,
            STOPPED.withMember("b", FIRST_DONE.member("b").orElseThrow())),
        broken(BatchInvariant.FINISHED_BATCH_HAS_NO_RUNNING_MEMBER, batch(SUCCEEDED, b -> b.withEndTime(later(19)))),
        broken(BatchInvariant.FINISHED_BATCH_HAS_NO_RUNNING_MEMBER, batch(SUCCEEDED,
            b -> b.withEndTime(Optional.empty()))),
        broken(BatchInvariant.STATUS_FOLLOWS_MEMBERS, batch(FAILED, b -> b.withBuildBatchStatus(StatusType.SUCCEEDED)
            .withCurrentPhase(BuildBatchPhaseType.SUCCEEDED)
            .withPhases(lastReplaced(b, last -> last.withPhaseType(BuildBatchPhaseType.SUCCEEDED))))),
        broken(BatchInvariant.STATUS_FOLLOWS_MEMBERS, allFailureIgnoredButNotRun()),
        broken(BatchInvariant.STATUS_FOLLOWS_MEMBERS, batch(SUCCEEDED, b -> b.withBuildBatchStatus(StatusType.FAILED)
            .withCurrentPhase(BuildBatchPhaseType.FAILED)
            .withPhases(lastReplaced(b, last -> last.withPhaseType(BuildBatchPhaseType.FAILED))))));
  }

  @Test
  void aStatusThisVersionDoesNotKnowIsNotJudged() {
    BatchRun finished = batch(SUCCEEDED, b -> b.withBuildBatchStatusAsString("PENDING"));
    BatchRun running = batch(RUNNING, b -> b.withBuildBatchStatusAsString("PENDING"));

    assertThat(BatchInvariants.violations(finished)).isEmpty();
    assertThat(BatchInvariants.violations(running)).isEmpty();
  }

  @Test
  void aFinalStatusWithoutAPhaseOfItsNameIsNotJudgedByThePhaseRule() {
    // FAULT and TIMED_OUT are batch statuses but no batch phase type
    BatchRun fault = batch(FAILED, b -> b.withBuildBatchStatus(StatusType.FAULT));

    assertThat(BatchInvariants.violations(fault)).isEmpty();
  }

  @Test
  void aPhaseTypeThisVersionDoesNotKnowIsNotOrdered() {
    BatchRun unknown = batch(STOPPED, b -> b.withPhases(insertedAfterFirst(b,
        BuildBatchPhase.builder().phaseTypeAsString("NEW_PHASE").build())));

    assertThat(BatchInvariants.violations(unknown)).doesNotContain(BatchInvariant.PHASES_IN_LIFECYCLE_ORDER);
  }

  private static DynamicTest broken(BatchInvariant invariant, BatchRun run) {
    return DynamicTest.dynamicTest(invariant.name(), () -> {
      assertThat(invariant.holdsFor(run)).isFalse();
      assertThat(BatchInvariants.violations(run)).contains(invariant);
    });
  }

  private static BatchRun batch(BatchRun run, UnaryOperator<BuildBatch> damage) {
    return run.withBatch(damage.apply(run.batch()));
  }

  private static List<BuildBatchPhase> lastReplaced(BuildBatch batch, UnaryOperator<BuildBatchPhase> damage) {
    List<BuildBatchPhase> phases = new ArrayList<>(batch.phases());
    phases.set(phases.size() - 1, damage.apply(phases.get(phases.size() - 1)));
    return phases;
  }

  private static List<BuildBatchPhase> secondLastReplaced(BuildBatch batch, UnaryOperator<BuildBatchPhase> damage) {
    List<BuildBatchPhase> phases = new ArrayList<>(batch.phases());
    phases.set(phases.size() - 2, damage.apply(phases.get(phases.size() - 2)));
    return phases;
  }

  // group a with its one prior attempt damaged
  private static BuildGroup priorOfA(BuildBatch batch, UnaryOperator<BuildSummary> damage) {
    BuildGroup a = batch.buildGroups().get(0);
    return a.withPriorBuildSummaryList(damage.apply(a.priorBuildSummaryList().get(0)));
  }

  private static List<BuildBatchPhase> insertedAfterFirst(BuildBatch batch, BuildBatchPhase phase) {
    List<BuildBatchPhase> phases = new ArrayList<>(batch.phases());
    phases.add(1, phase);
    return phases;
  }

  private static BatchRun summaryOfA(UnaryOperator<BuildSummary> damage) {
    return batch(RUNNING, b -> b.withBuildGroups(
        b.buildGroups().get(0).withCurrentBuildSummary(damage.apply(b.buildGroups().get(0).currentBuildSummary()
            .orElseThrow())),
        b.buildGroups().get(1)));
  }

  // b started although a has not finished (or failed it)
  private static BatchRun startedEarly(BatchRun run, String identifier) {
    return BatchLifecycle.withSummaries(run.withMember(identifier,
        BuildLifecycle.start(run.member(identifier).orElseThrow(), later(11))));
  }

  private static BatchRun membersStartedBefore(BatchRun run) {
    Build a = BuildLifecycle.start(STARTED.member("a").orElseThrow(), DOWNLOADING_AT);
    return BatchLifecycle.withSummaries(run.withMember("a", a));
  }

  private static BatchRun withoutInProgressPhase(BatchRun run) {
    return batch(run, b -> b.withPhases(b.phases().get(0), b.phases().get(1),
        b.phases().get(2).withPhaseType(BuildBatchPhaseType.COMBINE_ARTIFACTS)));
  }

  private static BatchRun startedBeforeDependencyEnded() {
    BatchRun run = FIRST_DONE.withMember("b",
        BuildLifecycle.start(FIRST_DONE.member("b").orElseThrow().withStartTime(Optional.empty()), later(9)));
    return BatchLifecycle.withSummaries(run);
  }

  // a batch that says SUCCEEDED although one member never ran
  private static BatchRun allFailureIgnoredButNotRun() {
    BatchRun run = inProgress(graph(ignoringFailure("a"), task("b", "a")));
    BatchRun done = BatchLifecycle.completeMember(run, "a", StatusType.SUCCEEDED, later(3));
    BatchRun succeeded = BatchLifecycle.completeMember(done, "b", StatusType.SUCCEEDED, later(4));
    Map<String, Build> members = new java.util.LinkedHashMap<>(succeeded.members());
    members.put("b", run.member("b").orElseThrow());
    BatchRun unrun = BatchLifecycle.withSummaries(new BatchRun(succeeded.batch(), false, members));
    return unrun.withBatch(unrun.batch().withBuildGroups(unrun.batch().buildGroups().stream()
        .map(group -> group.withIgnoreFailure(true)).toList().toArray(new BuildGroup[0])));
  }
}
