package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.DemoBuildBatches;
import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.domain.lifecycle.BatchRun;
import io.buildstop.domain.model.StatusType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.BuildGroup;

/**
 * {@code buildstop serve --demo-builds} holds the demo batches beside the demo builds, as the in-memory default
 * does: the AWS SDK lists and reads them over HTTP, and {@code stop-batch --endpoint-url} stops one.
 */
@DisplayName("buildstop serve --demo-builds: the demo batches")
class ServeDemoBatchesTest {
  private static final List<String> DEMO_BATCHES =
      List.of(DemoBuildBatches.RUNNING, DemoBuildBatches.SUPERSEDED, DemoBuildBatches.SUCCEEDED);

  @Test
  void theSdkListsAndReadsTheDemoBatchesAsTheInMemoryDefaultHoldsThemAndStopBatchStopsOne() throws Exception {
    try (InProcessServe serve = new InProcessServe("serve", "--demo-builds");
        CodeBuildClient sdk = LocalCodeBuild.sdk(serve.endpoint())) {
      String url = serve.endpoint();

      List<String> listed = sdk.listBuildBatches(request -> { }).ids();
      Map<String, String> read = states(sdk.batchGetBuildBatches(request -> request.ids(DEMO_BATCHES))
          .buildBatches());
      Cli.Result stopped = Cli.run(LocalCodeBuild.REAL_TIME, "stop-batch", "--endpoint-url", url,
          "--id", DemoBuildBatches.RUNNING);
      BuildBatch afterTheStop = sdk.batchGetBuildBatches(request -> request.ids(DemoBuildBatches.RUNNING))
          .buildBatches().get(0);

      assertThat(listed).containsExactlyInAnyOrderElementsOf(DEMO_BATCHES);
      assertThat(read).isEqualTo(inMemoryDefault()).containsEntry(DemoBuildBatches.RUNNING,
          "IN_PROGRESS in IN_PROGRESS; build IN_PROGRESS, test never started");
      assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
      assertThat(StopBatchCommandTest.printed(stopped).buildBatchStatus()).contains(StatusType.STOPPED);
      assertThat(state(afterTheStop)).isEqualTo("STOPPED in STOPPED; build STOPPED, test never started");
      assertThat(serve.stop()).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void withLifecycleARunningDemoBatchRunsItsMembersAndSucceeds() throws Exception {
    try (InProcessServe serve = new InProcessServe("serve", "--demo-builds", "--lifecycle", "20ms");
        CodeBuildClient sdk = LocalCodeBuild.sdk(serve.endpoint())) {
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      BuildBatch batch = demoBatch(sdk, DemoBuildBatches.RUNNING);
      while (!Boolean.TRUE.equals(batch.complete()) && System.nanoTime() < deadline) {
        Thread.sleep(20);
        batch = demoBatch(sdk, DemoBuildBatches.RUNNING);
      }

      assertThat(state(batch)).isEqualTo("SUCCEEDED in SUCCEEDED; build SUCCEEDED, test SUCCEEDED");
      assertThat(serve.stop()).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void boundsThatCannotHoldTheDemoBatchesAreAUsageError() {
    Cli.Result tooFewBatches = Cli.run("serve", "--demo-builds", "--max-build-batches", "1");
    Cli.Result tooFewBuilds = Cli.run("serve", "--demo-builds", "--max-builds", "5");

    for (Cli.Result result : List.of(tooFewBatches, tooFewBuilds)) {
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err()).as(result.toString()).startsWith("buildstop: --demo-builds: the demo builds and "
          + "batches do not fit in --max-builds or --max-build-batches: ").doesNotContain("Exception:");
    }
  }

  private static BuildBatch demoBatch(CodeBuildClient sdk, String id) {
    return sdk.batchGetBuildBatches(request -> request.ids(id)).buildBatches().get(0);
  }

  // the demo batches as the in-memory default seeds them, in the form state(...) gives
  private static Map<String, String> inMemoryDefault() {
    return DemoBuildBatches.all(Instant.now()).stream().map(BatchRun::batch).collect(Collectors.toMap(
        batch -> batch.id().orElseThrow(),
        batch -> batch.buildBatchStatusAsString().orElseThrow() + " in " + batch.currentPhaseAsString().orElseThrow()
            + "; " + batch.buildGroups().stream().map(group -> group.identifier().orElseThrow() + " "
            + group.currentBuildSummary().flatMap(summary -> summary.buildStatusAsString()).orElse("never started"))
            .collect(Collectors.joining(", "))));
  }

  private static Map<String, String> states(List<BuildBatch> batches) {
    return batches.stream().collect(Collectors.toMap(BuildBatch::id, ServeDemoBatchesTest::state));
  }

  // status, phase and each member's status: what a batch is, whatever its instants
  private static String state(BuildBatch batch) {
    return batch.buildBatchStatusAsString() + " in " + batch.currentPhase() + "; " + batch.buildGroups().stream()
        .map(ServeDemoBatchesTest::memberState).collect(Collectors.joining(", "));
  }

  private static String memberState(BuildGroup group) {
    return group.identifier() + " " + (group.currentBuildSummary() == null ? "never started"
        : Objects.requireNonNull(group.currentBuildSummary().buildStatusAsString()));
  }
}
