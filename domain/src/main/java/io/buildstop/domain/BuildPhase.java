package io.buildstop.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about a stage for a build.
 *
 * <p>Mirrors CodeBuild's {@code BuildPhase} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class BuildPhase implements WithBuildPhase {

  /** The name of the build phase. Typed view of {@link #phaseTypeAsString()}: {@link BuildPhaseType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<BuildPhaseType> phaseType() {
    return phaseTypeAsString().map(BuildPhaseType::fromValue);
  }

  /** The raw phaseType exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> phaseTypeAsString();

  /** The current status of the build phase. Typed view of {@link #phaseStatusAsString()}: {@link StatusType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<StatusType> phaseStatus() {
    return phaseStatusAsString().map(StatusType::fromValue);
  }

  /** The raw phaseStatus exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> phaseStatusAsString();

  /** When the build phase started, expressed in Unix time format. Empty when CodeBuild did not send it. */
  public abstract Optional<Instant> startTime();

  /** When the build phase ended, expressed in Unix time format. Empty when CodeBuild did not send it. */
  public abstract Optional<Instant> endTime();

  /** How long, in seconds, between the starting and ending times of the build's phase. Empty when CodeBuild did not send it. */
  public abstract Optional<Long> durationInSeconds();

  /** Additional information about a build phase, especially to help troubleshoot a failed build. Empty when absent; {@link #hasContexts()} tells an empty list CodeBuild sent from an absent one. */
  public abstract List<PhaseContext> contexts();

  /** Whether CodeBuild sent contexts, even as an empty list (the AWS SDK's {@code has*} convention). */
  @Value.Default
  public boolean hasContexts() {
    return !contexts().isEmpty();
  }

  /** A copy with phaseType set to a value this version knows. */
  public final BuildPhase withPhaseType(BuildPhaseType value) {
    return withPhaseTypeAsString(value.wireValue());
  }

  /** A copy with phaseStatus set to a value this version knows. */
  public final BuildPhase withPhaseStatus(StatusType value) {
    return withPhaseStatusAsString(value.wireValue());
  }

  // A list that holds elements was sent, whatever the flag says: keeps with*-copies consistent.
  @Value.Check
  BuildPhase normalizePresence() {
    if ((!hasContexts() && !contexts().isEmpty())) {
      return builder().from(this)
        .hasContexts(hasContexts() || !contexts().isEmpty())
        .build();
    }
    return this;
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BuildPhase}. */
  public static final class Builder extends ImmutableBuildPhase.Builder {
    /** Sets phaseType to a value this version knows; use {@code phaseTypeAsString} for any other. */
    public Builder phaseType(BuildPhaseType value) {
      return phaseTypeAsString(value.wireValue());
    }

    /** Sets phaseStatus to a value this version knows; use {@code phaseStatusAsString} for any other. */
    public Builder phaseStatus(StatusType value) {
      return phaseStatusAsString(value.wireValue());
    }

  }
}
