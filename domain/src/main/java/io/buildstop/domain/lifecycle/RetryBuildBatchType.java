package io.buildstop.domain.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/**
 * RetryBuildBatch's {@code retryType}: which member builds a retry runs again ({@link BatchPolicy#membersToRetry}).
 * The service model's two values; a request without one gets {@link BatchPolicy#DEFAULT_RETRY_TYPE}.
 */
public enum RetryBuildBatchType {
  /** Every member that ran runs again. */
  RETRY_ALL_BUILDS,
  /** The members that did not succeed run again, and the members that depend on them. */
  RETRY_FAILED_BUILDS;

  /** The value CodeBuild sends for this type. */
  public String wireValue() {
    return name();
  }

  /** The type named {@code value} exactly as CodeBuild spells it; empty for any other text, null included. */
  public static Optional<RetryBuildBatchType> fromWireValue(String value) {
    return Arrays.stream(values()).filter(type -> type.name().equals(value)).findFirst();
  }
}
