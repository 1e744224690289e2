package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.aws.AwsBuildStopper;
import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.junit5.CodeBuildExtension;
import io.buildstop.memory.InMemoryCodeBuild;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/**
 * Stop and wait over the AWS backend against the local endpoint's asynchronous-stop and lifecycle modes, on the real
 * clock and sleeper: it ends with the settled build, within its deadline. Each mode is one endpoint, started by the
 * JUnit 5 extension, with the SDK client it injects.
 */
class StopAndWaitAgainstEndpointTest {

  @Nested
  class WithAStopThatSettlesIn400Ms {
    @RegisterExtension
    static CodeBuildExtension endpoint = CodeBuildExtension.newInstance().stopLatency(Duration.ofMillis(400)).build();

    @Test
    void waitsForAnAsynchronousStopToSettleWithinTheDeadline(CodeBuildClient client, InMemoryCodeBuild backend) {
      Build running = backend.startBuildInPhase("wait-project", BuildPhaseType.BUILD).get();
      Instant started = Instant.now();

      Either<StopAndWaitFailure<Build>, Build> result = stopAndWait(client, running, Duration.ofSeconds(20));

      assertThat(result.isRight()).as("stop and wait: %s", result).isTrue();
      assertThat(result.get().buildStatus()).contains(StatusType.STOPPED);
      assertThat(BuildInvariants.check(result.get()).isRight()).isTrue();
      assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(20));
    }
  }

  @Nested
  class WithAStopThatSettlesInFiveMinutes {
    @RegisterExtension
    static CodeBuildExtension endpoint = CodeBuildExtension.newInstance().stopLatency(Duration.ofMinutes(5)).build();

    @Test
    void reportsStillRunningWhenTheStopSettlesAfterTheDeadline(CodeBuildClient client, InMemoryCodeBuild backend) {
      Build running = backend.startBuildInPhase("wait-project", BuildPhaseType.INSTALL).get();

      Either<StopAndWaitFailure<Build>, Build> result = stopAndWait(client, running, Duration.ofMillis(800));

      assertThat(result.isLeft()).isTrue();
      assertThat(result.getLeft()).isInstanceOfSatisfying(StopAndWaitFailure.StillRunningAtDeadline.class,
          stillRunning -> assertThat(((Build) stillRunning.lastSeen()).buildStatus()).contains(StatusType.IN_PROGRESS));
    }
  }

  @Nested
  class WithBuildsRunningOnTheirOwn {
    @RegisterExtension
    static CodeBuildExtension endpoint = CodeBuildExtension.newInstance().lifecycle(Duration.ofMillis(40)).build();

    @Test
    void endsWithTheOneTerminalStateWhenBuildsRunOnTheirOwn(CodeBuildClient client, InMemoryCodeBuild backend) {
      Build started = backend.startBuild("lifecycle-project").get();

      Either<StopAndWaitFailure<Build>, Build> result = stopAndWait(client, started, Duration.ofSeconds(20));

      // the stop races the schedule: either it won (STOPPED) or the build had already succeeded
      assertThat(result.isRight()).as("stop and wait: %s", result).isTrue();
      assertThat(result.get().buildStatus().orElseThrow()).isIn(StatusType.STOPPED, StatusType.SUCCEEDED);
      assertThat(result.get().buildComplete()).contains(true);
      assertThat(BuildInvariants.check(result.get()).isRight()).isTrue();
    }
  }

  // the AWS backend over the injected client, which the extension closes: the backend never closes a client given
  private static Either<StopAndWaitFailure<Build>, Build> stopAndWait(CodeBuildClient client, Build build,
      Duration timeout) {
    AwsBuildStopper codeBuild = AwsBuildStopper.builder().codeBuildClient(client).build();
    return StopAndWait.with(codeBuild, codeBuild).timeout(timeout).run(build.id().orElseThrow());
  }
}
