package io.buildstop.domain.lifecycle;

import static io.buildstop.domain.lifecycle.BatchScenarios.graph;
import static io.buildstop.domain.lifecycle.BatchScenarios.inProgress;
import static io.buildstop.domain.lifecycle.BatchScenarios.later;
import static io.buildstop.domain.lifecycle.BatchScenarios.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.StatusType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** buildstop's policy where AWS is silent about batches (docs/batch-rules.md). */
@DisplayName("BatchPolicy")
class BatchPolicyTest {
  private static final BuildGroup FAILURE_COUNTS = BuildGroup.builder().identifier("a").ignoreFailure(false).build();
  private static final BuildGroup FAILURE_IGNORED = BuildGroup.builder().identifier("a").ignoreFailure(true).build();
  private static final BuildGroup UNSAID = BuildGroup.builder().identifier("a").build();

  private static Build running() {
    return inProgress(graph(task("a"))).member("a").orElseThrow();
  }

  @ParameterizedTest(name = "a member that ends {0}: fails the batch {1}, lets dependants start {2}; ignored: {3}, {4}")
  @CsvSource({
      "SUCCEEDED, false, true, false, true",
      "FAILED, true, false, false, true",
      "FAULT, true, false, false, true",
      "TIMED_OUT, true, false, false, true",
      "STOPPED, true, false, false, true"})
  void aFinishedMemberCountsByItsStatusAndItsGroup(StatusType status, boolean fails, boolean satisfies,
      boolean failsIgnored, boolean satisfiesIgnored) {
    Build member = BuildLifecycle.complete(running(), status, later(3));

    assertThat(BatchPolicy.failsTheBatch(FAILURE_COUNTS, member)).isEqualTo(fails);
    assertThat(BatchPolicy.satisfiesDependants(FAILURE_COUNTS, member)).isEqualTo(satisfies);
    assertThat(BatchPolicy.failsTheBatch(UNSAID, member)).isEqualTo(fails);
    assertThat(BatchPolicy.failsTheBatch(FAILURE_IGNORED, member)).isEqualTo(failsIgnored);
    assertThat(BatchPolicy.satisfiesDependants(FAILURE_IGNORED, member)).isEqualTo(satisfiesIgnored);
  }

  @Test
  void aRunningOrUnstartedMemberNeitherFailsTheBatchNorLetsDependantsStart() {
    for (Build member : new Build[] {running(), Build.builder().build()}) {
      assertThat(BatchPolicy.failsTheBatch(FAILURE_COUNTS, member)).isFalse();
      assertThat(BatchPolicy.satisfiesDependants(FAILURE_IGNORED, member)).isFalse();
    }
  }

  @Test
  void aBatchStopStopsARunningMemberByTheBuildStopRulesAndLeavesTheOthers() {
    Build finished = BuildLifecycle.complete(running(), StatusType.SUCCEEDED, later(3));
    Build unstarted = Build.builder().id("p:x").build();

    assertThat(BatchPolicy.stopWithBatch(running(), later(4))).isEqualTo(StopRules.stop(running(), later(4)));
    assertThat(BatchPolicy.stopWithBatch(running(), later(4)).buildStatus()).contains(StatusType.STOPPED);
    assertThat(BatchPolicy.stopWithBatch(finished, later(4))).isSameAs(finished);
    assertThat(BatchPolicy.stopWithBatch(unstarted, later(4))).isSameAs(unstarted);
  }
}
