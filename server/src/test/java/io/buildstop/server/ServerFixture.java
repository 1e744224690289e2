package io.buildstop.server;

import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.aws.AwsBuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.testkit.BuildReaderFixture;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS backend, over HTTP, against the server: builds are seeded straight into the server's in-memory backend
 * (as the in-memory backend's own contract fixture seeds them) and stopped through the real AWS SDK.
 */
final class ServerFixture implements BuildReaderFixture, AutoCloseable {
  private final CodeBuildServer server = CodeBuildServer.start(InMemoryCodeBuild.create());
  private final AwsBuildStopper stopper = AwsBuildStopper.builder()
      .endpointOverride(server.endpoint())
      .region(Region.US_EAST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
      .apiCallAttemptTimeout(Duration.ofSeconds(5))
      .apiCallTimeout(Duration.ofSeconds(20))
      .build();

  @Override
  public BuildStopper stopper() {
    return stopper;
  }

  @Override
  public BuildReader reader() {
    return stopper;
  }

  @Override
  public Build runningBuild(String projectName, BuildPhaseType phase) {
    return server.backend().startBuildInPhase(projectName, phase).get();
  }

  @Override
  public Build completedBuild(String projectName, StatusType finalStatus) {
    return server.backend().startCompletedBuild(projectName, finalStatus).get();
  }

  @Override
  public Optional<Build> storedBuild(BuildId id) {
    return server.backend().build(id);
  }

  @Override
  public void close() {
    stopper.close();
    server.close();
  }
}
