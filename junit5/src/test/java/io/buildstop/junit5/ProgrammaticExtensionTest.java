package io.buildstop.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The programmatic form: settings in code, the CodeBuild reachable through the static field too. */
class ProgrammaticExtensionTest {
  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  @RegisterExtension
  static CodeBuildExtension codeBuild = CodeBuildExtension.newInstance()
      .inProcessOnly().controllableClock(START).stopLatency(Duration.ofSeconds(5)).build();

  @Test
  void aStopSettlesWhenTheControllableClockPassesTheLatency(InMemoryCodeBuild backend, TestClock clock) {
    assertThat(codeBuild.backend()).isSameAs(backend);
    assertThat(codeBuild.clock()).isSameAs(clock);
    String id = backend.startBuild("latency").get().id().orElseThrow();

    assertThat(backend.stopBuild(id).get().buildStatus()).contains(StatusType.IN_PROGRESS);
    clock.advance(Duration.ofSeconds(5));

    assertThat(backend.build(io.buildstop.domain.BuildId.parse(id).get()).orElseThrow().buildStatus())
        .contains(StatusType.STOPPED);
    assertThat(backend.builds().get(0).endTime()).contains(START);
  }

  @Test
  void theResetPutsTheClockBackToItsStart(TestClock clock) {
    assertThat(clock.instant()).isEqualTo(START);
    clock.advance(Duration.ofHours(1));
  }
}
