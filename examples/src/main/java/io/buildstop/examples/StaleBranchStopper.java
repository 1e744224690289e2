package io.buildstop.examples;

import io.buildstop.api.BuildStopper;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A user's own stop logic, as an example for {@code StaleBranchStopperTest}: when a branch is deleted, stop every
 * running build of it.
 */
public final class StaleBranchStopper {
  private StaleBranchStopper() {}

  /**
   * Stops every IN_PROGRESS build of {@code branch} among {@code builds}.
   *
   * @return the result of each StopBuild call, in the order made; never null
   */
  public static List<Either<StopFailure, Build>> stopBuildsOf(BuildStopper stopper, Collection<Build> builds,
      String branch) {
    return builds.stream()
        .filter(build -> build.sourceVersion().equals(Optional.of(branch)))
        .filter(build -> build.buildStatus().equals(Optional.of(StatusType.IN_PROGRESS)))
        .map(build -> stopper.stopBuild(build.id().orElseThrow()))
        .toList();
  }
}
