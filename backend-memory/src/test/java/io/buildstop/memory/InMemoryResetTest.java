package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** reset(): a backend shared between tests starts each one as new, with its settings kept. */
class InMemoryResetTest {

  @Test
  void forgetsBuildsListingsNumbersFailuresAndCalls() {
    InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().stopCallHistory(5).build();
    String running = codeBuild.startBuildInPhase("reset-project", BuildPhaseType.BUILD).get().id().orElseThrow();
    codeBuild.startCompletedBuild("reset-project", StatusType.FAILED);
    codeBuild.stopBuild(running);
    codeBuild.failNextCalls(3, StopFailure.unavailable("armed before the reset"));

    codeBuild.reset();

    assertThat(codeBuild.builds()).isEmpty();
    assertThat(codeBuild.runningBuilds()).isEmpty();
    assertThat(codeBuild.stopCalls()).isEmpty();
    assertThat(codeBuild.listBuilds(SortOrderType.ASCENDING, Optional.empty()).get().ids()).isEmpty();
    assertThat(codeBuild.listBuildsForProject("reset-project", Optional.empty()).get().ids()).isEmpty();
    // numbering starts again, and the failure armed before is gone
    Build next = codeBuild.startBuild("reset-project").get();
    assertThat(next.buildNumber()).contains(1L);
    assertThat(codeBuild.stopBuild(next.id().orElseThrow()).get().buildStatus()).contains(StatusType.STOPPED);
    assertThat(codeBuild.stopCalls()).hasSize(1);
  }

  @Test
  void keepsTheSettingsAndForgetsPendingStops() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(clock).region("eu-west-1")
        .stopLatency(Duration.ofSeconds(5)).build();
    String pending = codeBuild.startBuild("reset-project").get().id().orElseThrow();
    codeBuild.stopBuild(pending);

    codeBuild.reset();
    clock.advance(Duration.ofSeconds(10));

    assertThat(codeBuild.builds()).isEmpty();
    Build after = codeBuild.startBuild("reset-project").get();
    assertThat(after.arn()).hasValueSatisfying(arn -> assertThat(arn).contains(":eu-west-1:"));
    assertThat(after.startTime()).contains(Instant.parse("2026-01-01T00:00:10Z"));
    // the latency is kept: a stop after the reset is still pending at first
    assertThat(codeBuild.stopBuild(after.id().orElseThrow()).get().buildStatus()).contains(StatusType.IN_PROGRESS);
  }
}
