package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BuildStopper;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryCodeBuild;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A caller that gives up (an interrupt) still gets a full report, and stays interrupted. */
class InterruptedWorkflowTest {

  @Test
  void anInterruptedRunReportsEveryBuildAndLeavesTheThreadInterrupted() throws InterruptedException {
    InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
    for (int i = 0; i < 5; i++) {
      codeBuild.startBuild(Build.builder().projectName("interrupted").sourceVersion("main").build()).get();
    }
    CountDownLatch released = new CountDownLatch(1);
    // every stop hangs until the test ends: the caller can only give up on them
    BuildStopper hanging = id -> {
      try {
        released.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return codeBuild.stopBuild(id);
    };
    Thread.currentThread().interrupt();

    StopReport report = StopSuperseded.of(hanging, codeBuild).project("interrupted").sourceVersion("main")
        .concurrency(2).run().get();
    released.countDown();

    assertThat(Thread.interrupted()).as("still interrupted (and cleared here)").isTrue();
    assertThat(report.lines()).hasSize(4);
    assertThat(report.lines()).allSatisfy(line -> assertThat(line.outcome()).isInstanceOfAny(
        Outcome.Stopped.class, Outcome.Failed.class));
    assertThat(report.failures()).isNotEmpty().allSatisfy(line -> assertThat(
        ((Outcome.Failed<?>) line.outcome()).failure().code()).isEqualTo(StopFailure.Code.UNAVAILABLE));
  }
}
