package io.buildstop.memory.contract;

import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.Build;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.BuildPhaseType;
import io.buildstop.domain.StatusType;
import io.buildstop.memory.InMemoryBuildStopper;
import io.buildstop.testkit.BuildReaderFixture;
import java.util.Optional;

/** The in-memory backend behind the testkit's contract: seeding through its own public API only. */
final class InMemoryFixture implements BuildReaderFixture {
  private final InMemoryBuildStopper codeBuild = InMemoryBuildStopper.create();

  @Override
  public BuildStopper stopper() {
    return codeBuild;
  }

  @Override
  public BuildReader reader() {
    return codeBuild;
  }

  @Override
  public Build runningBuild(String projectName, BuildPhaseType phase) {
    return codeBuild.startBuildInPhase(projectName, phase).get();
  }

  @Override
  public Build completedBuild(String projectName, StatusType finalStatus) {
    return codeBuild.startCompletedBuild(projectName, finalStatus).get();
  }

  @Override
  public Optional<Build> storedBuild(BuildId id) {
    return codeBuild.build(id);
  }
}
