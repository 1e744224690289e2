package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.lifecycle.BatchScenarios.graph;
import static io.buildstop.domain.lifecycle.BatchScenarios.inProgress;
import static io.buildstop.domain.lifecycle.BatchScenarios.later;
import static io.buildstop.domain.lifecycle.BatchScenarios.started;
import static io.buildstop.domain.lifecycle.BatchScenarios.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** DeleteBuildBatch, example by example (docs/batch-rules.md §5b, buildstop's policy rule 5). */
@DisplayName("BatchDeletion")
class BatchDeletionTest {
  private static final BatchRun RUNNING = inProgress(graph(task("a"), task("b"), task("c", "a")));

  @Test
  void aFinishedBatchIsDeletedWithEveryMemberThatRan() {
    BatchRun stopped = BatchStopRules.stop(
        BatchLifecycle.completeMember(RUNNING, "a", StatusType.FAILED, later(4)), later(5));

    BatchDeletion deletion = BatchDeletion.of(stopped);

    assertThat(deletion.statusCode()).isEqualTo("BATCH_DELETED");
    // c never ran: it is no build
    assertThat(deletion.buildsDeleted()).containsExactly(arn(stopped, "a"), arn(stopped, "b"));
    assertThat(deletion.buildsNotDeleted()).isEmpty();
  }

  @Test
  void aRunningMemberIsNotDeletedAndSaysItIsInProgress() {
    BatchRun oneDone = BatchLifecycle.completeMember(RUNNING, "a", StatusType.SUCCEEDED, later(4));

    BatchDeletion deletion = BatchDeletion.of(oneDone);

    assertThat(deletion.buildsDeleted()).containsExactly(arn(oneDone, "a"));
    assertThat(deletion.buildsNotDeleted()).containsExactlyInAnyOrder(
        new BatchDeletion.BuildNotDeleted(arn(oneDone, "b"), "BUILD_IN_PROGRESS"),
        new BatchDeletion.BuildNotDeleted(arn(oneDone, "c"), "BUILD_IN_PROGRESS"));
  }

  @Test
  void aBatchWhoseMembersNeverStartedDeletesNoBuild() {
    BatchDeletion deletion = BatchDeletion.of(started(graph(task("a"))));

    assertThat(deletion.buildsDeleted()).isEmpty();
    assertThat(deletion.buildsNotDeleted()).isEmpty();
  }

  @Test
  void theBuildsOfPriorAttemptsAreDeletedToo() {
    BatchRun failed = BatchLifecycle.completeMember(inProgress(graph(task("a"))), "a", StatusType.FAILED, later(4));
    BatchRun retried = BatchRetryRules.retry(failed, RetryBuildBatchType.RETRY_ALL_BUILDS,
        member -> member.withId("my-project:a2").withArn(member.arn().orElseThrow() + "2"), later(5)).get();
    BatchRun again = BatchLifecycle.completeMember(BatchLifecycle.advance(BatchLifecycle.advance(retried, later(6)),
        later(7)), "a", StatusType.SUCCEEDED, later(9));

    BatchDeletion deletion = BatchDeletion.of(again);

    assertThat(deletion.buildsDeleted()).containsExactly(arn(failed, "a"), arn(again, "a"));
  }

  private static String arn(BatchRun run, String identifier) {
    return run.member(identifier).flatMap(Build::arn).orElseThrow();
  }
}
