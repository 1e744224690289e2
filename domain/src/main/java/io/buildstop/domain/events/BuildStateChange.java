package io.buildstop.domain.events;

import org.immutables.value.Value;

/**
 * A "CodeBuild Build State Change" event: the envelope of {@link BuildEvent} around a {@link BuildStateChangeDetail}.
 * CodeBuild sends one when a build starts ({@code IN_PROGRESS}) and one when it ends with its final status.
 *
 * <p>Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract non-sealed class BuildStateChange implements BuildEvent, WithBuildStateChange {

  @Override
  @Value.Default
  public String version() {
    return ENVELOPE_VERSION;
  }

  @Override
  public final String detailType() {
    return STATE_CHANGE;
  }

  @Override
  @Value.Default
  public String source() {
    return CODEBUILD;
  }

  /** The event's {@code detail}. */
  public abstract BuildStateChangeDetail detail();

  /** A new builder; {@code id}, {@code account}, {@code time}, {@code region} and {@code detail} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BuildStateChange}. */
  public static final class Builder extends ImmutableBuildStateChange.Builder {
  }
}
