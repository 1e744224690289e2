package io.buildstop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BatchGetBuildBatchesResult;
import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of the batch read port, {@link BuildBatchReader}: every backend reads the same batches the same way,
 * as {@link BuildReaderContract} for builds. Subclass it with a {@link BuildBatchFixture}, as {@link
 * BuildBatchStopperContract}:
 *
 * <pre>{@code
 * class MyBackendBatchReaderContractTest extends BuildBatchReaderContract {
 *   @Override
 *   protected BuildBatchFixture fixture() {
 *     return new MyBackendFixture();
 *   }
 * }
 * }</pre>
 *
 * <p>The fixture may serve many tests and hold other batches: each test reads the batches of fresh projects, and
 * in the listing of every batch looks for its own only.
 */
public abstract class BuildBatchReaderContract {
  // no backend serves fewer than CodeBuild's 100 ids a page: this many pages hold every batch a test class seeds
  private static final int MAX_PAGES = 100;

  /** The backend under test, with its seeding hooks. */
  protected abstract BuildBatchFixture fixture();

  private BuildBatchFixture fixture;

  /** The fixture of the running test, made on first use. */
  protected final BuildBatchFixture theFixture() {
    if (fixture == null) {
      fixture = fixture();
    }
    return fixture;
  }

  private BuildBatchReader reader() {
    return theFixture().batchReader();
  }

  private static BuildId idOf(BuildBatch batch) {
    return BuildId.parse(batch.id().orElseThrow()).get();
  }

  // every page of a listing, from the first, as long as the backend hands out a next token
  private static List<BuildId> everyPage(Function<Optional<String>, Either<StopFailure, BuildIdPage>> listing) {
    List<BuildId> listed = new ArrayList<>();
    Optional<String> token = Optional.empty();
    int pages = 0;
    do {
      Either<StopFailure, BuildIdPage> page = listing.apply(token);
      assertThat(page.isRight()).as("page %s: %s", pages + 1, page).isTrue();
      listed.addAll(page.get().ids());
      token = page.get().nextToken();
      pages++;
    } while (token.isPresent() && pages < MAX_PAGES);
    assertThat(token).as("a listing that ends within %s pages", MAX_PAGES).isEmpty();
    return listed;
  }

  @Nested
  @DisplayName("BatchGetBuildBatches answers the batches asked for, in order, and the ids not found")
  class BatchGetBuildBatches {
    @Test
    void batchGetBuildBatchesAnswersTheBatchesAsStoredInTheOrderAskedAndTheIdsNotFound() {
      BuildBatch running = theFixture().runningBatch(BuildStopperContract.freshProject());
      BuildBatch failed = theFixture().finishedBatch(BuildStopperContract.freshProject(), StatusType.FAILED);
      String unknown = theFixture().unknownBatchId();

      Either<StopFailure, BatchGetBuildBatchesResult> result = reader().batchGetBuildBatches(
          List.of(failed.id().orElseThrow(), unknown, running.id().orElseThrow()));

      assertThat(result.isRight()).as("%s", result).isTrue();
      assertThat(result.get().buildBatches()).containsExactly(failed, running);
      assertThat(result.get().buildBatchesNotFound()).containsExactly(unknown);
    }

    @Test
    void batchGetBuildBatchesSeesAStopOnceItHappened() {
      BuildBatch running = theFixture().runningBatch(BuildStopperContract.freshProject());
      BuildBatch stopped = theFixture().batchStopper().stopBuildBatch(running.id().orElseThrow()).get();

      assertThat(reader().batchGetBuildBatches(List.of(running.id().orElseThrow())).get().buildBatches())
          .containsExactly(stopped);
    }

    @Test
    void batchGetBuildBatchesAnswersADuplicateIdOnceAndAcceptsBuildBatchArns() {
      BuildBatch running = theFixture().runningBatch(BuildStopperContract.freshProject());
      String id = running.id().orElseThrow();

      Either<StopFailure, BatchGetBuildBatchesResult> result =
          reader().batchGetBuildBatches(List.of(id, running.arn().orElseThrow(), id));

      assertThat(result.isRight()).as("%s", result).isTrue();
      assertThat(result.get().buildBatches()).containsExactly(running);
      assertThat(result.get().buildBatchesNotFound()).isEmpty();
    }

    @Test
    void anIdNotFoundIsAnsweredAsTheCallerSpeltIt() {
      String unknown = theFixture().unknownBatchId();
      String unknownArn = "arn:aws:codebuild:us-east-1:123456789012:build-batch/" + theFixture().unknownBatchId();

      Either<StopFailure, BatchGetBuildBatchesResult> result =
          reader().batchGetBuildBatches(List.of(unknownArn, unknown));

      assertThat(result.isRight()).as("%s", result).isTrue();
      assertThat(result.get().buildBatches()).isEmpty();
      assertThat(result.get().buildBatchesNotFound()).containsExactly(unknownArn, unknown);
    }

    @Test
    void aMalformedIdOrABuildArnIsInvalidInput() {
      BuildBatch running = theFixture().runningBatch(BuildStopperContract.freshProject());
      String buildArn = "arn:aws:codebuild:us-east-1:123456789012:build/" + running.id().orElseThrow();

      Either<StopFailure, BatchGetBuildBatchesResult> malformed =
          reader().batchGetBuildBatches(List.of(running.id().orElseThrow(), "no colon here"));
      Either<StopFailure, BatchGetBuildBatchesResult> ofABuild = reader().batchGetBuildBatches(List.of(buildArn));

      assertThat(malformed.isLeft()).as("%s", malformed).isTrue();
      assertThat(malformed.getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
      assertThat(ofABuild.isLeft()).as("%s", ofABuild).isTrue();
      assertThat(ofABuild.getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
    }

    @Test
    void noIdsAndTooManyIdsAreInvalidInput() {
      List<String> tooMany = IntStream.rangeClosed(0, BuildBatchReader.MAX_BATCH_GET_IDS)
          .mapToObj(i -> theFixture().unknownBatchId())
          .toList();

      assertThat(reader().batchGetBuildBatches(List.of()).getLeft().code())
          .isEqualTo(StopFailure.Code.INVALID_INPUT);
      assertThat(reader().batchGetBuildBatches(tooMany).getLeft().code())
          .isEqualTo(StopFailure.Code.INVALID_INPUT);
    }
  }

  @Nested
  @DisplayName("ListBuildBatchesForProject lists a project's batches, newest first, page by page")
  class ListBuildBatchesForProject {
    @Test
    void onlyThisProjectsBatchesAreListedNewestFirst() {
      String project = BuildStopperContract.freshProject();
      BuildBatch older = theFixture().finishedBatch(project, StatusType.SUCCEEDED);
      BuildBatch newer = theFixture().runningBatch(project);
      theFixture().runningBatch(BuildStopperContract.freshProject());

      Either<StopFailure, BuildIdPage> page = reader().listBuildBatchesForProject(project, Optional.empty());

      assertThat(page.isRight()).as("%s", page).isTrue();
      assertThat(page.get().ids()).containsExactly(idOf(newer), idOf(older));
      assertThat(page.get().nextToken()).isEmpty();
    }

    @Test
    void thePagesHoldEveryBatchExactlyOnce() {
      String project = BuildStopperContract.freshProject();
      List<BuildId> seeded = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        seeded.add(idOf(theFixture().runningBatch(project)));
      }

      Either<StopFailure, BuildIdPage> first = reader().listBuildBatchesForProject(project, Optional.empty());
      List<BuildId> listed = everyPage(token -> reader().listBuildBatchesForProject(project, token));

      Collections.reverse(seeded);
      assertThat(first.get().nextToken()).as("120 batches take more than one page").isPresent();
      assertThat(listed).containsExactlyElementsOf(seeded);
    }

    @Test
    void aMalformedProjectNameIsInvalidInput() {
      Either<StopFailure, BuildIdPage> page = reader().listBuildBatchesForProject("not a project", Optional.empty());

      assertThat(page.isLeft()).as("%s", page).isTrue();
      assertThat(page.getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
    }

    @Test
    void aTokenTheBackendDidNotIssueIsInvalidInput() {
      String project = BuildStopperContract.freshProject();
      theFixture().runningBatch(project);

      Either<StopFailure, BuildIdPage> page =
          reader().listBuildBatchesForProject(project, Optional.of("not-a-token-of-this-backend"));

      assertThat(page.isLeft()).as("%s", page).isTrue();
      assertThat(page.getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
    }
  }

  @Nested
  @DisplayName("ListBuildBatches lists every batch, newest first, page by page")
  class ListBuildBatches {
    @Test
    void everyBatchIsListedOnceNewestFirst() {
      // one project: batches started in the same millisecond are told apart by their batch number
      String project = BuildStopperContract.freshProject();
      BuildBatch older = theFixture().finishedBatch(project, StatusType.FAILED);
      BuildBatch newer = theFixture().runningBatch(project);

      List<BuildId> listed = everyPage(token -> reader().listBuildBatches(token));

      assertThat(listed).doesNotHaveDuplicates();
      assertThat(listed).containsSubsequence(idOf(newer), idOf(older));
    }

    @Test
    void aTokenTheBackendDidNotIssueIsInvalidInput() {
      theFixture().runningBatch(BuildStopperContract.freshProject());

      Either<StopFailure, BuildIdPage> page = reader().listBuildBatches(Optional.of("not-a-token-of-this-backend"));

      assertThat(page.isLeft()).as("%s", page).isTrue();
      assertThat(page.getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
    }
  }
}
