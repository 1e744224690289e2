package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Contains information that defines how the CodeBuild build project reports the build status to the source provider.
 *
 * <p>Mirrors CodeBuild's {@code BuildStatusConfig} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class BuildStatusConfig implements WithBuildStatusConfig {

  /** Specifies the context of the build status CodeBuild sends to the source provider. Empty when CodeBuild did not send it. */
  public abstract Optional<String> context();

  /** Specifies the target url of the build status CodeBuild sends to the source provider. Empty when CodeBuild did not send it. */
  public abstract Optional<String> targetUrl();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BuildStatusConfig}. */
  public static final class Builder extends ImmutableBuildStatusConfig.Builder {
  }
}
