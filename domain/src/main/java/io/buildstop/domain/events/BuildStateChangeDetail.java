package io.buildstop.domain.events;

import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code detail} of a {@link BuildStateChange}: {@code build-status}, {@code project-name}, {@code build-id},
 * {@code current-phase}, {@code current-phase-context}, {@code version} and {@code additional-information}.
 *
 * <p>Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class BuildStateChangeDetail implements WithBuildStateChangeDetail {

  /** {@code build-status}, typed; {@link StatusType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<StatusType> buildStatus() {
    return buildStatusAsString().map(StatusType::fromValue);
  }

  /** The raw {@code build-status}: the build's status after the change. */
  public abstract Optional<String> buildStatusAsString();

  /** {@code project-name}. */
  public abstract Optional<String> projectName();

  /** {@code build-id}: the build's ARN, not its id (spec §4.8 lets StopBuild take it as it is). */
  public abstract Optional<String> buildId();

  /** {@code current-phase}, typed; {@link BuildPhaseType#UNKNOWN_TO_SDK_VERSION} for one this version does not know. */
  public final Optional<BuildPhaseType> currentPhase() {
    return currentPhaseAsString().map(BuildPhaseType::fromValue);
  }

  /** The raw {@code current-phase}. */
  public abstract Optional<String> currentPhaseAsString();

  /** {@code current-phase-context}: the current phase's contexts as one text, such as {@code "[]"}. */
  public abstract Optional<String> currentPhaseContext();

  /** The detail's own {@code version}, {@link BuildEvent#DETAIL_VERSION} in what CodeBuild publishes. */
  public abstract Optional<String> version();

  /** {@code additional-information}: the build as it stands after the change. */
  public abstract Optional<AdditionalInformation> additionalInformation();

  /** Members of the {@code detail} this version does not model, by name, each as its JSON text. */
  public abstract Map<String, String> otherMembers();

  /** A copy with {@code build-status} set to a value this version knows. */
  public final BuildStateChangeDetail withBuildStatus(StatusType value) {
    return withBuildStatusAsString(value.wireValue());
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BuildStateChangeDetail}. */
  public static final class Builder extends ImmutableBuildStateChangeDetail.Builder {
    /** Sets {@code build-status} to a value this version knows; use {@code buildStatusAsString} for any other. */
    public Builder buildStatus(StatusType value) {
      return buildStatusAsString(value.wireValue());
    }

    /** Sets {@code current-phase} to a value this version knows; use {@code currentPhaseAsString} for any other. */
    public Builder currentPhase(BuildPhaseType value) {
      return currentPhaseAsString(value.wireValue());
    }
  }
}
