package io.buildstop.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BatchDeletion;
import io.buildstop.domain.lifecycle.BatchInvariants;
import io.buildstop.domain.lifecycle.BatchPolicy;
import io.buildstop.domain.lifecycle.BatchRun;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.testkit.generators.BatchGenerators;
import io.buildstop.testkit.generators.BuildGenerators;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RetryBuildBatch and DeleteBuildBatch through the in-memory CodeBuild on generated batches in every state: a retry
 * gives one new attempt per member it runs again and keeps every invariant, a refused retry changes nothing, and a
 * deletion removes exactly the batch and its finished builds.
 */
@DisplayName("RetryBuildBatch and DeleteBuildBatch on generated batches, through the in-memory CodeBuild")
class InMemoryBuildBatchRetryAndDeletePropertiesTest {

  @Test
  void aRetryGivesOneNewAttemptPerRetriedMemberAndKeepsTheInvariants() {
    Property.tries(200).forAll(BatchGenerators.finishedBatchRuns(), BatchGenerators.retryTypes(),
        BuildGenerators.gapsInMillis(), (run, type, gap) -> {
          InMemoryCodeBuild codeBuild = seeded(run, BatchGenerators.lastInstant(run).plusMillis(gap));
          BuildId id = BuildId.parse(run.batch().id().orElseThrow()).get();
          Set<String> chosen = BatchPolicy.membersToRetry(run, type);

          Either<StopFailure, BuildBatch> retried = codeBuild.retryBuildBatch(id.value(), Optional.of(type));

          BatchRun after = codeBuild.buildBatchRun(id).orElseThrow();
          if (!BatchPolicy.isRetryable(run.batch())) {
            assertThat(retried.getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
            assertThat(after).isEqualTo(run);
            return;
          }
          assertThat(retried).isEqualTo(Either.right(after.batch()));
          int newAttempts = 0;
          for (BuildGroup group : after.batch().buildGroups()) {
            String identifier = group.identifier().orElseThrow();
            int added = group.priorBuildSummaryList().size()
                - run.group(identifier).orElseThrow().priorBuildSummaryList().size();
            assertThat(added).isEqualTo(chosen.contains(identifier) ? 1 : 0);
            newAttempts += added;
            if (chosen.contains(identifier)) {
              Build next = after.member(identifier).orElseThrow();
              assertThat(codeBuild.build(BuildId.parse(next.id().orElseThrow()).get())).isEmpty();
            }
          }
          assertThat(newAttempts).isEqualTo(chosen.size());
          assertThat(BatchInvariants.violations(after)).as("%s", run).isEmpty();
        });
  }

  @Test
  void aDeletionRemovesExactlyTheBatchAndItsFinishedBuilds() {
    Property.tries(200).forAll(BatchGenerators.batchRuns(), BuildGenerators.gapsInMillis(), (run, gap) -> {
      InMemoryCodeBuild codeBuild = seeded(run, BatchGenerators.lastInstant(run).plusMillis(gap));
      BuildId id = BuildId.parse(run.batch().id().orElseThrow()).get();
      Set<Build> before = new HashSet<>(codeBuild.builds());

      BatchDeletion deletion = codeBuild.deleteBuildBatch(id.value()).get();

      assertThat(deletion).isEqualTo(BatchDeletion.of(run));
      assertThat(codeBuild.buildBatchRun(id)).isEmpty();
      Set<Build> expected = new HashSet<>();
      for (Build build : before) {
        boolean member = run.members().values().stream().anyMatch(m -> m.id().equals(build.id()));
        if (!member || StopRules.isStoppable(build)) {
          expected.add(build);
        }
      }
      assertThat(new HashSet<>(codeBuild.builds())).isEqualTo(expected);
    });
  }

  private static InMemoryCodeBuild seeded(BatchRun run, Instant at) {
    InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(Clock.fixed(at, ZoneOffset.UTC)).build();
    assertThat(codeBuild.putBuildBatch(run).isRight()).as("seeding %s", run).isTrue();
    return codeBuild;
  }
}
