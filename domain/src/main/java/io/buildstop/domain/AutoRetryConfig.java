package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about the auto-retry configuration for the build.
 *
 * <p>Mirrors CodeBuild's {@code AutoRetryConfig} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class AutoRetryConfig implements WithAutoRetryConfig {

  /** The maximum number of additional automatic retries after a failed build. Empty when CodeBuild did not send it. */
  public abstract Optional<Integer> autoRetryLimit();

  /** The number of times that the build has been retried. Empty when CodeBuild did not send it. */
  public abstract Optional<Integer> autoRetryNumber();

  /** The build ARN of the auto-retried build triggered by the current build. Empty when CodeBuild did not send it. */
  public abstract Optional<String> nextAutoRetry();

  /** The build ARN of the build that triggered the current auto-retry build. Empty when CodeBuild did not send it. */
  public abstract Optional<String> previousAutoRetry();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link AutoRetryConfig}. */
  public static final class Builder extends ImmutableAutoRetryConfig.Builder {
  }
}
