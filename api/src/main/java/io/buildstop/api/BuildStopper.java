package io.buildstop.api;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.vavr.control.Either;

/**
 * Stops CodeBuild builds: CodeBuild's {@code StopBuild} as a port, whatever stands behind it (AWS, a local
 * endpoint, the in-memory fake).
 *
 * <p>Every call returns a value and never throws. The result is right-biased:
 * <ul>
 *   <li>{@code Right(build)}: the build after the call. A running build comes back STOPPED, complete, in phase
 *       COMPLETED (spec §4.2); a build that was already complete comes back unchanged with its final status, which
 *       is not an error (§4.3), so stopping twice is safe (§4.4). Concurrent stops of one build see one transition
 *       and the same resulting build (§4.5).
 *   <li>{@code Left(}{@link StopFailure.InvalidInput}{@code )}: the id cannot be a build id (§4.7); nothing was
 *       sent anywhere and nothing changed.
 *   <li>{@code Left(}{@link StopFailure.ResourceNotFound}{@code )}: no build has this id (§4.6); nothing changed.
 *   <li>{@code Left(}{@link StopFailure.Throttled}{@code )}: the backend refused the call for its rate, after its
 *       retries.
 *   <li>{@code Left(}{@link StopFailure.AccessDenied}{@code )}: the caller's credentials may not stop the build.
 *   <li>{@code Left(}{@link StopFailure.Unavailable}{@code )}: no answer could be had or read; whether the build
 *       stopped is unknown, and retrying is safe.
 * </ul>
 *
 * <p>Implementations are thread-safe. Neither argument nor result is ever null.
 */
public interface BuildStopper {

  /**
   * Stops the build with this id, given as CodeBuild takes it: {@code <project-name>:<build-uuid>}, or a build ARN,
   * which is normalised to the id it holds (spec §4.8, a buildstop extension).
   *
   * @param id the build id or build ARN; null, empty or malformed input gives {@link StopFailure.InvalidInput}
   * @return the build after the stop, or why there is none; never null, never throws
   */
  default Either<StopFailure, Build> stopBuild(String id) {
    return BuildId.parse(id).flatMap(this::stopBuild);
  }

  /**
   * Stops the build with this already-validated id.
   *
   * @param id the build id; not null
   * @return the build after the stop, or why there is none (never {@link StopFailure.InvalidInput} for the id's
   *     form, which is already valid); never null, never throws
   */
  Either<StopFailure, Build> stopBuild(BuildId id);
}
