package io.buildstop.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.CapturedExamples;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules reproduce what AWS published: the stop-build and start-build captures (spec §3, §4). */
@DisplayName("The published captures")
class CapturedStopBuildTest {

  @Nested
  @DisplayName("stop-build (spec §4, last paragraph)")
  class StopBuild {
    private final Build captured = CapturedExamples.stopBuild();
    private final Build beforeTheStop = CapturedExamples.stopBuildBeforeTheStop();
    private final Instant at = Instant.ofEpochMilli(1556906974781L);

    @Test
    void stoppingThePreStopStateAtTheCapturedInstantReproducesTheCapture() {
      Build stopped = StopRules.stop(beforeTheStop, at);

      assertThat(stopped.buildStatusAsString()).contains("STOPPED");
      assertThat(stopped.buildComplete()).contains(true);
      assertThat(stopped.currentPhaseAsString()).contains("COMPLETED");
      assertThat(stopped.endTime()).contains(Instant.parse("2019-05-03T18:09:34.781Z"));
      assertThat(stopped.phases().get(6)).isEqualTo(captured.phases().get(6));
      assertThat(stopped.phases().get(7)).isEqualTo(captured.phases().get(7));
      assertThat(stopped.phases()).isEqualTo(captured.phases());
      assertThat(stopped).isEqualTo(captured);
    }

    @Test
    void thePreStopStateIsARunningBuildInBuild() {
      assertThat(beforeTheStop.buildStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(beforeTheStop.currentPhase()).contains(BuildPhaseType.BUILD);
      assertThat(beforeTheStop.buildComplete()).contains(false);
      assertThat(beforeTheStop.endTime()).isEmpty();
      assertThat(beforeTheStop.phases()).hasSize(7);
      assertThat(Surgery.last(beforeTheStop)).isEqualTo(BuildPhase.builder()
          .phaseType(BuildPhaseType.BUILD)
          .startTime(CapturedExamples.epochSeconds("1556906973.937"))
          .build());
      assertThat(BuildInvariants.check(beforeTheStop)).isEqualTo(Either.right(beforeTheStop));
    }

    @Test
    void theCaptureSatisfiesEveryInvariant() {
      assertThat(BuildInvariants.violations(captured)).isEmpty();
    }

    @Test
    void theCapturedInstantIsTheStoppedPhaseEnd() {
      assertThat(CapturedExamples.stopBuildInstant()).isEqualTo(at);
      assertThat(captured.phases().get(6).endTime()).contains(at);
    }

    @Test
    void stoppingTheCaptureAgainReturnsItUnchanged() {
      assertThat(StopRules.stop(captured, at.plusSeconds(60))).isSameAs(captured);
    }

    @Test
    void durationsAreFlooredNotRounded() {
      // PROVISIONING ran 14.575 s and shows 14
      BuildPhase provisioning = captured.phases().get(2);
      assertThat(provisioning.durationInSeconds()).contains(14L);
      assertThat(Phases.wholeSecondsBetween(provisioning.startTime().orElseThrow(),
          provisioning.endTime().orElseThrow())).isEqualTo(14L);
    }
  }

  @Nested
  @DisplayName("start-build (spec §3.8)")
  class StartBuild {
    private final Build captured = CapturedExamples.startBuild();

    @Test
    void theCaptureSatisfiesEveryInvariant() {
      assertThat(BuildInvariants.check(captured)).isEqualTo(Either.right(captured));
    }

    @Test
    void startingTheConfigurationAtTheCapturedInstantsReproducesTheCapture() {
      Build started = BuildLifecycle.start(CapturedExamples.startBuildConfiguration(),
          CapturedExamples.epochSeconds("1556905683.568"), CapturedExamples.epochSeconds("1556905684.524"));

      assertThat(started.currentPhaseAsString()).contains("QUEUED");
      assertThat(started.phases()).isEqualTo(captured.phases());
      assertThat(started).isEqualTo(captured);
    }

    @Test
    void theCapturedIdParsesWithTheSecondColonInItsUuid() {
      assertThat(BuildId.parse(captured.id().orElseThrow()).get().buildUuid())
          .isEqualTo(":12345678-a1b2-c3d4-e5f6-11111EXAMPLE");
      assertThat(BuildId.parse(captured.arn().orElseThrow()).get().value())
          .isEqualTo(captured.id().orElseThrow());
    }
  }
}
