package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.lifecycle.Scenarios.SUBMITTED_AT;
import static io.buildstop.domain.lifecycle.Scenarios.closed;
import static io.buildstop.domain.lifecycle.Scenarios.open;
import static io.buildstop.domain.lifecycle.Scenarios.runningIn;
import static io.buildstop.domain.lifecycle.Scenarios.runningSince;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The stop rules, example by example (spec §4). */
@DisplayName("StopRules")
class StopRulesTest {

  @Nested
  @DisplayName("§4.1 stoppable are exactly the IN_PROGRESS builds")
  class Stoppable {
    @ParameterizedTest(name = "a {0} build is stoppable")
    @EnumSource(value = BuildPhaseType.class, names = {"COMPLETED", "UNKNOWN_TO_SDK_VERSION"},
        mode = EnumSource.Mode.EXCLUDE)
    void aRunningBuildIsStoppableInEveryPhase(BuildPhaseType phase) {
      assertThat(StopRules.isStoppable(runningIn(phase))).isTrue();
    }

    @ParameterizedTest(name = "a {0} build is not stoppable")
    @ValueSource(strings = {"SUCCEEDED", "FAILED", "FAULT", "TIMED_OUT", "STOPPED", "PENDING", "in_progress", ""})
    void aBuildWithAnyOtherStatusIsNotStoppable(String status) {
      assertThat(StopRules.isStoppable(runningIn(BuildPhaseType.BUILD).withBuildStatusAsString(status))).isFalse();
    }

    @Test
    void aBuildWithoutStatusIsNotStoppable() {
      assertThat(StopRules.isStoppable(Build.builder().build())).isFalse();
    }
  }

  @Nested
  @DisplayName("§4.2 stopping a running build at T")
  class StoppingARunningBuild {
    @Test
    void aBuildInBuildStopsAsTheCaptureShows() {
      Build running = runningIn(BuildPhaseType.BUILD);
      Instant since = runningSince(running);
      Instant at = since.plusMillis(844);

      Build stopped = StopRules.stop(running, at);

      assertThat(stopped.phases().subList(0, 6)).isEqualTo(running.phases().subList(0, 6));
      assertThat(stopped.phases().subList(6, 8)).containsExactly(
          closed(BuildPhaseType.BUILD, StatusType.STOPPED, since, at),
          open(BuildPhaseType.COMPLETED, at));
      assertThat(stopped.phases().get(6).durationInSeconds()).contains(0L);
      assertThat(stopped.buildStatus()).contains(StatusType.STOPPED);
      assertThat(stopped.buildComplete()).contains(true);
      assertThat(stopped.currentPhase()).contains(BuildPhaseType.COMPLETED);
      assertThat(stopped.endTime()).contains(at);
      assertThat(BuildInvariants.violations(stopped)).isEmpty();
    }

    @ParameterizedTest(name = "a build stopped in {0} ends with that phase STOPPED and the marker")
    @EnumSource(value = BuildPhaseType.class, names = {"COMPLETED", "UNKNOWN_TO_SDK_VERSION"},
        mode = EnumSource.Mode.EXCLUDE)
    void theRunningPhaseClosesAsStoppedWithoutContextsInEveryPhase(BuildPhaseType phase) {
      Build running = runningIn(phase);
      Instant at = runningSince(running).plusMillis(61_999);

      Build stopped = StopRules.stop(running, at);

      assertThat(stopped.phases()).hasSize(running.phases().size() + 1);
      assertThat(stopped.phases().subList(running.phases().size() - 1, stopped.phases().size())).containsExactly(
          closed(phase, StatusType.STOPPED, runningSince(running), at),
          open(BuildPhaseType.COMPLETED, at));
      assertThat(stopped.phases().get(running.phases().size() - 1).durationInSeconds()).contains(61L);
      assertThat(stopped.phases().get(running.phases().size() - 1).hasContexts()).isFalse();
    }

    @Test
    void aRunningPhaseThatCarriedContextsLosesThem() {
      Build running = Surgery.withLastPhase(runningIn(BuildPhaseType.BUILD),
          phase -> phase.withContexts(Scenarios.EMPTY_CONTEXT));
      Instant at = runningSince(running).plusSeconds(3);

      Build stopped = StopRules.stop(running, at);

      assertThat(stopped.phases().get(6).contexts()).isEmpty();
      assertThat(stopped.phases().get(6).hasContexts()).isFalse();
    }

    @Test
    void aRunningPhaseWithoutStartTimeStopsWithZeroDuration() {
      Build running = Surgery.withLastPhase(runningIn(BuildPhaseType.BUILD),
          phase -> phase.withStartTime(Optional.empty()));
      Instant at = SUBMITTED_AT.plusSeconds(300);

      Build stopped = StopRules.stop(running, at);

      assertThat(stopped.phases().get(6).durationInSeconds()).contains(0L);
      assertThat(stopped.phases().get(6).endTime()).contains(at);
      assertThat(stopped.endTime()).contains(at);
    }
  }

  @Nested
  @DisplayName("clock skew: no phase ends before it began")
  class ClockSkew {
    @Test
    void aStopBeforeTheRunningPhaseBeganHappensAtItsStart() {
      Build running = runningIn(BuildPhaseType.POST_BUILD);
      Instant since = runningSince(running);

      Build stopped = StopRules.stop(running, since.minusSeconds(10));

      assertThat(stopped).isEqualTo(StopRules.stop(running, since));
      assertThat(stopped.endTime()).contains(since);
      assertThat(Surgery.last(stopped)).isEqualTo(open(BuildPhaseType.COMPLETED, since));
    }

    @Test
    void aStopBeforeTheBuildStartedHappensAtItsStart() {
      Build running = runningIn(BuildPhaseType.SUBMITTED).withPhases(List.of());

      Build stopped = StopRules.stop(running, SUBMITTED_AT.minusSeconds(10));

      assertThat(stopped.endTime()).contains(SUBMITTED_AT);
      assertThat(stopped.phases()).containsExactly(open(BuildPhaseType.COMPLETED, SUBMITTED_AT));
    }

    @Test
    void aStopAtTheInstantThePhaseBeganLastsZeroSeconds() {
      Build running = runningIn(BuildPhaseType.INSTALL);
      Instant since = runningSince(running);

      Build stopped = StopRules.stop(running, since);

      assertThat(stopped.phases().get(4)).isEqualTo(closed(BuildPhaseType.INSTALL, StatusType.STOPPED, since, since));
    }
  }

  @Nested
  @DisplayName("a running build whose last phase is not open")
  class NoOpenPhase {
    private final Instant at = SUBMITTED_AT.plusSeconds(300);

    @Test
    void aRunningBuildWithoutPhasesGetsOnlyTheMarker() {
      Build running = runningIn(BuildPhaseType.BUILD).withPhases(List.of());

      Build stopped = StopRules.stop(running, at);

      assertThat(stopped.phases()).containsExactly(open(BuildPhaseType.COMPLETED, at));
      assertThat(stopped.buildStatus()).contains(StatusType.STOPPED);
    }

    @Test
    void aLastPhaseWithAStatusIsKeptAndTheMarkerFollows() {
      Build running = Surgery.withLastPhase(runningIn(BuildPhaseType.BUILD),
          phase -> phase.withPhaseStatus(StatusType.IN_PROGRESS));

      Build stopped = StopRules.stop(running, at);

      assertThat(stopped.phases().subList(0, 7)).isEqualTo(running.phases());
      assertThat(Surgery.last(stopped)).isEqualTo(open(BuildPhaseType.COMPLETED, at));
    }

    @Test
    void aLastPhaseWithAnEndTimeIsKeptAndTheMarkerFollows() {
      Build running = Surgery.withLastPhase(runningIn(BuildPhaseType.BUILD),
          phase -> phase.withEndTime(phase.startTime()));

      Build stopped = StopRules.stop(running, at);

      assertThat(stopped.phases().subList(0, 7)).isEqualTo(running.phases());
      assertThat(stopped.phases()).hasSize(8);
    }
  }

  @Nested
  @DisplayName("§4.3 a build that is not running comes back unchanged")
  class NotRunning {
    @ParameterizedTest(name = "a {0} build is returned unchanged")
    @EnumSource(value = StatusType.class, names = {"SUCCEEDED", "FAILED", "FAULT", "TIMED_OUT", "STOPPED"})
    void aCompletedBuildIsReturnedUnchanged(StatusType status) {
      Build running = runningIn(BuildPhaseType.BUILD);
      Build completed = BuildLifecycle.complete(running, status, runningSince(running).plusSeconds(10));

      assertThat(StopRules.stop(completed, runningSince(running).plusSeconds(20))).isSameAs(completed);
    }

    @Test
    void aBuildWithAStatusThisVersionDoesNotKnowIsReturnedUnchanged() {
      Build pending = runningIn(BuildPhaseType.QUEUED).withBuildStatusAsString("PENDING");

      assertThat(StopRules.stop(pending, SUBMITTED_AT.plusSeconds(20))).isSameAs(pending);
      assertThat(StopRules.stop(pending, SUBMITTED_AT.plusSeconds(20)).buildStatusAsString()).contains("PENDING");
    }

    @Test
    void anEmptyBuildIsReturnedUnchanged() {
      Build empty = Build.builder().build();

      assertThat(StopRules.stop(empty, SUBMITTED_AT)).isSameAs(empty);
    }
  }

  @Test
  @DisplayName("§4.4 a second stop returns the first stop's result")
  void stoppingTwiceEqualsStoppingOnce() {
    Build running = runningIn(BuildPhaseType.DOWNLOAD_SOURCE);
    Build once = StopRules.stop(running, runningSince(running).plusSeconds(1));

    assertThat(StopRules.stop(once, runningSince(running).plusSeconds(2))).isSameAs(once);
  }
}
