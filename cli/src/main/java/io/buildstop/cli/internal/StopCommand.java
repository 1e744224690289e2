package io.buildstop.cli.internal;

import io.buildstop.domain.Build;
import io.buildstop.domain.StopFailure;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code buildstop stop --id ID}: CodeBuild's StopBuild, printed as {@code aws codebuild stop-build} prints it.
 * Later options ({@code --wait}, {@code --timeout}) extend this command; later commands ({@code stop-superseded},
 * {@code stop-runaway}) reuse its {@link BackendOptions}, {@link OutputOptions} and {@link AwsCliErrors}.
 */
@Command(name = "stop",
    sortOptions = false,
    descriptionHeading = "%n",
    optionListHeading = "%nOptions:%n",
    description = {
        "Stop a build, as `aws codebuild stop-build` does.",
        "",
        "Stops the build and prints the build after the stop exactly as `aws codebuild stop-build --id ID` "
            + "prints it. A running build, in any phase, comes back STOPPED and complete, in phase COMPLETED. "
            + "A build that is already complete comes back unchanged, which is not an error: stopping twice is "
            + "safe.",
        "",
        "Errors go to stderr as the AWS CLI words them, and the exit code tells them apart (below)."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  buildstop stop --id my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE",
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
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Backend backend = backendOptions.open(context)) {
      Either<StopFailure, Build> result = backend.stopper().stopBuild(id);
      if (result.isLeft()) {
        err.print(AwsCliErrors.describe("StopBuild", result.getLeft(), backend.endpoint()));
        err.flush();
        return ExitCodes.of(result.getLeft().code());
      }
      out.print(AwsCliJson.stopBuildOutput(result.get()));
      out.flush();
      return ExitCodes.OK;
    }
  }
}
