package io.buildstop.testkit;

import io.buildstop.domain.lifecycle.BuildInvariant;
import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link Build} in CodeBuild's words: {@code assertThat(build).isStopped()}, {@code
 * .isTheStopOf(before)}, {@code .satisfiesTheInvariants()}.
 */
public final class BuildAssert extends AbstractAssert<BuildAssert, Build> {

  private BuildAssert(Build actual) {
    super(actual, BuildAssert.class);
  }

  /** The entry point. */
  public static BuildAssert assertThat(Build actual) {
    return new BuildAssert(actual);
  }

  /** STOPPED, complete, in phase COMPLETED (spec §4.2). */
  public BuildAssert isStopped() {
    return hasBuildStatus(StatusType.STOPPED).isComplete();
  }

  /** {@code buildComplete} true and {@code currentPhase} COMPLETED. */
  public BuildAssert isComplete() {
    isNotNull();
    if (!actual.buildComplete().equals(Optional.of(true))
        || !actual.currentPhase().equals(Optional.of(BuildPhaseType.COMPLETED))) {
      failWithMessage("Expected build %s to be complete in phase COMPLETED but buildComplete was %s, currentPhase %s",
          id(), actual.buildComplete(), actual.currentPhaseAsString());
    }
    return this;
  }

  /** IN_PROGRESS and not complete. */
  public BuildAssert isRunning() {
    hasBuildStatus(StatusType.IN_PROGRESS);
    if (!actual.buildComplete().equals(Optional.of(false))) {
      failWithMessage("Expected running build %s not to be complete but buildComplete was %s",
          id(), actual.buildComplete());
    }
    return this;
  }

  /** The given {@code buildStatus}. */
  public BuildAssert hasBuildStatus(StatusType expected) {
    isNotNull();
    if (!actual.buildStatus().equals(Optional.of(expected))) {
      failWithMessage("Expected build %s to have buildStatus %s but it was %s",
          id(), expected, actual.buildStatusAsString());
    }
    return this;
  }

  /** The given {@code currentPhase}. */
  public BuildAssert hasCurrentPhase(BuildPhaseType expected) {
    isNotNull();
    if (!actual.currentPhase().equals(Optional.of(expected))) {
      failWithMessage("Expected build %s to be in phase %s but it was in %s",
          id(), expected, actual.currentPhaseAsString());
    }
    return this;
  }

  /** Every invariant of spec §3; the message names each one broken. */
  public BuildAssert satisfiesTheInvariants() {
    isNotNull();
    List<BuildInvariant> broken = BuildInvariants.violations(actual);
    if (!broken.isEmpty()) {
      failWithMessage("Expected build %s to satisfy every invariant but it breaks %s:%n%s", id(), broken, actual);
    }
    return this;
  }

  /**
   * Exactly what StopBuild makes of {@code before} (spec §4): for a running build, {@link StopRules#stopRunning}
   * at the instant the actual build ended; for any other build, {@code before} unchanged.
   */
  public BuildAssert isTheStopOf(Build before) {
    isNotNull();
    if (!StopRules.isStoppable(before)) {
      if (!actual.equals(before)) {
        failWithMessage("Expected stopping the complete build %s to leave it unchanged (spec §4.3)%n"
            + "before: %s%nafter:  %s", id(), before, actual);
      }
      return this;
    }
    if (actual.endTime().isEmpty()) {
      failWithMessage("Expected the stopped build %s to have an endTime (spec §4.2) but it has none: %s", id(), actual);
    }
    Instant stoppedAt = actual.endTime().get();
    Build expected = StopRules.stop(before, stoppedAt);
    if (!actual.equals(expected)) {
      failWithMessage("Expected build %s stopped at %s to be exactly the spec's result (spec §4.2)%n"
          + "expected: %s%nactual:   %s", id(), stoppedAt, expected, actual);
    }
    return this;
  }

  private String id() {
    return actual.id().orElse("(no id)");
  }
}
