package io.buildstop.domain.events;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code logs} of a build event's {@code additional-information}: {@code group-name}, {@code stream-name},
 * {@code deep-link}.
 *
 * <p>Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class EventLogs implements WithEventLogs {

  /** {@code group-name}: the CloudWatch Logs group. */
  public abstract Optional<String> groupName();

  /** {@code stream-name}: the CloudWatch Logs stream. */
  public abstract Optional<String> streamName();

  /** {@code deep-link}: the console's page of the log stream. */
  public abstract Optional<String> deepLink();

  /** Members this version does not model, by name, each as its JSON text. */
  public abstract Map<String, String> otherMembers();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EventLogs}. */
  public static final class Builder extends ImmutableEventLogs.Builder {
  }
}
