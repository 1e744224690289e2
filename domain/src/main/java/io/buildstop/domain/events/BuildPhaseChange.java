package io.buildstop.domain.events;

import org.immutables.value.Value;

/**
 * A "CodeBuild Build Phase Change" event: the envelope of {@link BuildEvent} around a {@link BuildPhaseChangeDetail}.
 * CodeBuild sends one each time a phase of a build completes, whatever its status.
 *
 * <p>Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract non-sealed class BuildPhaseChange implements BuildEvent, WithBuildPhaseChange {

  @Override
  @Value.Default
  public String version() {
    return ENVELOPE_VERSION;
  }

  @Override
  public final String detailType() {
    return PHASE_CHANGE;
  }

  @Override
  @Value.Default
  public String source() {
    return CODEBUILD;
  }

  /** The event's {@code detail}. */
  public abstract BuildPhaseChangeDetail detail();

  /** A new builder; {@code id}, {@code account}, {@code time}, {@code region} and {@code detail} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BuildPhaseChange}. */
  public static final class Builder extends ImmutableBuildPhaseChange.Builder {
  }
}
