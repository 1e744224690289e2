package io.buildstop.examples;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.memory.StopLogicCheck;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The user's stop logic checked over generated CodeBuild histories, as testkit/README.md shows. */
class StaleBranchStopperTest {

  @Test
  void stopsEveryRunningBuildOfTheBranchAndNothingElse() {
    StopLogicCheck.<List<Either<StopFailure, Build>>>of(
            codeBuild -> StaleBranchStopper.stopBuildsOf(codeBuild, codeBuild.builds(), "feature"))
        .projects("web", "api").sourceVersions("main", "feature")
        .property("no build of another branch changes",
            run -> run.changed().stream().allMatch(build -> build.sourceVersion().equals(Optional.of("feature"))))
        .property("without injected failures, no build of the branch is left running",
            run -> run.failuresInjected() > 0 || run.after().stream().noneMatch(build ->
                build.sourceVersion().equals(Optional.of("feature"))
                    && build.buildStatus().equals(Optional.of(StatusType.IN_PROGRESS))))
        .check(Property.tries(100));
  }
}
