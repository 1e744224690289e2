package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.memory.StopCall;
import io.buildstop.workflows.contract.FakeTime;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Throttling injected with the in-memory backend's own hook, mid-workflow: the report is still full. */
class InMemoryThrottlingTest {
  private static final StopFailure THROTTLED = new StopFailure.Throttled("Rate exceeded");

  private final FakeTime time = new FakeTime(Instant.parse("2026-03-01T12:00:00Z"));
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
  private final List<Build> superseded = new ArrayList<>();

  InMemoryThrottlingTest() {
    for (int i = 0; i < 6; i++) {
      superseded.add(codeBuild.startBuild(Build.builder().projectName("throttled").sourceVersion("main").build())
          .get());
    }
    codeBuild.startBuild(Build.builder().projectName("throttled").sourceVersion("main").build()).get();
  }

  @Test
  void throttlingFromTheSecondStopOnIsRetriedAndEveryBuildIsStopped() {
    AtomicInteger calls = new AtomicInteger();
    // the backend's failure injection armed from inside the workflow, as its second stop goes out
    BuildStopper armsThrottlingMidWorkflow = id -> {
      if (calls.incrementAndGet() == 2) {
        codeBuild.failNextCalls(4, THROTTLED);
      }
      return codeBuild.stopBuild(id);
    };

    StopReport report = workflow(armsThrottlingMidWorkflow).concurrency(2).maxAttempts(6).run().get();

    assertThat(report.lines()).hasSize(6);
    assertThat(report.count(Outcome.Code.STOPPED)).isEqualTo(6);
    superseded.forEach(build -> assertThat(stored(build).buildStatus()).contains(StatusType.STOPPED));
    assertThat(codeBuild.stopCalls()).hasSize(10);
    assertThat(codeBuild.stopCalls()).filteredOn(call -> call.result().isLeft()).hasSize(4);
    assertThat(time.sleeps()).as("one backoff per throttled call").hasSize(4);
  }

  @Test
  void moreThrottlingThanRetriesFailsThoseLinesAndStopsTheOthers() {
    codeBuild.failNextCalls(4, THROTTLED);

    StopReport report = workflow(codeBuild).concurrency(1).maxAttempts(3).run().get();

    assertThat(report.lines()).hasSize(6);
    assertThat(report.lines().get(0).outcome()).isEqualTo(new Outcome.Failed<>(THROTTLED));
    assertThat(report.lines().subList(1, 6)).allSatisfy(line ->
        assertThat(line.outcome().code()).isEqualTo(Outcome.Code.STOPPED));
    assertThat(report.failures()).hasSize(1);
    assertThat(stored(superseded.get(5)).buildStatus()).as("the newest superseded, stopped first")
        .contains(StatusType.IN_PROGRESS);
    List<Either<StopFailure, Build>> results = codeBuild.stopCalls().stream().map(StopCall::result).toList();
    assertThat(results).hasSize(3 + 1 + 5);
  }

  private StopSuperseded workflow(BuildStopper stopper) {
    return StopSuperseded.of(stopper, codeBuild).project("throttled").sourceVersion("main").sleeper(time)
        .backoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0.5));
  }

  private Build stored(Build build) {
    return codeBuild.build(BuildId.parse(build.id().orElseThrow()).get()).orElseThrow();
  }
}
