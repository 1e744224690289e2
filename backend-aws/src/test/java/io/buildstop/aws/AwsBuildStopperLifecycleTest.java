package io.buildstop.aws;

import static io.buildstop.aws.LocalCodeBuildEndpoint.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildstop.domain.StopFailure;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/** Who owns the client (STYLE §10: never close a client you were given) and what the builder refuses. */
class AwsBuildStopperLifecycleTest {
  private LocalCodeBuildEndpoint endpoint;

  @BeforeEach
  void start() {
    endpoint = LocalCodeBuildEndpoint.start();
  }

  @AfterEach
  void close() {
    endpoint.close();
  }

  @Test
  void closingAStopperLeavesTheClientYouPassedOpen() {
    try (CodeBuildClient client = ReplayTest.clientOf(endpoint)) {
      AwsBuildStopper stopper = AwsBuildStopper.builder().codeBuildClient(client).build();

      stopper.close();

      endpoint.answering(json(200, "{\"ids\": [\"my-demo-project:1\"]}"));
      assertThat(client.listBuilds().ids()).containsExactly("my-demo-project:1");
    }
  }

  @Test
  void closingAStopperClosesTheClientItBuiltAndLaterStopsFailWithoutThrowing() {
    AwsBuildStopper stopper = endpoint.stopper().build();

    stopper.close();

    StopFailure.Unavailable failure =
        Results.left(stopper.stopBuild("my-demo-project:1"), StopFailure.Unavailable.class);
    assertThat(failure.cause()).isPresent();
    assertThat(endpoint.requests()).as("a closed client sends nothing").isEmpty();
  }

  @Test
  void aClientTogetherWithSettingsForBuildingOneIsRefused() {
    try (CodeBuildClient client = ReplayTest.clientOf(endpoint)) {
      AwsBuildStopper.Builder builder = AwsBuildStopper.builder().codeBuildClient(client).region(Region.US_EAST_1);

      assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aTimeoutThatIsNotPositiveIsRefused() {
    assertThatThrownBy(() -> AwsBuildStopper.builder().apiCallTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AwsBuildStopper.builder().apiCallAttemptTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
