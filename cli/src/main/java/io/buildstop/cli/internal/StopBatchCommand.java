package io.buildstop.cli.internal;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BatchLifecycle;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.workflows.StopAndWait;
import io.buildstop.workflows.StopAndWaitFailure;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code buildstop stop-batch --id ID [--wait [--timeout DURATION]]}: CodeBuild's StopBuildBatch, printed as {@code
 * aws codebuild stop-build-batch} prints it; with {@code --wait}, then polls the batch ({@link
 * StopAndWait#withBatches}) until it is complete and prints it as it settled. Exit codes and errors as {@code stop}'s.
 */
@Command(name = "stop-batch",
    sortOptions = false,
    descriptionHeading = "%n",
    optionListHeading = "%nOptions:%n",
    description = {
        "Stop a batch build, as `aws codebuild stop-build-batch` does; with --wait, until it is complete.",
        "",
        "Stops the batch and prints the batch after the stop exactly as `aws codebuild stop-build-batch --id ID` "
            + "prints it. A running batch comes back STOPPED and complete, in phase STOPPED; its running member "
            + "builds are stopped with it, at the same instant, and its members that had not started never start. "
            + "A batch that has already finished comes back unchanged with its final status, which is not an "
            + "error: stopping twice is safe.",
        "",
        "If the answer still shows the batch running, buildstop says so on stderr with the command that waits for "
            + "it (exit 0). With --wait, buildstop then reads the batch (BatchGetBuildBatches) with backoff until it "
            + "is complete, and prints it as it settled, in the same form; if it is still running at the --timeout, "
            + "buildstop prints the last batch it read and exits 8.",
        "",
        "Errors go to stderr as the AWS CLI words them, and the exit code tells them apart (below): 3 for an id "
            + "that cannot be a batch id, 4 for a batch that does not exist. The in-memory backend (the default) "
            + "holds three demo batches of " + DemoBuildBatches.PROJECT + ": two running, one SUCCEEDED; so does "
            + "`buildstop serve --demo-builds`."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  buildstop stop-batch --id my-demo-batch-project:7a8b9c0d-1234-56ab-cdef-77777EXAMPLE",
        "  buildstop stop-batch --wait --timeout 2m \\",
        "      --id my-demo-batch-project:7a8b9c0d-1234-56ab-cdef-77777EXAMPLE",
        "  buildstop stop-batch --endpoint-url http://127.0.0.1:4566 --id my-project:0b5e4c1d-...",
    })
public final class StopBatchCommand implements Callable<Integer> {
  static final String NAME = "stop-batch";

  private final Context context;

  @Spec
  CommandSpec spec;

  @Option(names = "--id", required = true, paramLabel = "ID",
      description = "The batch to stop: <project-name>:<batch-uuid>, or its build batch ARN.")
  String id;

  @Option(names = "--wait",
      description = "After the stop, poll the batch until it is complete, then print it (at most --timeout).")
  boolean await;

  @Mixin
  WaitOptions waitOptions;

  @Mixin
  BackendOptions backendOptions;

  @Mixin
  OutputOptions output;

  @Mixin
  HelpOption help;

  /** A command that reads its environment from {@code context}. */
  public StopBatchCommand(Context context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws Exception {
    Optional<WaitOptions.Wait> wait = waitOptions.wait(await, context.clock());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (wait.isPresent()) {
      try (Backend backend = backendOptions.open(context, Optional.of(wait.get().deadline()),
          BackendOptions.Retries.BY_THE_SDK)) {
        return stopAndWait(new TrackedPorts(backend), backend.endpoint(), wait.get(), out, err);
      }
    }
    try (Backend backend = backendOptions.open(context)) {
      return stop(backend, out, err);
    }
  }

  private int stop(Backend backend, PrintWriter out, PrintWriter err) {
    Either<StopFailure, BuildBatch> result = backend.batches().stopper().stopBuildBatch(id);
    if (result.isLeft()) {
      err.print(AwsCliErrors.describe(TrackedPorts.STOP_BUILD_BATCH, result.getLeft(), backend.endpoint()));
      err.flush();
      return ExitCodes.of(result.getLeft().code());
    }
    BuildBatch stopped = result.get();
    out.print(AwsCliJson.stopBuildBatchOutput(stopped));
    out.flush();
    if (!BatchLifecycle.isComplete(stopped)) {
      // accepted, finishing later: still exit 0, as the AWS CLI; stdout stays what it prints
      err.println("buildstop: " + stopped.id().orElse(id) + " is still " + state(stopped)
          + ": the stop was accepted, but the batch has not completed yet. To wait until it has: "
          + WaitCommandLine.of(NAME, spec.commandLine().getParseResult(), id));
      err.flush();
    }
    return ExitCodes.OK;
  }

  private int stopAndWait(TrackedPorts ports, Optional<String> endpoint, WaitOptions.Wait wait, PrintWriter out,
      PrintWriter err) {
    BatchPorts batches = ports.batches();
    Either<StopAndWaitFailure<BuildBatch>, BuildBatch> result =
        StopAndWait.withBatches(batches.stopper(), batches.reader())
            .timeout(wait.left(context.clock()))
            .clock(context.clock())
            .run(id);
    if (result.isRight()) {
      out.print(AwsCliJson.stopBuildBatchOutput(result.get()));
      out.flush();
      return ExitCodes.OK;
    }
    if (result.getLeft() instanceof StopAndWaitFailure.StillRunningAtDeadline<BuildBatch> still) {
      BuildBatch lastSeen = still.lastSeen();
      out.print(AwsCliJson.stopBuildBatchOutput(lastSeen));
      out.flush();
      err.println("buildstop: " + lastSeen.id().orElse(id) + " is still " + state(lastSeen) + " after "
          + Durations.format(wait.length()) + ": the stop was accepted, but the batch has not completed yet. Waiting "
          + "again is safe: " + WaitCommandLine.of(NAME, spec.commandLine().getParseResult(), id));
      err.flush();
      return ExitCodes.STILL_RUNNING;
    }
    StopFailure failure = ((StopAndWaitFailure.Failed<BuildBatch>) result.getLeft()).failure();
    String operation = ports.operationThatFailedWith(failure).orElse(TrackedPorts.STOP_BUILD_BATCH);
    err.print(AwsCliErrors.describe(operation, failure, endpoint));
    err.flush();
    return ExitCodes.of(failure.code());
  }

  private static String state(BuildBatch batch) {
    return batch.buildBatchStatusAsString().orElse("running") + " in phase "
        + batch.currentPhaseAsString().orElse("unknown");
  }
}
