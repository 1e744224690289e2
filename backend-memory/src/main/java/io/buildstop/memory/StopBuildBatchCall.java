package io.buildstop.memory;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.BuildBatch;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Objects;

/**
 * One StopBuildBatch call the in-memory backend answered, for tests that check what their code asked for, as {@link
 * StopCall} is one StopBuild call.
 *
 * @param requestedId the id or ARN exactly as the caller passed it ({@code "null"} for a null id)
 * @param at the backend clock's instant when the call arrived
 * @param result what the caller got back
 */
public record StopBuildBatchCall(String requestedId, Instant at, Either<StopFailure, BuildBatch> result) {
  /** Rejects nulls. */
  public StopBuildBatchCall {
    Objects.requireNonNull(requestedId, "requestedId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(result, "result");
  }
}
