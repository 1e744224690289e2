package io.buildstop.aws.internal;

import io.buildstop.domain.StopFailure;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

/**
 * An instant every call must end by: each call's API call timeout is the time left, when that is shorter than the
 * client's own. A call with no time left is not sent.
 *
 * @param deadline when the calls must have ended
 * @param clock what tells the time left
 * @param clientTimeout the client's own API call timeout, if it has one
 */
public record CallDeadline(Instant deadline, Clock clock, Optional<Duration> clientTimeout) {
  /** Rejects nulls. */
  public CallDeadline {
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(clientTimeout, "clientTimeout");
  }

  /**
   * The override that bounds the next call by the time left (nothing to override when the client's own timeout is
   * shorter); or, with no time left or a clock that fails, why the call is not sent.
   */
  public Either<StopFailure, Consumer<AwsRequestOverrideConfiguration.Builder>> nextCall() {
    Duration left;
    try {
      left = Duration.between(clock.instant(), deadline);
    } catch (RuntimeException e) {
      // a clock that throws, or a deadline beyond what a Duration holds: the time left is unknown
      return Either.left(StopFailure.unavailable("the time left for the call is unknown: " + e, e));
    }
    if (left.toMillis() <= 0) {
      return Either.left(StopFailure.unavailable("no time left for the call: its deadline, " + deadline
          + ", has passed; it was not sent"));
    }
    if (clientTimeout.isPresent() && clientTimeout.get().compareTo(left) <= 0) {
      return Either.right(override -> { });
    }
    Duration bound = Duration.ofMillis(left.toMillis());
    return Either.right(override -> override.apiCallTimeout(bound));
  }
}
