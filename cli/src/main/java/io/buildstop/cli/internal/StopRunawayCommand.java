package io.buildstop.cli.internal;

import io.buildstop.workflows.StopRunaway;
import java.time.Duration;
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
 * {@code buildstop stop-runaway --project P [--project Q ...] --older-than DURATION}: {@link StopRunaway}, its report
 * printed by {@link StopReports}.
 */
@Command(name = "stop-runaway",
    sortOptions = false,
    descriptionHeading = "%n",
    optionListHeading = "%nOptions:%n",
    description = {
        "Stop the builds that have run too long.",
        "",
        "Reads the builds of every project given (ListBuildsForProject, BatchGetBuilds), all of them before any "
            + "stop, so a failed read stops nothing; then stops every build still in progress that started more "
            + "than --older-than ago.",
        "",
        "Prints the same JSON report as stop-superseded, and exits the same way: 0 when no stop failed; else the "
            + "exit code of the first failed stop (5 throttled, 6 access denied, 7 unavailable); a failed read "
            + "before any stop prints no report, the AWS CLI's error, and its exit code."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  buildstop stop-runaway --project my-demo-project --project my-other-project \\",
        "      --older-than 2h --dry-run",
        "  buildstop stop-runaway --endpoint-url http://127.0.0.1:4566 --project api --older-than 90m"})
public final class StopRunawayCommand implements Callable<Integer> {
  static final String NAME = "stop-runaway";

  private final Context context;

  @Spec
  CommandSpec spec;

  @Option(names = "--project", required = true, paramLabel = "PROJECT",
      description = "A CodeBuild project whose builds to check; repeat it for more.")
  List<String> projects;

  @Option(names = "--older-than", required = true, paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Stop the running builds that started longer ago than this: 90m, 2h, 30s, 500ms or PT2H.")
  Duration olderThan;

  @Mixin
  WorkflowOptions workflow;

  @Mixin
  BackendOptions backendOptions;

  @Mixin
  OutputOptions output;

  @Mixin
  HelpOption help;

  /** A command that reads its environment (and "now") from {@code context}. */
  public StopRunawayCommand(Context context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws Exception {
    int concurrency = workflow.concurrency();
    int maxAttempts = workflow.maxAttempts();
    try (Backend backend = backendOptions.open(context, Optional.empty(), BackendOptions.Retries.BY_THE_CALLER)) {
      TrackedPorts ports = new TrackedPorts(backend);
      StopRunaway stopRunaway = StopRunaway.of(ports.stopper(), ports.reader())
          .projects(projects)
          .olderThan(olderThan)
          .clock(context.clock())
          .dryRun(workflow.dryRun())
          .concurrency(concurrency)
          .maxAttempts(maxAttempts);
      return StopReports.finish(NAME, stopRunaway.run(), ports, backend.endpoint(), spec.commandLine().getOut(),
          spec.commandLine().getErr());
    }
  }
}
