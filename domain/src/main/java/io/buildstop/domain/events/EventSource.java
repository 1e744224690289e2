package io.buildstop.domain.events;

import io.buildstop.domain.model.SourceType;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code source} of a build event's {@code additional-information} (the build's input, not the envelope's
 * {@code source}): {@code location}, {@code type}.
 *
 * <p>Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class EventSource implements WithEventSource {

  /** {@code location}. */
  public abstract Optional<String> location();

  /** {@code type}, typed; {@link SourceType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<SourceType> type() {
    return typeAsString().map(SourceType::fromValue);
  }

  /** The raw {@code type}. */
  public abstract Optional<String> typeAsString();

  /** Members this version does not model, by name, each as its JSON text. */
  public abstract Map<String, String> otherMembers();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EventSource}. */
  public static final class Builder extends ImmutableEventSource.Builder {
    /** Sets {@code type} to a value this version knows; use {@code typeAsString} for any other. */
    public Builder type(SourceType value) {
      return typeAsString(value.wireValue());
    }
  }
}
