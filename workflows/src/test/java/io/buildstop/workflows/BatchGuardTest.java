package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BuildBatchIds;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import org.junit.jupiter.api.Test;

/** Stop-on-cancellation for a batch build: a guard of {@link StopOnCancellation#ofBatches}. */
class BatchGuardTest {
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
  private final BuildBatch running = StopBatchAndWaitTest.runningBatch(codeBuild, "guarded");
  private final BuildId id = BuildBatchIds.parse(running.id().orElseThrow()).get();

  private BuildBatch now() {
    return codeBuild.buildBatch(id).orElseThrow();
  }

  @Test
  void closingStopsTheRunningBatchAndItsRunningMember() {
    BuildGuard guard = StopOnCancellation.ofBatches(codeBuild, codeBuild).guard(id);

    guard.close();

    assertThat(now().buildBatchStatus()).contains(StatusType.STOPPED);
    assertThat(codeBuild.runningBuilds()).isEmpty();
    assertThat(guard.outcome()).contains(new Outcome.Stopped<>(now()));
  }

  @Test
  void aCompleteBatchIsLeftAloneAndADisarmedGuardDoesNothing() {
    BuildBatch stopped = codeBuild.stopBuildBatch(id.value()).get();
    BuildGuard afterCompletion = StopOnCancellation.ofBatches(codeBuild, codeBuild).guard(id);
    BuildBatch other = StopBatchAndWaitTest.runningBatch(codeBuild, "guarded");
    BuildGuard disarmed = StopOnCancellation.ofBatches(codeBuild, codeBuild)
        .guard(BuildBatchIds.parse(other.id().orElseThrow()).get());

    afterCompletion.close();
    disarmed.disarm();
    disarmed.close();

    assertThat(afterCompletion.outcome()).contains(new Outcome.AlreadyComplete<>(stopped));
    assertThat(disarmed.outcome()).isEmpty();
    assertThat(codeBuild.buildBatch(BuildBatchIds.parse(other.id().orElseThrow()).get())).contains(other);
  }

  @Test
  void aDryRunGuardReportsWhatItWouldStopAndAnUnknownBatchIsNotFound() {
    BuildGuard dryRun = StopOnCancellation.ofBatches(codeBuild, codeBuild).dryRun(true).guard(id);
    BuildId unknown = BuildBatchIds.parse("guarded:00000000-0000-0000-0000-000000000000").get();
    BuildGuard missing = StopOnCancellation.ofBatches(codeBuild, codeBuild).guard(unknown);

    dryRun.close();
    missing.close();

    assertThat(dryRun.outcome()).contains(new Outcome.WouldStop<>(running));
    assertThat(now()).isEqualTo(running);
    assertThat(missing.outcome()).contains(new Outcome.NotFound<>("Build batch " + unknown.value() + " not found"));
  }
}
