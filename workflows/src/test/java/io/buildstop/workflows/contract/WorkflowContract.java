package io.buildstop.workflows.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BatchGetBuildsResult;
import io.buildstop.api.BuildIdPage;
import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.workflows.Backoff;
import io.buildstop.workflows.BuildGuard;
import io.buildstop.workflows.Outcome;
import io.buildstop.workflows.StopAndWait;
import io.buildstop.workflows.StopAndWaitFailure;
import io.buildstop.workflows.StopOnCancellation;
import io.buildstop.workflows.StopReport;
import io.buildstop.workflows.StopReportLine;
import io.buildstop.workflows.StopRunaway;
import io.buildstop.workflows.StopSuperseded;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The workflows against a backend: the same tests for every backend (in-memory, AWS through the local endpoint).
 * Subclass it with a {@link WorkflowFixture}. Failure injection and asynchronous finalisation are decorators over
 * the fixture's ports ({@link ScriptedStopper}, {@link SettlingLater}), so a backend needs no hooks for them.
 * Workflows wait on a {@link FakeTime}: retries and polls take no real time.
 */
public abstract class WorkflowContract {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** The backend under test, with its seeding hooks; called once per test. */
  protected abstract WorkflowFixture fixture();

  private WorkflowFixture fixture;
  private final FakeTime time = new FakeTime(Instant.parse("2026-03-01T12:00:00Z"));

  /** The fixture of the running test, made on first use. */
  protected final WorkflowFixture theFixture() {
    if (fixture == null) {
      fixture = fixture();
    }
    return fixture;
  }

  /** A project name nobody else uses. */
  protected static String freshProject() {
    return "wf-" + UUID.randomUUID().toString().replace("-", "");
  }

  private Instant minutesAgo(long minutes) {
    return theFixture().clock().instant().minus(MINUTE.multipliedBy(minutes));
  }

  private Build running(String project, String version, long minutesAgo) {
    return theFixture().runningBuild(project, version, minutesAgo(minutesAgo));
  }

  private Build completed(String project, String version, long minutesAgo, StatusType status) {
    return theFixture().completedBuild(project, version, minutesAgo(minutesAgo), status);
  }

  private static BuildId idOf(Build build) {
    return BuildId.parse(build.id().orElseThrow()).get();
  }

  private Build stored(Build build) {
    return theFixture().storedBuild(idOf(build)).orElseThrow();
  }

  private void assertStopped(Build build) {
    Build now = stored(build);
    assertThat(now.buildStatus()).as("status of %s", idOf(build)).contains(StatusType.STOPPED);
    assertThat(now.buildComplete()).as("complete: %s", idOf(build)).contains(true);
  }

  private void assertUnchanged(Build... builds) {
    for (Build build : builds) {
      assertThat(stored(build)).as("build %s must be unchanged", idOf(build)).isEqualTo(build);
    }
  }

  private static List<BuildId> ids(Build... builds) {
    return List.of(builds).stream().map(WorkflowContract::idOf).toList();
  }

  private static List<BuildId> idsOf(StopReport report) {
    return report.lines().stream().map(StopReportLine::id).toList();
  }

  private static List<Outcome.Code> codesOf(StopReport report) {
    return report.lines().stream().map(line -> line.outcome().code()).toList();
  }

  private StopAndWait<Build> stopAndWait(BuildStopper stopper, BuildReader reader) {
    return StopAndWait.with(stopper, reader).clock(time).sleeper(time).timeout(Duration.ofMinutes(5))
        .backoff(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 2, 0)).random(new SplittableRandom(1));
  }

  private StopSuperseded superseded(BuildStopper stopper) {
    return superseded(stopper, theFixture().reader());
  }

  private StopSuperseded superseded(BuildStopper stopper, BuildReader reader) {
    return StopSuperseded.of(stopper, reader).sleeper(time).backoff(Backoff.fixed(Duration.ofSeconds(1)))
        .random(new SplittableRandom(2));
  }

  private StopRunaway runaway(BuildStopper stopper) {
    return StopRunaway.of(stopper, theFixture().reader()).clock(theFixture().clock()).sleeper(time)
        .backoff(Backoff.fixed(Duration.ofSeconds(1))).random(new SplittableRandom(3));
  }

  private StopOnCancellation guards(BuildStopper stopper) {
    return StopOnCancellation.of(stopper, theFixture().reader()).sleeper(time)
        .backoff(Backoff.fixed(Duration.ofSeconds(1))).random(new SplittableRandom(4));
  }

  @Nested
  @DisplayName("stop and wait: stop, then poll until complete, within the deadline (spec §4.9)")
  class StopAndWaitWorkflow {

    @Test
    void returnsARunningBuildStoppedAndComplete() {
      Build build = running(freshProject(), "main", 10);

      Either<StopAndWaitFailure<Build>, Build> result =
          stopAndWait(theFixture().stopper(), theFixture().reader()).run(build.id().orElseThrow());

      assertThat(result.isRight()).as("stop and wait: %s", result).isTrue();
      assertThat(result.get().buildStatus()).contains(StatusType.STOPPED);
      assertThat(result.get()).isEqualTo(stored(build));
      assertStopped(build);
    }

    @Test
    void returnsACompletedBuildUnchangedWithItsFinalStatus() {
      Build build = completed(freshProject(), "main", 10, StatusType.FAILED);

      Either<StopAndWaitFailure<Build>, Build> result =
          stopAndWait(theFixture().stopper(), theFixture().reader()).run(build.id().orElseThrow());

      assertThat(result.get()).isEqualTo(build);
      assertThat(time.sleeps()).as("nothing to wait for").isEmpty();
    }

    @Test
    void failsWithResourceNotFoundForAnUnknownBuild() {
      String unknown = freshProject() + ":" + UUID.randomUUID();

      Either<StopAndWaitFailure<Build>, Build> result =
          stopAndWait(theFixture().stopper(), theFixture().reader()).run(unknown);

      assertThat(result.getLeft().code()).isEqualTo(StopAndWaitFailure.Code.FAILED);
      assertThat(((StopAndWaitFailure.Failed<Build>) result.getLeft()).failure().code())
          .isEqualTo(StopFailure.Code.RESOURCE_NOT_FOUND);
    }

    @Test
    void failsWithInvalidInputForAMalformedIdAndCallsNothing() {
      ScriptedStopper stopper = new ScriptedStopper(theFixture().stopper());

      Either<StopAndWaitFailure<Build>, Build> result = stopAndWait(stopper, theFixture().reader()).run("no colon");

      assertThat(((StopAndWaitFailure.Failed<Build>) result.getLeft()).failure().code())
          .isEqualTo(StopFailure.Code.INVALID_INPUT);
      assertThat(stopper.calls()).isEmpty();
    }

    @Test
    void waitsUntilABuildThatFinalisesLaterIsComplete() {
      Build build = running(freshProject(), "pr/7", 10);
      SettlingLater backend = new SettlingLater(theFixture().stopper(), theFixture().reader(), 3);

      Either<StopAndWaitFailure<Build>, Build> result = stopAndWait(backend, backend).run(build.id().orElseThrow());

      assertThat(result.isRight()).as("stop and wait: %s", result).isTrue();
      assertThat(result.get().buildStatus()).contains(StatusType.STOPPED);
      assertThat(result.get().buildComplete()).contains(true);
      assertThat(backend.reads()).as("three stale reads, then the settled one").isEqualTo(4);
      assertThat(time.sleeps()).containsExactly(
          Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void returnsStillRunningAtTheDeadlineWithTheLastBuildSeen() {
      Build build = running(freshProject(), "pr/7", 10);
      SettlingLater backend = new SettlingLater(theFixture().stopper(), theFixture().reader(), Integer.MAX_VALUE);
      Instant start = time.instant();

      Either<StopAndWaitFailure<Build>, Build> result = stopAndWait(backend, backend)
          .timeout(Duration.ofSeconds(30)).run(build.id().orElseThrow());

      assertThat(result.getLeft()).isInstanceOf(StopAndWaitFailure.StillRunningAtDeadline.class);
      Build lastSeen = ((StopAndWaitFailure.StillRunningAtDeadline<Build>) result.getLeft()).lastSeen();
      assertThat(lastSeen.buildStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(lastSeen.id()).isEqualTo(build.id());
      assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(30));
      assertThat(Duration.between(start, time.instant())).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retriesAThrottledStopUntilItGoesThrough() {
      Build build = running(freshProject(), "main", 10);
      ScriptedStopper stopper = new ScriptedStopper(theFixture().stopper())
          .failNext(2, new StopFailure.Throttled("Rate exceeded"));

      Either<StopAndWaitFailure<Build>, Build> result =
          stopAndWait(stopper, theFixture().reader()).run(build.id().orElseThrow());

      assertThat(result.isRight()).as("stop and wait: %s", result).isTrue();
      assertThat(stopper.calls()).hasSize(3);
      assertStopped(build);
    }
  }

  @Nested
  @DisplayName("stop superseded: the running builds of one project and source version, but the newest")
  class StopSupersededWorkflow {

    @Test
    void stopsEveryRunningBuildOfThePairButTheNewestAndTouchesNoOtherPair() {
      String project = freshProject();
      String otherProject = freshProject();
      Build finishedOldest = completed(project, "pr/7", 60, StatusType.SUCCEEDED);
      Build older = running(project, "pr/7", 50);
      Build old = running(project, "pr/7", 40);
      Build newest = running(project, "pr/7", 30);
      Build otherBranch = running(project, "main", 45);
      Build otherProjectsBuild = running(otherProject, "pr/7", 55);

      Either<StopFailure, StopReport> report =
          superseded(theFixture().stopper()).project(project).sourceVersion("pr/7").run();

      assertThat(idsOf(report.get())).containsExactlyElementsOf(ids(old, older));
      assertThat(codesOf(report.get())).containsOnly(Outcome.Code.STOPPED);
      assertStopped(older);
      assertStopped(old);
      assertUnchanged(newest, finishedOldest, otherBranch, otherProjectsBuild);
    }

    @Test
    void aNewerCompletedBuildSupersedesEveryRunningOne() {
      String project = freshProject();
      Build first = running(project, "main", 50);
      Build second = running(project, "main", 40);
      Build newestButDone = completed(project, "main", 30, StatusType.FAILED);

      Either<StopFailure, StopReport> report =
          superseded(theFixture().stopper()).project(project).sourceVersion("main").run();

      assertThat(idsOf(report.get())).containsExactlyElementsOf(ids(second, first));
      assertStopped(first);
      assertStopped(second);
      assertUnchanged(newestButDone);
    }

    @Test
    void stopsOnlyTheRunningBuildsOlderThanTheReference() {
      String project = freshProject();
      Build older = running(project, "pr/3", 50);
      Build reference = running(project, "pr/3", 40);
      Build newer = running(project, "pr/3", 30);
      Build otherBranchOlder = running(project, "main", 55);

      Either<StopFailure, StopReport> report = superseded(theFixture().stopper())
          .project(project).sourceVersion("pr/3").olderThan(idOf(reference)).run();

      assertThat(idsOf(report.get())).containsExactlyElementsOf(ids(older));
      assertStopped(older);
      assertUnchanged(reference, newer, otherBranchOlder);
    }

    @Test
    void rejectsAReferenceOfAnotherProjectAndStopsNothing() {
      String project = freshProject();
      Build old = running(project, "main", 50);
      running(project, "main", 40);
      Build elsewhere = running(freshProject(), "main", 30);
      ScriptedStopper stopper = new ScriptedStopper(theFixture().stopper());

      Either<StopFailure, StopReport> report = superseded(stopper)
          .project(project).sourceVersion("main").olderThan(idOf(elsewhere)).run();

      assertThat(report.getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
      assertThat(stopper.calls()).isEmpty();
      assertUnchanged(old);
    }

    @Test
    void aReferenceThatNamesNoBuildIsNotFound() {
      String project = freshProject();
      running(project, "main", 50);
      BuildId unknown = BuildId.parse(project + ":" + UUID.randomUUID()).get();

      Either<StopFailure, StopReport> report = superseded(theFixture().stopper())
          .project(project).sourceVersion("main").olderThan(unknown).run();

      assertThat(report.getLeft().code()).isEqualTo(StopFailure.Code.RESOURCE_NOT_FOUND);
    }

    @Test
    void aDryRunReportsWhatItWouldStopAndStopsNothing() {
      String project = freshProject();
      Build old = running(project, "main", 50);
      Build newest = running(project, "main", 40);
      ScriptedStopper stopper = new ScriptedStopper(theFixture().stopper());

      Either<StopFailure, StopReport> report =
          superseded(stopper).project(project).sourceVersion("main").dryRun(true).run();

      assertThat(report.get().lines()).containsExactly(new StopReportLine(idOf(old), new Outcome.WouldStop<>(old)));
      assertThat(stopper.calls()).isEmpty();
      assertUnchanged(old, newest);
    }

    @Test
    void aBuildThatCompletesMeanwhileIsReportedAsAlreadyComplete() {
      String project = freshProject();
      Build finishesFirst = running(project, "main", 50);
      Build old = running(project, "main", 45);
      running(project, "main", 40);
      ScriptedStopper stopper = new ScriptedStopper(theFixture().stopper()).beforeEachCall((call, id) -> {
        if (id.equals(idOf(finishesFirst))) {
          theFixture().complete(id, StatusType.SUCCEEDED);
        }
      });

      StopReport report = superseded(stopper).project(project).sourceVersion("main").run().get();

      assertThat(report.lines()).extracting(StopReportLine::id).containsExactlyElementsOf(ids(old, finishesFirst));
      assertThat(codesOf(report)).containsExactly(Outcome.Code.STOPPED, Outcome.Code.ALREADY_COMPLETE);
      assertThat(stored(finishesFirst).buildStatus()).contains(StatusType.SUCCEEDED);
      assertThat(report.hasFailures()).isFalse();
    }

    @Test
    void throttlingInjectedMidWorkflowStillEndsInAFullReport() {
      String project = freshProject();
      List<Build> superseded = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        superseded.add(running(project, "main", 60 - i));
      }
      running(project, "main", 10);
      ScriptedStopper stopper = new ScriptedStopper(theFixture().stopper());
      stopper.beforeEachCall((call, id) -> {
        if (call == 3) {
          stopper.failNext(6, new StopFailure.Throttled("Rate exceeded"));
        }
      });

      StopReport report = superseded(stopper).project(project).sourceVersion("main")
          .concurrency(3).maxAttempts(10).run().get();

      assertThat(report.lines()).hasSize(8);
      assertThat(codesOf(report)).containsOnly(Outcome.Code.STOPPED);
      superseded.forEach(WorkflowContract.this::assertStopped);
      assertThat(stopper.calls()).as("8 stops and 6 throttled calls, retried").hasSize(14);
      assertThat(time.sleeps()).as("throttling backs off").hasSize(6);
    }

    @Test
    void aBuildThatStaysThrottledFailsItsOwnLineOnly() {
      String project = freshProject();
      Build a = running(project, "main", 50);
      Build throttled = running(project, "main", 45);
      Build c = running(project, "main", 40);
      running(project, "main", 30);
      ScriptedStopper stopper = new ScriptedStopper(theFixture().stopper())
          .alwaysFail(idOf(throttled), new StopFailure.Throttled("Rate exceeded"));

      StopReport report = superseded(stopper).project(project).sourceVersion("main").maxAttempts(4).run().get();

      assertThat(idsOf(report)).containsExactlyElementsOf(ids(c, throttled, a));
      assertThat(codesOf(report)).containsExactly(Outcome.Code.STOPPED, Outcome.Code.FAILED, Outcome.Code.STOPPED);
      assertThat(((Outcome.Failed<?>) report.lines().get(1).outcome()).failure().code())
          .isEqualTo(StopFailure.Code.THROTTLED);
      assertThat(stopper.callsFor(idOf(throttled))).isEqualTo(4);
      assertStopped(a);
      assertStopped(c);
      assertUnchanged(throttled);
    }

    @Test
    void readsEveryPageAndEveryBatchOfABigProject() {
      String project = freshProject();
      List<Build> superseded = new ArrayList<>();
      for (int i = 0; i < 130; i++) {
        superseded.add(running(project, "main", 1000 - i));
      }
      Build newest = running(project, "main", 10);

      StopReport report = superseded(theFixture().stopper()).project(project).sourceVersion("main").run().get();

      assertThat(report.lines()).hasSize(130);
      assertThat(report.count(Outcome.Code.STOPPED)).isEqualTo(130);
      assertUnchanged(newest);
    }

    @Test
    void aReadThatFailsForGoodIsTheAnswerAndNothingIsStopped() {
      String project = freshProject();
      running(project, "main", 50);
      running(project, "main", 40);
      ScriptedStopper stopper = new ScriptedStopper(theFixture().stopper());
      BuildReader denied = new BuildReader() {
        @Override
        public Either<StopFailure, BatchGetBuildsResult> batchGetBuilds(List<String> ids) {
          return Either.left(new StopFailure.AccessDenied("AccessDeniedException", "not allowed"));
        }

        @Override
        public Either<StopFailure, BuildIdPage> listBuildsForProject(String name, Optional<String> token) {
          return theFixture().reader().listBuildsForProject(name, token);
        }
      };

      Either<StopFailure, StopReport> report =
          superseded(stopper, denied).project(project).sourceVersion("main").run();

      assertThat(report.getLeft().code()).isEqualTo(StopFailure.Code.ACCESS_DENIED);
      assertThat(stopper.calls()).isEmpty();
    }
  }

  @Nested
  @DisplayName("stop runaway: the in-progress builds of some projects that started too long ago")
  class StopRunawayWorkflow {

    @Test
    void stopsOnlyInProgressBuildsOlderThanTheAgeAcrossTheProjectsGiven() {
      String a = freshProject();
      String b = freshProject();
      String notGiven = freshProject();
      Build aRunaway = running(a, "main", 180);
      Build aRecent = running(a, "main", 30);
      Build aOldButDone = completed(a, "main", 300, StatusType.SUCCEEDED);
      Build bRunaway = running(b, "pr/1", 125);
      Build notGivenRunaway = running(notGiven, "main", 240);

      StopReport report = runaway(theFixture().stopper()).projects(a, b).olderThan(Duration.ofHours(2)).run().get();

      assertThat(idsOf(report)).containsExactlyElementsOf(ids(aRunaway, bRunaway));
      assertThat(codesOf(report)).containsOnly(Outcome.Code.STOPPED);
      assertStopped(aRunaway);
      assertStopped(bRunaway);
      assertUnchanged(aRecent, aOldButDone, notGivenRunaway);
    }

    @Test
    void aDryRunReportsWhatItWouldStopAndStopsNothing() {
      String project = freshProject();
      Build runaway = running(project, "main", 180);
      ScriptedStopper stopper = new ScriptedStopper(theFixture().stopper());

      StopReport report = runaway(stopper).projects(project).olderThan(Duration.ofHours(1)).dryRun(true).run().get();

      assertThat(report.lines()).containsExactly(
          new StopReportLine(idOf(runaway), new Outcome.WouldStop<>(runaway)));
      assertThat(stopper.calls()).isEmpty();
      assertUnchanged(runaway);
    }

    @Test
    void needsAProjectAndAnAge() {
      assertThat(runaway(theFixture().stopper()).olderThan(Duration.ofHours(1)).run().getLeft().code())
          .isEqualTo(StopFailure.Code.INVALID_INPUT);
      assertThat(runaway(theFixture().stopper()).projects(freshProject()).run().getLeft().code())
          .isEqualTo(StopFailure.Code.INVALID_INPUT);
    }
  }

  @Nested
  @DisplayName("stop on cancellation: a guard stops the build if closed before it completed")
  class StopOnCancellationGuard {

    @Test
    void closingBeforeTheBuildCompletedStopsIt() {
      Build build = running(freshProject(), "main", 5);

      BuildGuard guard = guards(theFixture().stopper()).guard(idOf(build));
      guard.close();

      assertStopped(build);
      assertThat(guard.outcome()).contains(new Outcome.Stopped<>(stored(build)));
    }

    @Test
    void closingAfterTheBuildCompletedLeavesItAndCallsNoStop() {
      Build build = running(freshProject(), "main", 5);
      ScriptedStopper stopper = new ScriptedStopper(theFixture().stopper());
      BuildGuard guard = guards(stopper).guard(idOf(build));

      theFixture().complete(idOf(build), StatusType.SUCCEEDED);
      guard.close();

      assertThat(stopper.calls()).isEmpty();
      assertThat(guard.outcome().orElseThrow().code()).isEqualTo(Outcome.Code.ALREADY_COMPLETE);
      assertThat(stored(build).buildStatus()).contains(StatusType.SUCCEEDED);
    }

    @Test
    void aDisarmedGuardLeavesTheBuildRunning() {
      Build build = running(freshProject(), "main", 5);
      ScriptedStopper stopper = new ScriptedStopper(theFixture().stopper());

      try (BuildGuard guard = guards(stopper).guard(idOf(build))) {
        guard.disarm();
      }

      assertThat(stopper.calls()).isEmpty();
      assertUnchanged(build);
    }

    @Test
    void closingTwiceStopsOnce() {
      Build build = running(freshProject(), "main", 5);
      ScriptedStopper stopper = new ScriptedStopper(theFixture().stopper());
      BuildGuard guard = guards(stopper).guard(idOf(build));

      guard.close();
      Optional<Outcome<?>> first = guard.outcome();
      guard.close();

      assertThat(stopper.calls()).hasSize(1);
      assertThat(guard.outcome()).isEqualTo(first);
    }

    @Test
    void aDryRunGuardReportsWouldStopAndStopsNothing() {
      Build build = running(freshProject(), "main", 5);
      ScriptedStopper stopper = new ScriptedStopper(theFixture().stopper());
      BuildGuard guard = guards(stopper).dryRun(true).guard(idOf(build));

      guard.close();

      assertThat(guard.outcome()).contains(new Outcome.WouldStop<>(build));
      assertThat(stopper.calls()).isEmpty();
    }

    @Test
    void aThrottledStopIsRetried() {
      Build build = running(freshProject(), "main", 5);
      ScriptedStopper stopper = new ScriptedStopper(theFixture().stopper())
          .failNext(2, new StopFailure.Throttled("Rate exceeded"));

      guards(stopper).guard(idOf(build)).close();

      assertThat(stopper.calls()).hasSize(3);
      assertStopped(build);
    }
  }
}
