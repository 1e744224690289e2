package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.aws.AwsBuildStopper;
import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The endpoint's asynchronous-stop mode (spec §4.9), seen through the real AWS SDK: accepted now, settled later. */
class AsynchronousStopModeTest {

  @Test
  void aStopIsAnsweredRunningAndReadsSettleItAfterTheLatency() throws Exception {
    try (CodeBuildServer server = CodeBuildServer.builder().stopLatency(Duration.ofMillis(300)).start();
        AwsBuildStopper codeBuild = AwsBuildStopper.builder()
            .endpointOverride(server.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
            .build()) {
      Build running = server.backend().startBuildInPhase("async-endpoint", BuildPhaseType.BUILD).get();
      String id = running.id().orElseThrow();

      Build answer = codeBuild.stopBuild(id).get();
      Build settled = awaitComplete(codeBuild, id);

      assertThat(answer.buildStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(settled.buildStatus()).contains(StatusType.STOPPED);
      assertThat(settled.phases().get(settled.phases().size() - 2).phaseStatus()).contains(StatusType.STOPPED);
      assertThat(BuildInvariants.check(settled).isRight()).isTrue();
    }
  }

  private static Build awaitComplete(AwsBuildStopper codeBuild, String id) throws InterruptedException {
    // polling, with a generous bound: this checks that the stop settles, not how fast
    for (int attempt = 0; attempt < 200; attempt++) {
      Build read = codeBuild.batchGetBuilds(List.of(id)).get().builds().get(0);
      if (read.buildComplete().orElse(false)) {
        return read;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the stop of " + id + " did not settle within 10 s");
  }
}
