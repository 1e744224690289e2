package io.buildstop.api;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.BuildBatch;
import io.vavr.control.Either;

/**
 * Stops CodeBuild batch builds: CodeBuild's {@code StopBuildBatch} as a port, beside {@link BuildStopper}.
 *
 * <p>Every call returns a value and never throws. The result is right-biased (docs/batch-rules.md):
 * <ul>
 *   <li>{@code Right(batch)}: the batch after the call. A running batch comes back STOPPED and complete, its running
 *       phase closed STOPPED and a bare STOPPED phase after it; its running member builds stopped by the build stop
 *       rules (spec §4.2) at the same instant; members that had not started never start (buildstop's policy, {@code
 *       BatchPolicy}). A batch that had already finished comes back unchanged with its final status, which is not
 *       an error, so stopping twice is safe. Concurrent stops of one batch, and StopBuild of its members, see one
 *       terminal transition for the batch and for each member.
 *   <li>{@code Left(}{@link StopFailure.InvalidInput}{@code )}: the id cannot be a batch id ({@link BuildBatchIds});
 *       nothing changed.
 *   <li>{@code Left(}{@link StopFailure.ResourceNotFound}{@code )}: no batch has this id; nothing changed.
 *   <li>{@code Left(}{@link StopFailure.Throttled}{@code )}, {@link StopFailure.AccessDenied}, {@link
 *       StopFailure.Unavailable}: as for {@link BuildStopper}.
 * </ul>
 *
 * <p>Implementations are thread-safe. Neither argument nor result is ever null.
 */
public interface BuildBatchStopper {

  /**
   * Stops the batch with this id, {@code <project-name>:<uuid>}, or a build batch ARN, normalised to its id.
   *
   * @param id the batch id or ARN; null, empty or malformed input gives {@link StopFailure.InvalidInput}
   * @return the batch after the stop, or why there is none; never null, never throws
   */
  Either<StopFailure, BuildBatch> stopBuildBatch(String id);
}
