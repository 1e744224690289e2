package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.aws.AwsBuildStopper;
import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.server.CodeBuildServer;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Stop and wait over the AWS backend against the local endpoint's asynchronous-stop and lifecycle modes, on the real
 * clock and sleeper: it ends with the settled build, within its deadline.
 */
class StopAndWaitAgainstEndpointTest {

  private static AwsBuildStopper awsBackendFor(CodeBuildServer server) {
    return AwsBuildStopper.builder()
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .build();
  }

  @Test
  void waitsForAnAsynchronousStopToSettleWithinTheDeadline() {
    try (CodeBuildServer server = CodeBuildServer.builder().stopLatency(Duration.ofMillis(400)).start();
        AwsBuildStopper codeBuild = awsBackendFor(server)) {
      Build running = server.backend().startBuildInPhase("wait-project", BuildPhaseType.BUILD).get();
      Instant started = Instant.now();

      Either<StopAndWaitFailure, Build> result = StopAndWait.with(codeBuild, codeBuild)
          .timeout(Duration.ofSeconds(20))
          .run(running.id().orElseThrow());

      assertThat(result.isRight()).as("stop and wait: %s", result).isTrue();
      assertThat(result.get().buildStatus()).contains(StatusType.STOPPED);
      assertThat(BuildInvariants.check(result.get()).isRight()).isTrue();
      assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(20));
    }
  }

  @Test
  void reportsStillRunningWhenTheStopSettlesAfterTheDeadline() {
    try (CodeBuildServer server = CodeBuildServer.builder().stopLatency(Duration.ofMinutes(5)).start();
        AwsBuildStopper codeBuild = awsBackendFor(server)) {
      Build running = server.backend().startBuildInPhase("wait-project", BuildPhaseType.INSTALL).get();

      Either<StopAndWaitFailure, Build> result = StopAndWait.with(codeBuild, codeBuild)
          .timeout(Duration.ofMillis(800))
          .run(running.id().orElseThrow());

      assertThat(result.isLeft()).isTrue();
      assertThat(result.getLeft()).isInstanceOfSatisfying(StopAndWaitFailure.StillRunningAtDeadline.class,
          stillRunning -> assertThat(stillRunning.lastSeen().buildStatus()).contains(StatusType.IN_PROGRESS));
    }
  }

  @Test
  void endsWithTheOneTerminalStateWhenBuildsRunOnTheirOwn() {
    try (CodeBuildServer server = CodeBuildServer.builder().lifecycle(Duration.ofMillis(40)).start();
        AwsBuildStopper codeBuild = awsBackendFor(server)) {
      Build started = server.backend().startBuild("lifecycle-project").get();

      Either<StopAndWaitFailure, Build> result = StopAndWait.with(codeBuild, codeBuild)
          .timeout(Duration.ofSeconds(20))
          .run(started.id().orElseThrow());

      // the stop races the schedule: either it won (STOPPED) or the build had already succeeded
      assertThat(result.isRight()).as("stop and wait: %s", result).isTrue();
      assertThat(result.get().buildStatus().orElseThrow()).isIn(StatusType.STOPPED, StatusType.SUCCEEDED);
      assertThat(result.get().buildComplete()).contains(true);
      assertThat(BuildInvariants.check(result.get()).isRight()).isTrue();
    }
  }
}
