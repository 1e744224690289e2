package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Lifecycle: running builds move through their phases until it is closed")
class LifecycleTest {
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();

  @Test
  void aStartedBuildRunsToSuccessAndNothingFails() throws InterruptedException {
    BuildId id = start();

    try (Lifecycle lifecycle = Lifecycle.start(codeBuild, Duration.ofMillis(10), "lifecycle-test")) {
      Build done = awaitComplete(id);

      assertThat(done.buildStatus()).contains(StatusType.SUCCEEDED);
      assertThat(done.currentPhase()).contains(BuildPhaseType.COMPLETED);
      assertThat(lifecycle.failedTicks()).isZero();
      assertThat(lifecycle.lastFailure()).isEmpty();
    }
  }

  @Test
  void afterCloseNoBuildMoves() throws InterruptedException {
    Lifecycle.start(codeBuild, Duration.ofMillis(10), "lifecycle-test").close();
    BuildId id = start();

    Thread.sleep(150);

    assertThat(codeBuild.build(id).orElseThrow().currentPhase()).contains(BuildPhaseType.QUEUED);
  }

  @Test
  void aPhaseMustLastSomeTime() {
    assertThatThrownBy(() -> Lifecycle.start(codeBuild, Duration.ZERO, "lifecycle-test"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("phaseDuration must be positive: PT0S");
    assertThatThrownBy(() -> Lifecycle.start(codeBuild, Duration.ofMillis(-1), "lifecycle-test"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private BuildId start() {
    return BuildId.parse(codeBuild.startBuild("lifecycle").get().id().orElseThrow()).get();
  }

  // a bound, not a timing assertion: a lifecycle that never moves the build fails here rather than hangs
  private Build awaitComplete(BuildId id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    Build build = codeBuild.build(id).orElseThrow();
    while (!build.buildComplete().orElse(false) && System.nanoTime() < deadline) {
      Thread.sleep(5);
      build = codeBuild.build(id).orElseThrow();
    }
    assertThat(build.buildComplete()).as("complete within 20 s: %s", build).contains(true);
    return build;
  }
}
