package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.lifecycle.Scenarios.CONFIGURATION;
import static io.buildstop.domain.lifecycle.Scenarios.SUBMITTED_AT;
import static io.buildstop.domain.lifecycle.Scenarios.closed;
import static io.buildstop.domain.lifecycle.Scenarios.closedWithContext;
import static io.buildstop.domain.lifecycle.Scenarios.open;
import static io.buildstop.domain.lifecycle.Scenarios.runningIn;
import static io.buildstop.domain.lifecycle.Scenarios.runningSince;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** start, advance and complete, example by example (spec §3.8, §3.9). */
@DisplayName("BuildLifecycle")
class BuildLifecycleTest {

  @Nested
  @DisplayName("durationInSeconds (spec §3.4)")
  class DurationInSeconds {
    @ParameterizedTest
    @CsvSource({"0, 0", "999999999, 0", "1000000000, 1", "61999999999, 61"})
    void isTheWholeSecondsElapsedFloored(long elapsedNanos, long seconds) {
      assertThat(BuildLifecycle.durationInSeconds(SUBMITTED_AT, SUBMITTED_AT.plusNanos(elapsedNanos)))
          .isEqualTo(seconds);
    }
  }

  @Nested
  @DisplayName("start (spec §3.8)")
  class Start {
    private final Instant queuedAt = SUBMITTED_AT.plusMillis(1_956);

    @Test
    void aStartedBuildHasSubmittedClosedAsSucceededAndQueuedRunning() {
      Build started = BuildLifecycle.start(CONFIGURATION, SUBMITTED_AT, queuedAt);

      assertThat(started.phases()).containsExactly(
          closed(BuildPhaseType.SUBMITTED, StatusType.SUCCEEDED, SUBMITTED_AT, queuedAt),
          open(BuildPhaseType.QUEUED, queuedAt));
      assertThat(started.phases().get(0).durationInSeconds()).contains(1L);
      assertThat(started.buildStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(started.currentPhase()).contains(BuildPhaseType.QUEUED);
      assertThat(started.buildComplete()).contains(false);
      assertThat(started.startTime()).contains(SUBMITTED_AT);
      assertThat(started.endTime()).isEmpty();
    }

    @Test
    void theConfigurationKeepsItsIdentityAndLosesItsOldLifecycle() {
      Build stale = CONFIGURATION.withEndTime(SUBMITTED_AT.minusSeconds(5))
          .withBuildStatus(StatusType.FAILED)
          .withBuildComplete(true)
          .withCurrentPhase(BuildPhaseType.COMPLETED)
          .withPhases(open(BuildPhaseType.COMPLETED, SUBMITTED_AT));

      Build started = BuildLifecycle.start(stale, SUBMITTED_AT, queuedAt);

      assertThat(started).isEqualTo(BuildLifecycle.start(CONFIGURATION, SUBMITTED_AT, queuedAt));
      assertThat(started.id()).isEqualTo(CONFIGURATION.id());
      assertThat(started.buildNumber()).contains(7L);
    }

    @Test
    void aBuildQueuedTheInstantItWasSubmittedHasAZeroSecondSubmittedPhase() {
      Build started = BuildLifecycle.start(CONFIGURATION, SUBMITTED_AT);

      assertThat(started).isEqualTo(BuildLifecycle.start(CONFIGURATION, SUBMITTED_AT, SUBMITTED_AT));
      assertThat(started.phases().get(0).durationInSeconds()).contains(0L);
    }

    @Test
    void queuedBeforeSubmittedIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BuildLifecycle.start(CONFIGURATION, SUBMITTED_AT, SUBMITTED_AT.minusMillis(1)))
          .withMessageContaining("before submittedAt");
    }

    @Test
    void aNullConfigurationIsRejected() {
      assertThatNullPointerException()
          .isThrownBy(() -> BuildLifecycle.start(null, SUBMITTED_AT, queuedAt))
          .withMessage("configuration");
    }
  }

  @Nested
  @DisplayName("advance")
  class Advance {
    @Test
    void theQueuedPhaseSucceedsWithoutContextsAndProvisioningBegins() {
      Build queued = runningIn(BuildPhaseType.QUEUED);
      Instant at = runningSince(queued).plusMillis(2_999);

      Build provisioning = BuildLifecycle.advance(queued, at);

      assertThat(provisioning.phases()).endsWith(
          closed(BuildPhaseType.QUEUED, StatusType.SUCCEEDED, runningSince(queued), at),
          open(BuildPhaseType.PROVISIONING, at));
      assertThat(provisioning.phases().get(1).durationInSeconds()).contains(2L);
      assertThat(provisioning.currentPhase()).contains(BuildPhaseType.PROVISIONING);
      assertThat(provisioning.buildStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(provisioning.buildComplete()).contains(false);
    }

    @Test
    void phasesAfterQueuedCloseWithCodeBuildsEmptyContext() {
      Build provisioning = runningIn(BuildPhaseType.PROVISIONING);
      Instant at = runningSince(provisioning).plusSeconds(14);

      Build downloading = BuildLifecycle.advance(provisioning, at);

      assertThat(downloading.phases().get(2))
          .isEqualTo(closedWithContext(BuildPhaseType.PROVISIONING, StatusType.SUCCEEDED,
              runningSince(provisioning), at));
    }

    @Test
    void theSubmittedPhaseClosesWithoutContextsAndQueuedBegins() {
      Build submitted = runningIn(BuildPhaseType.SUBMITTED);
      Instant at = SUBMITTED_AT.plusMillis(617);

      Build queued = BuildLifecycle.advance(submitted, at);

      assertThat(queued).isEqualTo(BuildLifecycle.start(CONFIGURATION, SUBMITTED_AT, at));
    }

    @Test
    void advancingFromFinalizingCompletesTheBuildAsSucceeded() {
      Build finalizing = runningIn(BuildPhaseType.FINALIZING);
      Instant at = runningSince(finalizing).plusSeconds(3);

      Build succeeded = BuildLifecycle.advance(finalizing, at);

      assertThat(succeeded.buildStatus()).contains(StatusType.SUCCEEDED);
      assertThat(succeeded.phases()).endsWith(
          closedWithContext(BuildPhaseType.FINALIZING, StatusType.SUCCEEDED, runningSince(finalizing), at),
          open(BuildPhaseType.COMPLETED, at));
      assertThat(succeeded.endTime()).contains(at);
    }

    @Test
    void advancingThroughEveryPhaseGivesASuccessfulBuildInLifecycleOrder() {
      Build build = runningIn(BuildPhaseType.FINALIZING);
      build = BuildLifecycle.advance(build, runningSince(build).plusSeconds(1));

      assertThat(build.phases()).extracting(phase -> phase.phaseType().orElseThrow())
          .containsExactly(BuildPhaseType.SUBMITTED, BuildPhaseType.QUEUED, BuildPhaseType.PROVISIONING,
              BuildPhaseType.DOWNLOAD_SOURCE, BuildPhaseType.INSTALL, BuildPhaseType.PRE_BUILD, BuildPhaseType.BUILD,
              BuildPhaseType.POST_BUILD, BuildPhaseType.UPLOAD_ARTIFACTS, BuildPhaseType.FINALIZING,
              BuildPhaseType.COMPLETED);
      assertThat(BuildInvariants.violations(build)).isEmpty();
    }

    @Test
    void anInstantBeforeTheRunningPhaseBeganClosesItAtItsStart() {
      Build build = runningIn(BuildPhaseType.BUILD);
      Instant since = runningSince(build);

      Build advanced = BuildLifecycle.advance(build, since.minusSeconds(30));

      assertThat(advanced).isEqualTo(BuildLifecycle.advance(build, since));
      assertThat(advanced.phases().get(6).durationInSeconds()).contains(0L);
    }

    @Test
    void aCompletedBuildIsReturnedUnchanged() {
      Build failed = BuildLifecycle.complete(runningIn(BuildPhaseType.BUILD), StatusType.FAILED,
          SUBMITTED_AT.plusSeconds(60));

      assertThat(BuildLifecycle.advance(failed, SUBMITTED_AT.plusSeconds(90))).isSameAs(failed);
    }

    @Test
    void aBuildRunningAPhaseThisVersionDoesNotKnowIsReturnedUnchanged() {
      Build build = Surgery.withLastPhase(runningIn(BuildPhaseType.BUILD), phase -> phase.withPhaseTypeAsString("PENDING"))
          .withCurrentPhaseAsString("PENDING");

      assertThat(BuildLifecycle.advance(build, SUBMITTED_AT.plusSeconds(90))).isSameAs(build);
    }

    @Test
    void aRunningBuildWithoutPhasesIsReturnedUnchanged() {
      Build build = runningIn(BuildPhaseType.BUILD).withPhases(List.of());

      assertThat(BuildLifecycle.advance(build, SUBMITTED_AT.plusSeconds(90))).isSameAs(build);
    }
  }

  @Nested
  @DisplayName("complete (spec §3.9)")
  class Complete {
    @Test
    void successClosesEveryPhaseThroughFinalizingAsSucceeded() {
      Build build = runningIn(BuildPhaseType.BUILD);
      Instant at = runningSince(build).plusMillis(41_700);

      Build succeeded = BuildLifecycle.complete(build, StatusType.SUCCEEDED, at);

      assertThat(succeeded.phases().subList(6, succeeded.phases().size())).containsExactly(
          closedWithContext(BuildPhaseType.BUILD, StatusType.SUCCEEDED, runningSince(build), at),
          closedWithContext(BuildPhaseType.POST_BUILD, StatusType.SUCCEEDED, at, at),
          closedWithContext(BuildPhaseType.UPLOAD_ARTIFACTS, StatusType.SUCCEEDED, at, at),
          closedWithContext(BuildPhaseType.FINALIZING, StatusType.SUCCEEDED, at, at),
          open(BuildPhaseType.COMPLETED, at));
      assertThat(succeeded.phases().get(6).durationInSeconds()).contains(41L);
      assertThat(succeeded.buildStatus()).contains(StatusType.SUCCEEDED);
      assertThat(succeeded.currentPhase()).contains(BuildPhaseType.COMPLETED);
      assertThat(succeeded.buildComplete()).contains(true);
      assertThat(succeeded.endTime()).contains(at);
    }

    @ParameterizedTest(name = "{0} in BUILD still attempts UPLOAD_ARTIFACTS, then FINALIZING")
    @EnumSource(value = StatusType.class, names = {"FAILED", "FAULT", "TIMED_OUT"})
    void aFailureInBuildAddsUploadArtifactsAndFinalizing(StatusType failure) {
      Build build = runningIn(BuildPhaseType.BUILD);
      Instant at = runningSince(build).plusSeconds(20);

      Build failed = BuildLifecycle.complete(build, failure, at);

      assertThat(failed.phases().subList(6, failed.phases().size())).containsExactly(
          closedWithContext(BuildPhaseType.BUILD, failure, runningSince(build), at),
          closedWithContext(BuildPhaseType.UPLOAD_ARTIFACTS, StatusType.SUCCEEDED, at, at),
          closedWithContext(BuildPhaseType.FINALIZING, StatusType.SUCCEEDED, at, at),
          open(BuildPhaseType.COMPLETED, at));
      assertThat(failed.buildStatus()).contains(failure);
      assertThat(BuildInvariants.violations(failed)).isEmpty();
    }

    @ParameterizedTest(name = "{1} while {0} adds [{2}]")
    @CsvSource({
        "SUBMITTED,        FAILED,    ''",
        "QUEUED,           TIMED_OUT, ''",
        "PROVISIONING,     FAULT,     FINALIZING",
        "DOWNLOAD_SOURCE,  FAILED,    FINALIZING",
        "INSTALL,          FAILED,    FINALIZING",
        "PRE_BUILD,        FAILED,    FINALIZING",
        "BUILD,            FAILED,    UPLOAD_ARTIFACTS FINALIZING",
        "POST_BUILD,       FAILED,    UPLOAD_ARTIFACTS FINALIZING",
        "UPLOAD_ARTIFACTS, FAILED,    FINALIZING",
        "FINALIZING,       FAULT,     ''",
        "SUBMITTED,        SUCCEEDED, QUEUED PROVISIONING DOWNLOAD_SOURCE INSTALL PRE_BUILD BUILD POST_BUILD "
            + "UPLOAD_ARTIFACTS FINALIZING",
        "POST_BUILD,       SUCCEEDED, UPLOAD_ARTIFACTS FINALIZING",
        "FINALIZING,       SUCCEEDED, ''",
        "BUILD,            STOPPED,   ''",
        "SUBMITTED,        STOPPED,   ''",
    })
    void theRunningPhaseEndsWithTheStatusAndOnlyTheRightPhasesFollow(
        BuildPhaseType running, StatusType status, String following) {
      Build build = runningIn(running);
      Instant at = runningSince(build).plusSeconds(5);

      Build completed = BuildLifecycle.complete(build, status, at);

      List<BuildPhaseType> added = completed.phases().subList(build.phases().size(), completed.phases().size() - 1)
          .stream().map(phase -> phase.phaseType().orElseThrow()).toList();
      List<BuildPhaseType> expected = following.isBlank() ? List.of()
          : Arrays.stream(following.trim().split(" +")).map(BuildPhaseType::valueOf).toList();
      assertThat(added).isEqualTo(expected);
      assertThat(completed.phases().get(build.phases().size() - 1).phaseStatus()).contains(status);
      assertThat(completed.buildStatus()).contains(status);
      assertThat(BuildInvariants.violations(completed)).isEmpty();
    }

    @Test
    void aCompletedBuildIsReturnedUnchanged() {
      Build succeeded = BuildLifecycle.advance(runningIn(BuildPhaseType.FINALIZING), SUBMITTED_AT.plusSeconds(60));

      assertThat(BuildLifecycle.complete(succeeded, StatusType.FAILED, SUBMITTED_AT.plusSeconds(90)))
          .isSameAs(succeeded);
    }

    @Test
    void inProgressIsNotAFinalStatus() {
      Build build = runningIn(BuildPhaseType.BUILD);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> BuildLifecycle.complete(build, StatusType.IN_PROGRESS, SUBMITTED_AT.plusSeconds(60)))
          .withMessageContaining("IN_PROGRESS is not a final build status");
    }

    @Test
    void aStatusThisVersionDoesNotKnowIsNotAFinalStatusEvenForACompletedBuild() {
      Build succeeded = BuildLifecycle.advance(runningIn(BuildPhaseType.FINALIZING), SUBMITTED_AT.plusSeconds(60));

      assertThatIllegalArgumentException().isThrownBy(() -> BuildLifecycle.complete(succeeded,
          StatusType.UNKNOWN_TO_SDK_VERSION, SUBMITTED_AT.plusSeconds(90)));
    }

    @Test
    void completingAsStoppedIsTheStopRule() {
      Build build = runningIn(BuildPhaseType.INSTALL);
      Instant at = runningSince(build).plusMillis(1_234);

      assertThat(BuildLifecycle.complete(build, StatusType.STOPPED, at)).isEqualTo(StopRules.stopRunning(build, at));
    }

    @Test
    void anInstantBeforeTheRunningPhaseBeganEndsTheBuildAtItsStart() {
      Build build = runningIn(BuildPhaseType.BUILD);
      Instant since = runningSince(build);

      Build failed = BuildLifecycle.complete(build, StatusType.FAILED, since.minusSeconds(30));

      assertThat(failed).isEqualTo(BuildLifecycle.complete(build, StatusType.FAILED, since));
      assertThat(failed.endTime()).contains(since);
    }

    @Test
    void aRunningPhaseThisVersionDoesNotKnowEndsWithTheStatusAndNothingFollowsButTheMarker() {
      Build build = Surgery.withLastPhase(runningIn(BuildPhaseType.BUILD), phase -> phase.withPhaseTypeAsString("PENDING"))
          .withCurrentPhaseAsString("PENDING");
      Instant at = runningSince(build).plusSeconds(5);

      Build failed = BuildLifecycle.complete(build, StatusType.FAILED, at);

      assertThat(failed.phases()).hasSize(build.phases().size() + 1);
      assertThat(failed.phases().get(6).phaseStatus()).contains(StatusType.FAILED);
      assertThat(failed.phases().get(6).phaseTypeAsString()).contains("PENDING");
      assertThat(Surgery.last(failed)).isEqualTo(open(BuildPhaseType.COMPLETED, at));
    }

    @Test
    void aRunningBuildWithoutPhasesGetsOnlyTheMarker() {
      Build build = runningIn(BuildPhaseType.BUILD).withPhases(List.of());
      Instant at = SUBMITTED_AT.plusSeconds(5);

      Build failed = BuildLifecycle.complete(build, StatusType.FAILED, at);

      assertThat(failed.phases()).containsExactly(open(BuildPhaseType.COMPLETED, at));
      assertThat(failed.buildStatus()).contains(StatusType.FAILED);
    }

    @Test
    void aBuildWithoutStartTimeEndsAtTheGivenInstant() {
      Build build = runningIn(BuildPhaseType.BUILD).withStartTime(Optional.empty());
      Instant at = runningSince(build).plusSeconds(5);

      assertThat(BuildLifecycle.complete(build, StatusType.FAULT, at).endTime()).contains(at);
    }
  }

  @Test
  void theRunningPhasesAndFinalStatusesAreCodeBuildsInOrder() {
    assertThat(BuildLifecycle.RUNNING_PHASES).containsExactly(BuildPhaseType.SUBMITTED, BuildPhaseType.QUEUED,
        BuildPhaseType.PROVISIONING, BuildPhaseType.DOWNLOAD_SOURCE, BuildPhaseType.INSTALL, BuildPhaseType.PRE_BUILD,
        BuildPhaseType.BUILD, BuildPhaseType.POST_BUILD, BuildPhaseType.UPLOAD_ARTIFACTS, BuildPhaseType.FINALIZING);
    assertThat(BuildLifecycle.FINAL_STATUSES).containsExactly(StatusType.SUCCEEDED, StatusType.FAILED,
        StatusType.FAULT, StatusType.TIMED_OUT, StatusType.STOPPED);
  }
}
