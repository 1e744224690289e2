package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A source identifier and its corresponding version.
 *
 * <p>Mirrors CodeBuild's {@code ProjectSourceVersion} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class ProjectSourceVersion implements WithProjectSourceVersion {

  /** An identifier for a source in the build project. Empty when CodeBuild did not send it. */
  public abstract Optional<String> sourceIdentifier();

  /** The source version for the corresponding source identifier. Empty when CodeBuild did not send it. */
  public abstract Optional<String> sourceVersion();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProjectSourceVersion}. */
  public static final class Builder extends ImmutableProjectSourceVersion.Builder {
  }
}
