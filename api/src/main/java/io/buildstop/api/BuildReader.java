package io.buildstop.api;

import io.buildstop.domain.StopFailure;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * Reads builds, in CodeBuild's words: {@code BatchGetBuilds} and {@code ListBuildsForProject}. The port next to
 * {@link BuildStopper}, since stopping needs seeing: what is still running, and whether a stop has settled.
 *
 * <p>Failures are the same family as the stopper's ({@link StopFailure}: invalid input, not found, throttled, access
 * denied, unavailable), returned as values; nothing throws. Thread-safe; nothing is null.
 */
public interface BuildReader {

  /** The most ids one {@link #batchGetBuilds(List)} call takes, as CodeBuild. */
  int MAX_BATCH_GET_IDS = 100;

  /**
   * The builds with these ids (or build ARNs), in the order asked, and the ids that name no build.
   *
   * @param ids 1 to {@link #MAX_BATCH_GET_IDS} ids; duplicates are answered once
   * @return the builds found and the ids not found; {@link StopFailure.InvalidInput} if the list is empty, too long
   *     or holds an id that cannot be a build id (nothing is read then); never null, never throws
   */
  Either<StopFailure, BatchGetBuildsResult> batchGetBuilds(List<String> ids);

  /**
   * One page of the ids of a project's builds, newest first (by start time, then build number).
   *
   * @param projectName the project
   * @param nextToken empty for the first page, else the token the previous page returned
   * @return the page; {@link StopFailure.InvalidInput} for a malformed project name or a token this backend did not
   *     issue; {@link StopFailure.ResourceNotFound} where the backend knows projects and has no such one; never null,
   *     never throws
   */
  Either<StopFailure, BuildIdPage> listBuildsForProject(String projectName, Optional<String> nextToken);
}
