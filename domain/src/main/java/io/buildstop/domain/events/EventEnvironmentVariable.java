package io.buildstop.domain.events;

import io.buildstop.domain.model.EnvironmentVariableType;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One of the {@code environment-variables} of a build event's {@code environment}: {@code name}, {@code value},
 * {@code type}.
 *
 * <p>Immutable; no accessor returns null; {@code toString()} masks the value.
 */
@Value.Immutable
public abstract class EventEnvironmentVariable implements WithEventEnvironmentVariable {

  /** {@code name}. */
  public abstract Optional<String> name();

  /** {@code value}: may be a secret, so {@code toString()} masks it. */
  @Value.Redacted
  public abstract Optional<String> value();

  /** {@code type}, typed; {@link EnvironmentVariableType#UNKNOWN_TO_SDK_VERSION} for one this version does not know. */
  public final Optional<EnvironmentVariableType> type() {
    return typeAsString().map(EnvironmentVariableType::fromValue);
  }

  /** The raw {@code type}. */
  public abstract Optional<String> typeAsString();

  /** Members this version does not model, by name, each as its JSON text. */
  public abstract Map<String, String> otherMembers();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EventEnvironmentVariable}. */
  public static final class Builder extends ImmutableEventEnvironmentVariable.Builder {
    /** Sets {@code type} to a value this version knows; use {@code typeAsString} for any other. */
    public Builder type(EnvironmentVariableType value) {
      return typeAsString(value.wireValue());
    }
  }
}
