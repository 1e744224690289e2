package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Contains information about an exported environment variable. Exported environment variables are used in conjunction with CodePipeline to export environment variables from the current build stage to subsequent stages in the pipeline.
 *
 * <p>Mirrors CodeBuild's {@code ExportedEnvironmentVariable} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class ExportedEnvironmentVariable implements WithExportedEnvironmentVariable {

  /** The name of the exported environment variable. Empty when CodeBuild did not send it. */
  public abstract Optional<String> name();

  /** The value assigned to the exported environment variable. Empty when CodeBuild did not send it. */
  public abstract Optional<String> value();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ExportedEnvironmentVariable}. */
  public static final class Builder extends ImmutableExportedEnvironmentVariable.Builder {
  }
}
