package io.buildstop.domain.events;

import io.buildstop.domain.model.ComputeType;
import io.buildstop.domain.model.EnvironmentType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code environment} of a build event's {@code additional-information}: {@code image}, {@code privileged-mode},
 * {@code compute-type}, {@code type}, {@code environment-variables}.
 *
 * <p>Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class EventEnvironment implements WithEventEnvironment {

  /** {@code image}. */
  public abstract Optional<String> image();

  /** {@code privileged-mode}. */
  public abstract Optional<Boolean> privilegedMode();

  /** {@code compute-type}, typed; {@link ComputeType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<ComputeType> computeType() {
    return computeTypeAsString().map(ComputeType::fromValue);
  }

  /** The raw {@code compute-type}. */
  public abstract Optional<String> computeTypeAsString();

  /** {@code type}, typed; {@link EnvironmentType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<EnvironmentType> type() {
    return typeAsString().map(EnvironmentType::fromValue);
  }

  /** The raw {@code type}. */
  public abstract Optional<String> typeAsString();

  /** {@code environment-variables}. */
  public abstract List<EventEnvironmentVariable> environmentVariables();

  /** Whether the event carried {@code environment-variables}, even as an empty list. */
  @Value.Default
  public boolean hasEnvironmentVariables() {
    return !environmentVariables().isEmpty();
  }

  /** Members this version does not model, by name, each as its JSON text. */
  public abstract Map<String, String> otherMembers();

  // A list that holds elements was sent, whatever the flag says: keeps with*-copies consistent.
  @Value.Check
  EventEnvironment normalizePresence() {
    if (!hasEnvironmentVariables() && !environmentVariables().isEmpty()) {
      return builder().from(this).hasEnvironmentVariables(true).build();
    }
    return this;
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EventEnvironment}. */
  public static final class Builder extends ImmutableEventEnvironment.Builder {
    /** Sets {@code compute-type} to a value this version knows; use {@code computeTypeAsString} for any other. */
    public Builder computeType(ComputeType value) {
      return computeTypeAsString(value.wireValue());
    }

    /** Sets {@code type} to a value this version knows; use {@code typeAsString} for any other. */
    public Builder type(EnvironmentType value) {
      return typeAsString(value.wireValue());
    }
  }
}
