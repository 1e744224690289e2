package io.buildstop.server;

import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.aws.AwsBuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.testkit.BuildBatchFixture;
import io.buildstop.testkit.memory.InMemoryFixture;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS backend, over HTTP, against the server: builds and batches are seeded straight into the server's in-memory
 * backend (as the in-memory backend's own contract fixture seeds them, batches by that very fixture) and stopped and
 * read through the real AWS SDK.
 */
final class ServerFixture implements BuildBatchFixture, AutoCloseable {
  private final CodeBuildServer server = CodeBuildServer.start(InMemoryCodeBuild.create());
  private final InMemoryFixture seeding = InMemoryFixture.of(server.backend());
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
  public BuildBatchStopper batchStopper() {
    return stopper;
  }

  @Override
  public BuildBatchReader batchReader() {
    return stopper;
  }

  @Override
  public BuildBatch runningBatch(String projectName) {
    return seeding.runningBatch(projectName);
  }

  @Override
  public BuildBatch finishedBatch(String projectName, StatusType finalStatus) {
    return seeding.finishedBatch(projectName, finalStatus);
  }

  @Override
  public void close() {
    stopper.close();
    server.close();
  }
}
