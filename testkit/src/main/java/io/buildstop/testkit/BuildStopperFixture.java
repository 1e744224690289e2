package io.buildstop.testkit;

import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.util.Optional;
import java.util.UUID;

/**
 * What the contract needs from a backend besides the port: builds put into given states, and a way to read them
 * back. Implement it in a few lines over your backend's seeding API (see the in-memory backend's contract test).
 *
 * <p>Every project name the contract passes is fresh, so one fixture may serve many tests.
 */
public interface BuildStopperFixture {

  /** The port under test. */
  BuildStopper stopper();

  /**
   * A build of {@code projectName} that is IN_PROGRESS with {@code phase} running, as the backend now holds it.
   *
   * @param phase one of SUBMITTED through FINALIZING
   */
  Build runningBuild(String projectName, BuildPhaseType phase);

  /** A build of {@code projectName} that completed with {@code finalStatus}, as the backend now holds it. */
  Build completedBuild(String projectName, StatusType finalStatus);

  /**
   * The build with this id as the backend holds it now, read without changing it (BatchGetBuilds, or the fake's
   * own store); empty if there is none.
   */
  Optional<Build> storedBuild(BuildId id);

  /** An id of the valid form that names no build; by default a fresh uuid in a project nobody uses. */
  default BuildId unknownBuildId() {
    return BuildId.parse("buildstop-contract-no-such-project:" + UUID.randomUUID()).get();
  }

  /**
   * The build ARN that names {@code build}; by default built from the build's own {@code arn}, or made up in
   * {@code us-east-1} when it has none.
   */
  default String buildArnOf(Build build) {
    return build.arn().orElseGet(() -> "arn:aws:codebuild:us-east-1:123456789012:build/" + build.id().orElseThrow());
  }
}
