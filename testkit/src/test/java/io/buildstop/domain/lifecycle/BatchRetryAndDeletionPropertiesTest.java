package io.buildstop.domain.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.BuildSummary;
import io.buildstop.testkit.generators.BatchGenerators;
import io.buildstop.testkit.generators.BatchHistory;
import io.buildstop.testkit.generators.BuildGenerators;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * RetryBuildBatch and DeleteBuildBatch (docs/batch-rules.md §5a, §5b, buildstop's policy rules 3 to 5) as properties
 * over generated batches in every state: a retry gives exactly one new attempt per member it runs again and leaves a
 * real batch that lives on by the lifecycle; a batch that cannot be retried is refused; a deletion names exactly the
 * builds the batch ran, the running ones as not deleted.
 */
@DisplayName("RetryBuildBatch and DeleteBuildBatch rules on generated batches")
class BatchRetryAndDeletionPropertiesTest {

  @Nested
  @DisplayName("RetryBuildBatch")
  class Retry {
    @Test
    void aRetryOfAFinishedBatchGivesExactlyOneNewAttemptPerRetriedMember() {
      Property.tries(300).forAll(BatchGenerators.finishedBatchRuns(), BatchGenerators.retryTypes(),
          BuildGenerators.gapsInMillis(), (run, type, gap) -> {
            Property.assume(BatchPolicy.isRetryable(run.batch()));
            Set<String> chosen = BatchPolicy.membersToRetry(run, type);

            BatchRun retried = retry(run, type, BatchGenerators.lastInstant(run).plusMillis(gap)).get();

            int newAttempts = 0;
            for (BuildGroup before : run.batch().buildGroups()) {
              String identifier = before.identifier().orElseThrow();
              BuildGroup after = retried.group(identifier).orElseThrow();
              if (chosen.contains(identifier)) {
                List<BuildSummary> expected = new ArrayList<>(before.priorBuildSummaryList());
                expected.add(before.currentBuildSummary().orElseThrow());
                assertThat(after.priorBuildSummaryList()).isEqualTo(expected);
                assertThat(retried.isStarted(identifier)).isFalse();
                assertThat(retried.member(identifier).flatMap(Build::id))
                    .isNotEqualTo(run.member(identifier).flatMap(Build::id));
                newAttempts += after.priorBuildSummaryList().size() - before.priorBuildSummaryList().size();
              } else {
                assertThat(after).isEqualTo(before);
                assertThat(retried.member(identifier)).isEqualTo(run.member(identifier));
              }
            }
            assertThat(newAttempts).isEqualTo(chosen.size());
            assertThat(retried.batch().id()).isEqualTo(run.batch().id());
            assertThat(retried.batch().buildBatchNumber()).isEqualTo(run.batch().buildBatchNumber());
            assertThat(BatchStopRules.isStoppable(retried.batch())).isTrue();
            assertThat(BatchInvariants.violations(retried)).as("%s", run).isEmpty();
          });
    }

    @Test
    void retryFailedBuildsRunsAgainEveryMemberThatDidNotSucceedAndNoneThatDidWithoutCause() {
      Property.tries(300).forAll(BatchGenerators.finishedBatchRuns(), run -> {
        Set<String> chosen = BatchPolicy.membersToRetry(run, RetryBuildBatchType.RETRY_FAILED_BUILDS);
        for (BuildGroup group : run.batch().buildGroups()) {
          String identifier = group.identifier().orElseThrow();
          boolean ran = run.isStarted(identifier);
          boolean succeeded = run.member(identifier).flatMap(Build::buildStatusAsString).equals(Optional.of("SUCCEEDED"));
          boolean afterARetried = group.dependsOn().stream().anyMatch(chosen::contains);
          assertThat(chosen.contains(identifier)).as("%s in %s", identifier, run)
              .isEqualTo(ran && (!succeeded || afterARetried));
        }
      });
    }

    @Test
    void aRetriedBatchLivesOnAsARealBatch() {
      Property.tries(200).forAll(BatchGenerators.finishedBatchRuns(), BatchGenerators.retryTypes(),
          Gens.lists(BatchGenerators.steps(), 0, 30), (run, type, steps) -> {
            Property.assume(BatchPolicy.isRetryable(run.batch()));
            Instant at = BatchGenerators.lastInstant(run);
            BatchHistory again = new BatchHistory(retry(run, type, at).get(), at, steps);

            for (BatchHistory.State state : again.states()) {
              assertThat(BatchInvariants.violations(state.run())).as("%s", again).isEmpty();
            }
          });
    }

    @Test
    void aBatchThatCannotBeRetriedIsRefused() {
      Property.tries(300).forAll(BatchGenerators.batchRuns(), BatchGenerators.retryTypes(), (run, type) -> {
        Property.assume(!BatchPolicy.isRetryable(run.batch()));

        Either<StopFailure, BatchRun> refused = retry(run, type, BatchGenerators.lastInstant(run));

        assertThat(refused.getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
      });
    }
  }

  @Nested
  @DisplayName("DeleteBuildBatch")
  class Delete {
    @Test
    void aDeletionNamesExactlyTheBuildsTheBatchRanTheRunningOnesAsNotDeleted() {
      Property.tries(300).forAll(BatchGenerators.histories(40), BatchGenerators.retryTypes(),
          Gens.lists(BatchGenerators.steps(), 0, 20), (history, type, steps) -> {
            BatchRun run = history.last().run();
            // now and then a batch with prior attempts
            if (BatchPolicy.isRetryable(run.batch())) {
              run = new BatchHistory(retry(run, type, history.last().at()).get(), history.last().at(), steps)
                  .last().run();
            }

            BatchDeletion deletion = BatchDeletion.of(run);

            Set<String> ran = new HashSet<>();
            Set<String> running = new HashSet<>();
            for (BuildGroup group : run.batch().buildGroups()) {
              group.priorBuildSummaryList().forEach(summary -> ran.add(summary.arn().orElseThrow()));
            }
            for (Build member : run.members().values()) {
              if (member.buildStatusAsString().isPresent()) {
                ran.add(member.arn().orElseThrow());
                if (StopRules.isStoppable(member)) {
                  running.add(member.arn().orElseThrow());
                }
              }
            }
            Set<String> notDeleted = new HashSet<>();
            deletion.buildsNotDeleted().forEach(build -> {
              assertThat(build.statusCode()).isEqualTo("BUILD_IN_PROGRESS");
              notDeleted.add(build.id());
            });
            assertThat(notDeleted).isEqualTo(running);
            Set<String> deleted = new HashSet<>(deletion.buildsDeleted());
            assertThat(deleted).hasSize(deletion.buildsDeleted().size());
            ran.removeAll(running);
            assertThat(deleted).isEqualTo(ran);
            assertThat(deletion.statusCode()).isEqualTo("BATCH_DELETED");
          });
    }
  }

  private static Either<StopFailure, BatchRun> retry(BatchRun run, RetryBuildBatchType type, Instant at) {
    return BatchRetryRules.retry(run, type, BatchGenerators::nextAttempt, at);
  }
}
