package io.buildstop.domain.events;

import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One of the {@code phases} of a build event's {@code additional-information}: {@code phase-context}, {@code
 * start-time}, {@code end-time}, {@code duration-in-seconds}, {@code phase-type}, {@code phase-status}. A phase
 * still running, and the COMPLETED entry, has only {@code start-time} and {@code phase-type}.
 *
 * <p>Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class EventPhase implements WithEventPhase {

  /** {@code phase-context}: each of the phase's contexts as one text ({@code "<statusCode>: <message>"}). */
  public abstract List<String> phaseContext();

  /** Whether the event carried {@code phase-context}, even as an empty list. */
  @Value.Default
  public boolean hasPhaseContext() {
    return !phaseContext().isEmpty();
  }

  /** {@code start-time}, in whole seconds. */
  public abstract Optional<Instant> startTime();

  /** {@code end-time}, in whole seconds. */
  public abstract Optional<Instant> endTime();

  /** {@code duration-in-seconds}. */
  public abstract Optional<Long> durationInSeconds();

  /** {@code phase-type}, typed; {@link BuildPhaseType#UNKNOWN_TO_SDK_VERSION} for one this version does not know. */
  public final Optional<BuildPhaseType> phaseType() {
    return phaseTypeAsString().map(BuildPhaseType::fromValue);
  }

  /** The raw {@code phase-type}. */
  public abstract Optional<String> phaseTypeAsString();

  /** {@code phase-status}, typed; {@link StatusType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<StatusType> phaseStatus() {
    return phaseStatusAsString().map(StatusType::fromValue);
  }

  /** The raw {@code phase-status}. */
  public abstract Optional<String> phaseStatusAsString();

  /** Members this version does not model, by name, each as its JSON text. */
  public abstract Map<String, String> otherMembers();

  // A list that holds elements was sent, whatever the flag says: keeps with*-copies consistent.
  @Value.Check
  EventPhase normalizePresence() {
    if (!hasPhaseContext() && !phaseContext().isEmpty()) {
      return builder().from(this).hasPhaseContext(true).build();
    }
    return this;
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EventPhase}. */
  public static final class Builder extends ImmutableEventPhase.Builder {
    /** Sets {@code phase-type} to a value this version knows; use {@code phaseTypeAsString} for any other. */
    public Builder phaseType(BuildPhaseType value) {
      return phaseTypeAsString(value.wireValue());
    }

    /** Sets {@code phase-status} to a value this version knows; use {@code phaseStatusAsString} for any other. */
    public Builder phaseStatus(StatusType value) {
      return phaseStatusAsString(value.wireValue());
    }
  }
}
