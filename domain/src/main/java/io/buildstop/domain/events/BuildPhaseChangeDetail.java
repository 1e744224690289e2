package io.buildstop.domain.events;

import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code detail} of a {@link BuildPhaseChange}: {@code completed-phase}, {@code completed-phase-status}, {@code
 * completed-phase-duration-seconds}, {@code completed-phase-start}, {@code completed-phase-end}, {@code
 * completed-phase-context}, {@code project-name}, {@code build-id}, {@code version} and {@code
 * additional-information}.
 *
 * <p>Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class BuildPhaseChangeDetail implements WithBuildPhaseChangeDetail {

  /** {@code completed-phase}, typed; {@link BuildPhaseType#UNKNOWN_TO_SDK_VERSION} for one this version does not know. */
  public final Optional<BuildPhaseType> completedPhase() {
    return completedPhaseAsString().map(BuildPhaseType::fromValue);
  }

  /** The raw {@code completed-phase}: the phase that just ended. */
  public abstract Optional<String> completedPhaseAsString();

  /** {@code completed-phase-status}, typed; {@link StatusType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<StatusType> completedPhaseStatus() {
    return completedPhaseStatusAsString().map(StatusType::fromValue);
  }

  /** The raw {@code completed-phase-status}: how the phase ended ({@code STOPPED} for the phase a stop ended). */
  public abstract Optional<String> completedPhaseStatusAsString();

  /** {@code completed-phase-duration-seconds}: the phase's whole seconds. */
  public abstract Optional<Long> completedPhaseDurationSeconds();

  /** {@code completed-phase-start}, in whole seconds. */
  public abstract Optional<Instant> completedPhaseStart();

  /** {@code completed-phase-end}, in whole seconds. */
  public abstract Optional<Instant> completedPhaseEnd();

  /** {@code completed-phase-context}: the phase's contexts as one text, such as {@code "[]"}. */
  public abstract Optional<String> completedPhaseContext();

  /** {@code project-name}. */
  public abstract Optional<String> projectName();

  /** {@code build-id}: the build's ARN, not its id. */
  public abstract Optional<String> buildId();

  /** The detail's own {@code version}, {@link BuildEvent#DETAIL_VERSION} in what CodeBuild publishes. */
  public abstract Optional<String> version();

  /** {@code additional-information}: the build as it stands after the change. */
  public abstract Optional<AdditionalInformation> additionalInformation();

  /** Members of the {@code detail} this version does not model, by name, each as its JSON text. */
  public abstract Map<String, String> otherMembers();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BuildPhaseChangeDetail}. */
  public static final class Builder extends ImmutableBuildPhaseChangeDetail.Builder {
    /** Sets {@code completed-phase} to a value this version knows; use {@code completedPhaseAsString} for any other. */
    public Builder completedPhase(BuildPhaseType value) {
      return completedPhaseAsString(value.wireValue());
    }

    /** Sets {@code completed-phase-status} to a value this version knows. */
    public Builder completedPhaseStatus(StatusType value) {
      return completedPhaseStatusAsString(value.wireValue());
    }
  }
}
