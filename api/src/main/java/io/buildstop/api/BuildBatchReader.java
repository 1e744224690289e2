package io.buildstop.api;

import io.buildstop.domain.StopFailure;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * Reads batch builds, in CodeBuild's words: {@code BatchGetBuildBatches}, {@code ListBuildBatches} and {@code
 * ListBuildBatchesForProject}; the port next to {@link BuildBatchStopper}, as {@link BuildReader} is next to {@link
 * BuildStopper}. The member builds of a batch are builds: {@link BuildReader} reads them.
 *
 * <p>Failures are {@link StopFailure} values; nothing throws. Thread-safe; nothing is null.
 */
public interface BuildBatchReader {

  /** The most ids one {@link #batchGetBuildBatches(List)} call takes, as CodeBuild. */
  int MAX_BATCH_GET_IDS = 100;

  /**
   * The batches with these ids (or build batch ARNs), in the order asked, and the ids that name no batch.
   *
   * @param ids 1 to {@link #MAX_BATCH_GET_IDS} ids; duplicates are answered once
   * @return the batches found and the ids not found; {@link StopFailure.InvalidInput} if the list is empty, too long
   *     or holds an id that cannot be a batch id ({@link BuildBatchIds}; nothing is read then); never null, never
   *     throws
   */
  Either<StopFailure, BatchGetBuildBatchesResult> batchGetBuildBatches(List<String> ids);

  /**
   * One page of the ids of every batch, newest first (by start time, then batch number), in the paging of the build
   * listings: at most 100 ids and an opaque token for the next page.
   *
   * @param nextToken empty for the first page, else the token the previous page returned
   * @return the page (its ids are batch ids); {@link StopFailure.InvalidInput} for a token this backend did not
   *     issue; never null, never throws
   */
  Either<StopFailure, BuildIdPage> listBuildBatches(Optional<String> nextToken);

  /**
   * One page of the ids of a project's batches, newest first, as {@link #listBuildBatches(Optional)}.
   *
   * @param projectName the project
   * @param nextToken empty for the first page, else the token the previous page returned
   * @return the page; {@link StopFailure.InvalidInput} for a malformed project name or a token this backend did not
   *     issue; {@link StopFailure.ResourceNotFound} where the backend knows projects and has no such one; never null,
   *     never throws
   */
  Either<StopFailure, BuildIdPage> listBuildBatchesForProject(String projectName, Optional<String> nextToken);
}
