package io.buildstop.cli.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.workflows.StopAndWait;
import io.buildstop.workflows.StopAndWaitFailure;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code buildstop stop --id ID [--wait [--timeout DURATION]]}: CodeBuild's StopBuild, printed as {@code aws codebuild
 * stop-build} prints it; with {@code --wait}, then polls the build ({@link StopAndWait}) until it is complete and
 * prints it as it settled.
 */
@Command(name = "stop",
    sortOptions = false,
    descriptionHeading = "%n",
    optionListHeading = "%nOptions:%n",
    description = {
        "Stop a build, as `aws codebuild stop-build` does; with --wait, until it is complete.",
        "",
        "Stops the build and prints the build after the stop exactly as `aws codebuild stop-build --id ID` "
            + "prints it. A running build, in any phase, comes back STOPPED and complete, in phase COMPLETED. "
            + "A build that is already complete comes back unchanged, which is not an error: stopping twice is "
            + "safe.",
        "",
        "CodeBuild may accept a stop and finish it a little later: the answer still shows the build running, "
            + "exit 0, and buildstop says so on stderr with the command that waits for it. With "
            + "--wait, buildstop then reads the build (BatchGetBuilds) with backoff until it is complete, and prints "
            + "it as it settled, in the same form. If it is still running at the --timeout, buildstop prints the "
            + "last build it read and exits 8. With --dry-run, buildstop reads the build, prints it as it is and "
            + "stops nothing.",
        "",
        "Errors go to stderr as the AWS CLI words them, and the exit code tells them apart (below)."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  buildstop stop --id my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE",
        "  buildstop stop --wait --timeout 2m --id my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE",
        "  buildstop stop --endpoint-url http://127.0.0.1:4566 \\",
        "      --id my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE",
        "  buildstop stop --backend aws --region us-west-2 --id my-project:0b5e4c1d-...",
    })
public final class StopCommand implements Callable<Integer> {
  private final Context context;

  @Spec
  CommandSpec spec;

  @Option(names = "--id", required = true, paramLabel = "ID",
      description = "The build to stop: <project-name>:<build-uuid>, or its build ARN.")
  String id;

  @Option(names = "--wait",
      description = "After the stop, poll the build until it is complete, then print it (at most --timeout).")
  boolean await;

  @Option(names = "--dry-run",
      description = "Read the build (BatchGetBuilds) and print it as it is, saying on stderr whether a stop would "
          + "stop it; stop nothing.")
  boolean dryRun;

  @Mixin
  WaitOptions waitOptions;

  @Mixin
  BackendOptions backendOptions;

  @Mixin
  OutputOptions output;

  @Mixin
  HelpOption help;

  /** A command that reads its environment from {@code context}. */
  public StopCommand(Context context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws Exception {
    Optional<WaitOptions.Wait> wait = waitOptions.wait(await, context.clock());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (wait.isPresent() && !dryRun) {
      try (Backend backend = backendOptions.open(context, Optional.of(wait.get().deadline()),
          BackendOptions.Retries.BY_THE_SDK)) {
        return stopAndWait(backend, wait.get(), out, err);
      }
    }
    try (Backend backend = backendOptions.open(context)) {
      return dryRun ? dryRun(backend, out, err) : stop(backend, out, err);
    }
  }

  private int stop(Backend backend, PrintWriter out, PrintWriter err) {
    Either<StopFailure, Build> result = backend.stopper().stopBuild(id);
    if (result.isLeft()) {
      err.print(AwsCliErrors.describe(TrackedPorts.STOP_BUILD, result.getLeft(), backend.endpoint()));
      err.flush();
      return ExitCodes.of(result.getLeft().code());
    }
    Build stopped = result.get();
    out.print(AwsCliJson.stopBuildOutput(stopped));
    out.flush();
    if (!BuildLifecycle.isComplete(stopped)) {
      // accepted, finishing later (spec §4.9): still exit 0, as the AWS CLI; stdout stays what it prints
      err.println("buildstop: " + stopped.id().orElse(id) + " is still " + state(stopped)
          + ": the stop was accepted, but the build has not completed yet. To wait until it has: "
          + WaitCommandLine.of(spec.commandLine().getParseResult(), id));
      err.flush();
    }
    return ExitCodes.OK;
  }

  private static String state(Build build) {
    return build.buildStatusAsString().orElse("running") + " in phase "
        + build.currentPhaseAsString().orElse("unknown");
  }

  // what a stop would do, from one read: a running build would be stopped, a complete one returned unchanged
  private int dryRun(Backend backend, PrintWriter out, PrintWriter err) {
    Either<StopFailure, Build> read = backend.reader().batchGetBuilds(List.of(id)).flatMap(result ->
        result.builds().isEmpty()
            ? BuildId.parse(id).flatMap(valid -> Either.left(StopFailure.resourceNotFound(valid)))
            : Either.right(result.builds().get(0)));
    if (read.isLeft()) {
      err.print(AwsCliErrors.describe(TrackedPorts.BATCH_GET_BUILDS, read.getLeft(), backend.endpoint()));
      err.flush();
      return ExitCodes.of(read.getLeft().code());
    }
    Build build = read.get();
    out.print(AwsCliJson.stopBuildOutput(build));
    out.flush();
    String state = build.buildStatusAsString().orElse("of unknown status") + " in phase "
        + build.currentPhaseAsString().orElse("unknown");
    err.println("buildstop: dry run: " + build.id().orElse(id) + " is " + state + (StopRules.isStoppable(build)
        ? ": a stop would stop it. Nothing was stopped."
        : ": it is complete, and a stop would return it unchanged. Nothing was stopped."));
    err.flush();
    return ExitCodes.OK;
  }

  private int stopAndWait(Backend backend, WaitOptions.Wait wait, PrintWriter out, PrintWriter err) {
    TrackedPorts ports = new TrackedPorts(backend);
    Either<StopAndWaitFailure<Build>, Build> result = StopAndWait.with(ports.stopper(), ports.reader())
        .timeout(wait.left(context.clock()))
        .clock(context.clock())
        .run(id);
    if (result.isRight()) {
      out.print(AwsCliJson.stopBuildOutput(result.get()));
      out.flush();
      return ExitCodes.OK;
    }
    if (result.getLeft() instanceof StopAndWaitFailure.StillRunningAtDeadline<Build> still) {
      Build lastSeen = still.lastSeen();
      out.print(AwsCliJson.stopBuildOutput(lastSeen));
      out.flush();
      err.println("buildstop: " + lastSeen.id().orElse(id) + " is still " + state(lastSeen) + " after "
          + Durations.format(wait.length()) + ": the stop was accepted, but the build has not completed yet. Waiting "
          + "again is safe: " + WaitCommandLine.of(spec.commandLine().getParseResult(), id));
      err.flush();
      return ExitCodes.STILL_RUNNING;
    }
    StopFailure failure = ((StopAndWaitFailure.Failed<Build>) result.getLeft()).failure();
    String operation = ports.operationThatFailedWith(failure).orElse(TrackedPorts.STOP_BUILD);
    err.print(AwsCliErrors.describe(operation, failure, backend.endpoint()));
    err.flush();
    return ExitCodes.of(failure.code());
  }
}
