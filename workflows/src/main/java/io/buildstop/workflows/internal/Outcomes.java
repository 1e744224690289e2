package io.buildstop.workflows.internal;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.StatusType;
import io.buildstop.workflows.Outcome;
import io.vavr.control.Either;
import java.util.Optional;

/** What a stop's answer means for a report line. */
public final class Outcomes {
  private Outcomes() {}

  /**
   * The outcome of a stop of a build (or batch) that was read as running: STOPPED, or still IN_PROGRESS while the
   * stop finalises (spec §4.9), is {@link Outcome.Stopped}; any other final status means it completed on its own
   * first and the stop returned it unchanged (spec §4.3, §4.5), {@link Outcome.AlreadyComplete}.
   */
  public static <T> Outcome<T> ofStop(StopPorts<T> ports, Either<StopFailure, T> result) {
    if (result.isLeft()) {
      return ofFailure(result.getLeft());
    }
    T after = result.get();
    Optional<StatusType> status = ports.status(after);
    boolean stopAccepted = status.equals(Optional.of(StatusType.STOPPED))
        || status.equals(Optional.of(StatusType.IN_PROGRESS));
    return stopAccepted ? new Outcome.Stopped<>(after) : new Outcome.AlreadyComplete<>(after);
  }

  /** A failure after the retries: not found is its own outcome, anything else {@link Outcome.Failed}. */
  public static <T> Outcome<T> ofFailure(StopFailure failure) {
    return failure.code() == StopFailure.Code.RESOURCE_NOT_FOUND
        ? new Outcome.NotFound<>(failure.message())
        : new Outcome.Failed<>(failure);
  }
}
