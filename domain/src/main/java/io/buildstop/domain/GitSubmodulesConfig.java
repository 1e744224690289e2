package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about the Git submodules configuration for an CodeBuild build project.
 *
 * <p>Mirrors CodeBuild's {@code GitSubmodulesConfig} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class GitSubmodulesConfig implements WithGitSubmodulesConfig {

  /** Set to true to fetch Git submodules for your CodeBuild build project. Empty when CodeBuild did not send it. */
  public abstract Optional<Boolean> fetchSubmodules();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GitSubmodulesConfig}. */
  public static final class Builder extends ImmutableGitSubmodulesConfig.Builder {
  }
}
