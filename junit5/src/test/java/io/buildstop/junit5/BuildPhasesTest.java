package io.buildstop.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("phaseMillis: started builds run through their phases, with an endpoint or in-process only")
class BuildPhasesTest {

  @Nested
  @CodeBuildTest(endpoint = false, phaseMillis = 20)
  @DisplayName("in-process only")
  class InProcess {
    @Test
    void aStartedBuildRunsEveryPhaseAndSucceeds(InMemoryCodeBuild codeBuild) throws InterruptedException {
      assertRunsToSuccess(codeBuild);
    }

    @Test
    void aStoppedBuildStaysStopped(InMemoryCodeBuild codeBuild) throws InterruptedException {
      assertStaysStopped(codeBuild);
    }
  }

  @Nested
  @CodeBuildTest(phaseMillis = 20)
  @DisplayName("behind the endpoint")
  class BehindTheEndpoint {
    @Test
    void aStartedBuildRunsEveryPhaseAndSucceeds(InMemoryCodeBuild codeBuild) throws InterruptedException {
      assertRunsToSuccess(codeBuild);
    }

    @Test
    void aStoppedBuildStaysStopped(InMemoryCodeBuild codeBuild) throws InterruptedException {
      assertStaysStopped(codeBuild);
    }
  }

  @Nested
  @CodeBuildTest(endpoint = false)
  @DisplayName("off (the default)")
  class Off {
    @Test
    void aStartedBuildStaysQueued(InMemoryCodeBuild codeBuild) throws InterruptedException {
      BuildId id = start(codeBuild);

      Thread.sleep(200);

      assertThat(read(codeBuild, id).currentPhase()).contains(BuildPhaseType.QUEUED);
    }
  }

  private static void assertRunsToSuccess(InMemoryCodeBuild codeBuild) throws InterruptedException {
    BuildId id = start(codeBuild);

    Build done = awaitComplete(codeBuild, id);

    assertThat(done.buildStatus()).contains(StatusType.SUCCEEDED);
    assertThat(done.phases().stream().map(BuildPhase::phaseType).map(phase -> phase.orElseThrow()).toList())
        .containsSubsequence(List.of(BuildPhaseType.SUBMITTED, BuildPhaseType.QUEUED, BuildPhaseType.BUILD,
            BuildPhaseType.FINALIZING, BuildPhaseType.COMPLETED));
  }

  private static void assertStaysStopped(InMemoryCodeBuild codeBuild) throws InterruptedException {
    BuildId id = start(codeBuild);
    codeBuild.stopBuild(id.value()).get();

    Thread.sleep(200); // ten phases' worth: a lifecycle that moved stopped builds would have moved this one

    Build stopped = read(codeBuild, id);
    assertThat(stopped.buildStatus()).contains(StatusType.STOPPED);
    assertThat(stopped.buildComplete()).contains(true);
  }

  private static BuildId start(InMemoryCodeBuild codeBuild) {
    return BuildId.parse(codeBuild.startBuild("phases").get().id().orElseThrow()).get();
  }

  private static Build read(InMemoryCodeBuild codeBuild, BuildId id) {
    return codeBuild.build(id).orElseThrow();
  }

  // a bound, not a timing assertion: a lifecycle that never moves the build fails here rather than hangs
  private static Build awaitComplete(InMemoryCodeBuild codeBuild, BuildId id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    Build build = read(codeBuild, id);
    while (!build.buildComplete().orElse(false) && System.nanoTime() < deadline) {
      Thread.sleep(5);
      build = read(codeBuild, id);
    }
    assertThat(build.buildComplete()).as("complete within 20 s: %s", build).contains(true);
    return build;
  }
}
