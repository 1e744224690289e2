package io.buildstop.memory;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Objects;

/**
 * One StopBuild call the in-memory backend answered, for tests that check what their code asked for.
 *
 * @param requestedId the id exactly as the caller passed it ({@code "null"} for a null id)
 * @param at the backend clock's instant when the call arrived
 * @param result what the caller got back
 */
public record StopCall(String requestedId, Instant at, Either<StopFailure, Build> result) {
  /** Rejects nulls. */
  public StopCall {
    Objects.requireNonNull(requestedId, "requestedId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(result, "result");
  }
}
