package io.buildstop.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.junit5.samples.ParallelRendezvous;
import io.buildstop.junit5.samples.ParallelSampleA;
import io.buildstop.junit5.samples.ParallelSampleB;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With JUnit's parallel execution on, test classes run at the same time, each with its own CodeBuild. */
class ParallelClassesTest {

  @Test
  void twoClassesRunAtTheSameTimeOnTwoEndpointsAndSeeOnlyTheirOwnBuilds() {
    ParallelRendezvous.reset();

    Samples.run(Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "same_thread",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"),
        ParallelSampleA.class, ParallelSampleB.class)
        // each waits for the other at a barrier: run one after the other, the first would time out and fail
        .assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(ParallelRendezvous.ENDPOINTS).containsOnlyKeys("A", "B");
    assertThat(ParallelRendezvous.ENDPOINTS.get("A")).isNotEqualTo(ParallelRendezvous.ENDPOINTS.get("B"));
  }

  @Test
  void runOneAfterTheOtherTheRendezvousFails() {
    // the control: the barrier really does fail when the classes do not overlap
    ParallelRendezvous.reset();
    System.setProperty("buildstop.rendezvous.timeout", "1");
    try {
      Samples.run(ParallelSampleA.class).assertStatistics(stats -> stats.started(1).failed(1));
    } finally {
      System.clearProperty("buildstop.rendezvous.timeout");
    }
  }
}
