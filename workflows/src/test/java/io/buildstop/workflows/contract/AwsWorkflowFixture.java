package io.buildstop.workflows.contract;

import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.aws.AwsBuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.CodeBuildServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS backend, through the real AWS SDK and HTTP, against the local endpoint: builds are seeded straight into
 * the endpoint's in-memory backend, batches too; the workflows see them only through the AWS backend's ports.
 */
final class AwsWorkflowFixture implements BatchWorkflowFixture, AutoCloseable {
  private final Clock clock = InMemoryWorkflowFixture.millisecondClock();
  private final CodeBuildServer server =
      CodeBuildServer.start(InMemoryCodeBuild.builder().clock(clock).build());
  private final InMemoryWorkflowFixture seeding = new InMemoryWorkflowFixture(server.backend(), clock);
  private final AwsBuildStopper codeBuild = AwsBuildStopper.builder()
      .endpointOverride(server.endpoint())
      .region(Region.US_EAST_1)
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
      .apiCallAttemptTimeout(Duration.ofSeconds(5))
      .apiCallTimeout(Duration.ofSeconds(20))
      .build();

  @Override
  public BuildStopper stopper() {
    return codeBuild;
  }

  @Override
  public BuildReader reader() {
    return codeBuild;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Build runningBuild(String project, String sourceVersion, Instant startedAt) {
    return seeding.runningBuild(project, sourceVersion, startedAt);
  }

  @Override
  public Build completedBuild(String project, String sourceVersion, Instant startedAt, StatusType finalStatus) {
    return seeding.completedBuild(project, sourceVersion, startedAt, finalStatus);
  }

  @Override
  public void complete(BuildId id, StatusType finalStatus) {
    seeding.complete(id, finalStatus);
  }

  @Override
  public BuildBatchStopper batchStopper() {
    return codeBuild;
  }

  @Override
  public BuildBatchReader batchReader() {
    return codeBuild;
  }

  @Override
  public BuildBatch runningBatch(String project, String sourceVersion) {
    return seeding.runningBatch(project, sourceVersion);
  }

  @Override
  public void close() {
    codeBuild.close();
    server.close();
  }
}
