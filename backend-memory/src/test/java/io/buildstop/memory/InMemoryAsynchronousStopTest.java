package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("§4.9 asynchronous stops: accepted at once, settled after the stop latency as if stopped at the call")
class InMemoryAsynchronousStopTest {
  private static final Duration LATENCY = Duration.ofSeconds(5);
  private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final InMemoryCodeBuild codeBuild =
      InMemoryCodeBuild.builder().clock(clock).stopLatency(LATENCY).build();

  @Test
  void readsShowTheRunningBuildUntilTheLatencyHasPassedThenTheStopAtTheTimeOfTheCall() {
    Build running = codeBuild.startBuildInPhase("async-project", BuildPhaseType.BUILD).get();
    BuildId id = BuildId.parse(running.id().orElseThrow()).get();
    clock.advance(Duration.ofSeconds(3));
    Instant stoppedAt = clock.instant();

    Build answer = codeBuild.stopBuild(id).get();
    clock.advance(LATENCY.minusMillis(1));
    Build justBefore = codeBuild.build(id).orElseThrow();
    clock.advance(Duration.ofMillis(1));
    Build settled = codeBuild.build(id).orElseThrow();

    assertThat(answer).isEqualTo(running);
    assertThat(justBefore).isEqualTo(running);
    assertThat(settled).isEqualTo(StopRules.stop(running, stoppedAt));
    assertThat(settled.endTime()).contains(stoppedAt);
    assertThat(BuildInvariants.check(settled).isRight()).isTrue();
  }

  @Test
  void theReadPortSettlesDueStopsToo() {
    Build running = codeBuild.startBuildInPhase("async-project", BuildPhaseType.INSTALL).get();
    codeBuild.stopBuild(running.id().orElseThrow());

    clock.advance(LATENCY);

    assertThat(codeBuild.batchGetBuilds(List.of(running.id().orElseThrow())).get().builds())
        .singleElement()
        .satisfies(build -> assertThat(build.buildStatus()).contains(StatusType.STOPPED));
  }

  @Test
  void aCompletionRacingAPendingStopFindsTheStopFirst() {
    Build running = codeBuild.startBuildInPhase("async-project", BuildPhaseType.BUILD).get();
    Instant stoppedAt = clock.instant();
    codeBuild.stopBuild(running.id().orElseThrow());
    clock.advance(Duration.ofSeconds(1));

    Build afterCompletion = codeBuild.complete(running.id().orElseThrow(), StatusType.SUCCEEDED).get();

    assertThat(afterCompletion).isEqualTo(StopRules.stop(running, stoppedAt));
  }

  @Test
  void aSecondStopDuringTheLatencyKeepsTheFirstCallsInstant() {
    Build running = codeBuild.startBuildInPhase("async-project", BuildPhaseType.QUEUED).get();
    Instant firstCall = clock.instant();
    codeBuild.stopBuild(running.id().orElseThrow());
    clock.advance(Duration.ofSeconds(2));
    codeBuild.stopBuild(running.id().orElseThrow());
    clock.advance(LATENCY);

    assertThat(codeBuild.builds()).containsExactly(StopRules.stop(running, firstCall));
  }

  @Test
  void aNegativeLatencyIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> InMemoryCodeBuild.builder().stopLatency(Duration.ofMillis(-1)));
  }
}
