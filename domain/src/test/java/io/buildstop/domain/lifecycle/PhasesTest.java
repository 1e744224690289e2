package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.lifecycle.Scenarios.EMPTY_CONTEXT;
import static io.buildstop.domain.lifecycle.Scenarios.SUBMITTED_AT;
import static io.buildstop.domain.lifecycle.Scenarios.open;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The phase arithmetic the lifecycle shares (spec §3.4, §3.7). */
@DisplayName("Phases")
class PhasesTest {

  @ParameterizedTest(name = "{0} ms last {1} whole seconds")
  @CsvSource({"0, 0", "999, 0", "1000, 1", "1999, 1", "14575, 14", "60000, 60"})
  void durationsAreFlooredToWholeSeconds(long millis, long seconds) {
    assertThat(Phases.wholeSecondsBetween(SUBMITTED_AT, SUBMITTED_AT.plusMillis(millis))).isEqualTo(seconds);
  }

  @Nested
  @DisplayName("closing a phase")
  class Close {
    private final Instant end = SUBMITTED_AT.plusMillis(2_500);

    @ParameterizedTest(name = "{0} closes without contexts")
    @EnumSource(value = BuildPhaseType.class, names = {"SUBMITTED", "QUEUED"})
    void submittedAndQueuedCloseWithoutContexts(BuildPhaseType type) {
      BuildPhase closed = Phases.close(open(type, SUBMITTED_AT), StatusType.SUCCEEDED, end);

      assertThat(closed.contexts()).isEmpty();
      assertThat(closed.hasContexts()).isFalse();
      assertThat(closed.phaseStatus()).contains(StatusType.SUCCEEDED);
      assertThat(closed.endTime()).contains(end);
      assertThat(closed.durationInSeconds()).contains(2L);
    }

    @ParameterizedTest(name = "{0} closes with CodeBuild's one empty context")
    @EnumSource(value = BuildPhaseType.class,
        names = {"PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD",
            "UPLOAD_ARTIFACTS", "FINALIZING"})
    void laterPhasesCloseWithOneEmptyContext(BuildPhaseType type) {
      assertThat(Phases.close(open(type, SUBMITTED_AT), StatusType.FAILED, end).contexts())
          .containsExactly(EMPTY_CONTEXT);
    }

    @Test
    void aStoppedPhaseHasNoContexts() {
      BuildPhase stopped = Phases.close(open(BuildPhaseType.BUILD, SUBMITTED_AT).withContexts(EMPTY_CONTEXT),
          StatusType.STOPPED, end);

      assertThat(stopped.contexts()).isEmpty();
      assertThat(stopped.hasContexts()).isFalse();
    }

    @Test
    void aPhaseWithoutTypeClosesWithoutContexts() {
      BuildPhase untyped = BuildPhase.builder().startTime(SUBMITTED_AT).build();

      assertThat(Phases.close(untyped, StatusType.SUCCEEDED, end).hasContexts()).isFalse();
    }

    @Test
    void anInstantPhaseBeginsAndEndsAtOnce() {
      assertThat(Phases.instant(BuildPhaseType.FINALIZING, StatusType.SUCCEEDED, end)).isEqualTo(
          BuildPhase.builder().phaseType(BuildPhaseType.FINALIZING).phaseStatus(StatusType.SUCCEEDED)
              .startTime(end).endTime(end).durationInSeconds(0L).addContexts(EMPTY_CONTEXT).build());
    }
  }

  @Nested
  @DisplayName("the latest instant a build records")
  class NotBeforeBuild {
    private final Build build = Build.builder()
        .startTime(SUBMITTED_AT)
        .addPhases(open(BuildPhaseType.BUILD, SUBMITTED_AT.plusSeconds(60)))
        .build();

    @Test
    void aLaterInstantIsKept() {
      assertThat(Phases.notBeforeBuild(build, SUBMITTED_AT.plusSeconds(61))).isEqualTo(SUBMITTED_AT.plusSeconds(61));
    }

    @Test
    void anInstantBeforeTheLastPhaseBecomesItsStart() {
      assertThat(Phases.notBeforeBuild(build, SUBMITTED_AT.plusSeconds(30))).isEqualTo(SUBMITTED_AT.plusSeconds(60));
    }

    @Test
    void anInstantBeforeTheBuildStartBecomesTheStartWhenNoPhaseIsLater() {
      Build noPhases = build.withPhases(List.of());

      assertThat(Phases.notBeforeBuild(noPhases, SUBMITTED_AT.minusSeconds(1))).isEqualTo(SUBMITTED_AT);
    }

    @Test
    void aBuildWithoutTimesKeepsTheInstant() {
      assertThat(Phases.notBeforeBuild(Build.builder().build(), SUBMITTED_AT)).isEqualTo(SUBMITTED_AT);
    }
  }

  @Test
  void replacingTheLastPhaseKeepsTheEarlierOnesAndAppendsTheFollowing() {
    BuildPhase a = open(BuildPhaseType.SUBMITTED, SUBMITTED_AT);
    BuildPhase b = open(BuildPhaseType.QUEUED, SUBMITTED_AT);
    BuildPhase c = open(BuildPhaseType.PROVISIONING, SUBMITTED_AT);
    BuildPhase d = open(BuildPhaseType.COMPLETED, SUBMITTED_AT);

    assertThat(Phases.replaceLast(List.of(a, b), c, List.of(d))).containsExactly(a, c, d);
  }

  @Test
  void theLastPhaseOfABuildWithoutPhasesIsEmpty() {
    assertThat(Phases.last(Build.builder().build())).isEmpty();
    assertThat(Phases.runningPhaseType(Build.builder().build())).isEmpty();
  }
}
