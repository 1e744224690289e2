package io.buildstop.workflows;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.memory.StopLogicCheck;
import io.buildstop.testkit.properties.Coverage;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Stop-superseded run after every event of a generated CodeBuild history (builds starting on two branches of two
 * projects, advancing, completing, stopped by others, throttling and outages), through the testkit's
 * {@link StopLogicCheck}: it never stops what it must not, and without injected failures it leaves one running build.
 */
class StopSupersededModelTest {
  private static final Sleeper NO_WAIT = duration -> { };
  private static final Comparator<Build> NEWER_LAST = Comparator
      .comparing((Build build) -> build.startTime().orElseThrow())
      .thenComparing(build -> build.buildNumber().orElseThrow());

  @Test
  void stopsOnlyTheSupersededBuildsOfItsPairAndLeavesOneRunningWheneverItRuns() {
    Coverage<Boolean> stoppedSomething = Coverage.of("a run stopped a superseded build");

    StopLogicCheck.<Either<StopFailure, StopReport>>of(codeBuild -> StopSuperseded.of(codeBuild, codeBuild)
            .project("web").sourceVersion("main").sleeper(NO_WAIT).run())
        .projects("web", "api").sourceVersions("main", "feature")
        .property("every build it changed was a running, superseded build of web on main, and is now STOPPED",
            run -> run.changed().stream().allMatch(build -> isOfThePair(build)
                && run.before(build.id().orElseThrow()).flatMap(Build::buildStatus).equals(
                    Optional.of(StatusType.IN_PROGRESS))
                && !isNewestOfThePair(run.before(), build)
                && build.buildStatus().equals(Optional.of(StatusType.STOPPED))))
        .property("without injected failures, at most one build of the pair is running after it",
            run -> run.failuresInjected() > 0 || running(run.after()).size() <= 1)
        .observe(run -> stoppedSomething.collect(!run.changed().isEmpty()))
        .check(Property.tries(200));

    // a run finds something to stop only after a newer build of the pair started: about 3% of runs
    stoppedSomething.requirePercentage(true, 1);
  }

  private static boolean isOfThePair(Build build) {
    return build.projectName().equals(Optional.of("web")) && build.sourceVersion().equals(Optional.of("main"));
  }

  private static List<Build> running(List<Build> builds) {
    return builds.stream().filter(StopSupersededModelTest::isOfThePair)
        .filter(build -> build.buildStatus().equals(Optional.of(StatusType.IN_PROGRESS))).toList();
  }

  private static boolean isNewestOfThePair(List<Build> builds, Build build) {
    return builds.stream().filter(StopSupersededModelTest::isOfThePair).max(NEWER_LAST)
        .flatMap(Build::id).equals(build.id());
  }

}
