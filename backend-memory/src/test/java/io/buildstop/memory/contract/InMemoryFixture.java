package io.buildstop.memory.contract;

import io.buildstop.api.BuildStopper;
import io.buildstop.domain.Build;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.BuildPhaseType;
import io.buildstop.domain.StatusType;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.memory.InMemoryBuildStopper;
import io.buildstop.api.BuildReader;
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
    Build started = codeBuild.startBuild(projectName).get();
    codeBuild.advance(started.id().orElseThrow());
    return codeBuild.complete(started.id().orElseThrow(), finalStatus).get();
  }

  @Override
  public Optional<Build> storedBuild(BuildId id) {
    return codeBuild.build(id);
  }
}
