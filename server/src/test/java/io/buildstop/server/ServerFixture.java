package io.buildstop.server;

import io.buildstop.api.BuildStopper;
import io.buildstop.aws.AwsBuildStopper;
import io.buildstop.domain.Build;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.BuildPhaseType;
import io.buildstop.domain.StatusType;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.memory.InMemoryBuildStopper;
import io.buildstop.testkit.BuildStopperFixture;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS backend, over HTTP, against the server: builds are seeded straight into the server's in-memory backend
 * (as the in-memory backend's own contract fixture seeds them) and stopped through the real AWS SDK.
 */
final class ServerFixture implements BuildStopperFixture, AutoCloseable {
  private final CodeBuildServer server = CodeBuildServer.start(InMemoryBuildStopper.create());
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
  public Build runningBuild(String projectName, BuildPhaseType phase) {
    InMemoryBuildStopper codeBuild = server.backend();
    Build started = codeBuild.startBuild(projectName).get();
    if (phase == BuildPhaseType.SUBMITTED) {
      // a build still in SUBMITTED has one open phase: StartBuild's answer is already past it
      Build submitted = started.withPhases(started.phases().get(0).withPhaseStatusAsString(Optional.empty())
              .withEndTime(Optional.empty()).withDurationInSeconds(Optional.empty()))
          .withCurrentPhase(BuildPhaseType.SUBMITTED);
      return codeBuild.put(submitted).get();
    }
    Build build = started;
    for (int i = BuildLifecycle.RUNNING_PHASES.indexOf(BuildPhaseType.QUEUED);
        i < BuildLifecycle.RUNNING_PHASES.indexOf(phase); i++) {
      build = codeBuild.advance(started.id().orElseThrow()).get();
    }
    return build;
  }

  @Override
  public Build completedBuild(String projectName, StatusType finalStatus) {
    InMemoryBuildStopper codeBuild = server.backend();
    Build started = codeBuild.startBuild(projectName).get();
    codeBuild.advance(started.id().orElseThrow());
    return codeBuild.complete(started.id().orElseThrow(), finalStatus).get();
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
