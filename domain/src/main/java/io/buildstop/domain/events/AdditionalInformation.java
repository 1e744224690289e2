package io.buildstop.domain.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code additional-information} of a build event: the build as it stands after the change, in the event's own
 * names ({@code artifact}, {@code environment}, {@code timeout-in-minutes}, {@code build-complete}, {@code
 * initiator}, {@code build-start-time}, {@code source}, {@code source-version}, {@code logs}, {@code phases}).
 *
 * <p>Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class AdditionalInformation implements WithAdditionalInformation {

  /** {@code artifact}: where the build's output went. */
  public abstract Optional<EventArtifact> artifact();

  /** {@code environment}: the image and compute the build runs on. */
  public abstract Optional<EventEnvironment> environment();

  /** {@code timeout-in-minutes}. */
  public abstract Optional<Integer> timeoutInMinutes();

  /** {@code build-complete}. */
  public abstract Optional<Boolean> buildComplete();

  /** {@code initiator}: who or what started the build. */
  public abstract Optional<String> initiator();

  /** {@code build-start-time}, in whole seconds ({@code "Sep 1, 2017 4:12:29 PM"} on the wire, UTC). */
  public abstract Optional<Instant> buildStartTime();

  /** {@code source}: where the build's input came from. */
  public abstract Optional<EventSource> source();

  /** {@code source-version}. */
  public abstract Optional<String> sourceVersion();

  /** {@code logs}: the build's CloudWatch Logs group, stream and console link. */
  public abstract Optional<EventLogs> logs();

  /** {@code phases}, in order; the last of a complete build is a bare COMPLETED entry. */
  public abstract List<EventPhase> phases();

  /** Whether the event carried {@code phases}, even as an empty list. */
  @Value.Default
  public boolean hasPhases() {
    return !phases().isEmpty();
  }

  /** Members of {@code additional-information} this version does not model, by name, each as its JSON text. */
  public abstract Map<String, String> otherMembers();

  // A list that holds elements was sent, whatever the flag says: keeps with*-copies consistent.
  @Value.Check
  AdditionalInformation normalizePresence() {
    if (!hasPhases() && !phases().isEmpty()) {
      return builder().from(this).hasPhases(true).build();
    }
    return this;
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AdditionalInformation}. */
  public static final class Builder extends ImmutableAdditionalInformation.Builder {
  }
}
