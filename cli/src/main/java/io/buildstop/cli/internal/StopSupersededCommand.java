package io.buildstop.cli.internal;

import io.buildstop.api.BuildBatchIds;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.workflows.StopReport;
import io.buildstop.workflows.StopSuperseded;
import io.vavr.control.Either;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code buildstop stop-superseded --project P --source-version V [--keep-newest | --older-than ID] [--batches]}:
 * {@link StopSuperseded}, its report printed by {@link StopReports}.
 */
@Command(name = "stop-superseded",
    sortOptions = false,
    descriptionHeading = "%n",
    optionListHeading = "%nOptions:%n",
    description = {
        "Stop the builds of a branch or pull request that a newer build supersedes.",
        "",
        "Reads the builds of the project (ListBuildsForProject, BatchGetBuilds) and, among those of the source "
            + "version (sourceVersion exactly as CodeBuild records it: main, pr/42, a commit), stops every build "
            + "still in progress except the newest, by start time then build number (--keep-newest, the default), "
            + "or only those older than the build --older-than names. A newer build that has already finished "
            + "still supersedes older running ones. Builds of other projects or source versions are never touched.",
        "",
        "With --batches it covers the project's batch builds too (ListBuildBatchesForProject, "
            + "BatchGetBuildBatches, StopBuildBatch): a batch is one run of the source version, as a build is, "
            + "ordered with the builds by start time, then number, so a newer batch supersedes older builds and "
            + "batches and a newer build older batches. A superseded batch is stopped with its running member "
            + "builds. A member build of a batch is never stopped on its own, with or without --batches: it is its "
            + "batch's. Without --batches, no batch operation is called (they need their own IAM permissions).",
        "",
        "Prints a JSON report, one list of build ids per outcome, every key always present:",
        "  {\"stopped\": [...], \"alreadyComplete\": [...], \"notFound\": [...],",
        "   \"failed\": [{\"id\": ..., \"code\": ..., \"message\": ...}], \"wouldStop\": [...]}",
        "and with --batches one more key, \"buildBatches\", holding the same five keys for the batches.",
        "alreadyComplete: the build finished before the stop reached it; notFound: it vanished; both are no failure. "
            + "wouldStop: a dry run. A throttled or failing (5xx) stop is retried with backoff (--max-attempts).",
        "",
        "Exit 0 when no stop failed; else the exit code of the first failed stop (5 throttled, 6 access denied, "
            + "7 unavailable), with one line per failure on stderr. A failed read before any stop prints no report: "
            + "the AWS CLI's error, and its exit code (4: no such project)."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  buildstop stop-superseded --project my-demo-project --source-version main --dry-run",
        "  buildstop stop-superseded --endpoint-url http://127.0.0.1:4566 \\",
        "      --project api --source-version pr/42",
        "  buildstop stop-superseded --project my-demo-batch-project --source-version main --batches",
        "  buildstop stop-superseded --backend aws --project api --source-version pr/42 \\",
        "      --older-than api:0b5e4c1d-...   # the build this CI job started"})
public final class StopSupersededCommand implements Callable<Integer> {
  static final String NAME = "stop-superseded";

  private final Context context;

  @Spec
  CommandSpec spec;

  @Option(names = "--project", required = true, paramLabel = "PROJECT",
      description = "The CodeBuild project.")
  String project;

  @Option(names = "--source-version", required = true, paramLabel = "VERSION",
      description = "The source version whose superseded builds to stop: a branch, pr/N, a commit.")
  String sourceVersion;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Policy policy;

  @Option(names = "--batches",
      description = "Also stop the superseded batch builds of the source version, with their running member builds "
          + "(default: builds only).")
  boolean batches;

  @Mixin
  WorkflowOptions workflow;

  @Mixin
  BackendOptions backendOptions;

  @Mixin
  OutputOptions output;

  @Mixin
  HelpOption help;

  /** {@code --keep-newest} or {@code --older-than ID}: one at most. */
  static final class Policy {
    @Option(names = "--keep-newest",
        description = "Keep the newest build of the source version, stop its other running builds (the default).")
    boolean keepNewest;

    @Option(names = "--older-than", paramLabel = "ID",
        description = "Stop only the running builds of the source version older than this build of the project "
            + "(<project-name>:<build-uuid> or its ARN), typically the one your job just started; it is kept. "
            + "With --batches, it may be a batch of the project too.")
    String olderThan;
  }

  /** A command that reads its environment from {@code context}. */
  public StopSupersededCommand(Context context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() throws Exception {
    int concurrency = workflow.concurrency();
    int maxAttempts = workflow.maxAttempts();
    String reference = policy == null ? null : policy.olderThan;
    try (Backend backend = backendOptions.open(context, Optional.empty(), BackendOptions.Retries.BY_THE_CALLER)) {
      TrackedPorts ports = new TrackedPorts(backend);
      StopSuperseded stopSuperseded = StopSuperseded.of(ports.stopper(), ports.reader())
          .project(project)
          .sourceVersion(sourceVersion)
          .dryRun(workflow.dryRun())
          .concurrency(concurrency)
          .maxAttempts(maxAttempts);
      if (batches) {
        stopSuperseded = stopSuperseded.batches(ports.batches().stopper(), ports.batches().reader());
      }
      StopSuperseded configured = stopSuperseded;
      // a malformed --older-than is invalid input before anything is read, as any bad id; with --batches a batch's
      // ARN names it too
      Either<StopFailure, StopReport> report = reference == null
          ? configured.keepNewest().run()
          : reference(reference).flatMap(id -> configured.olderThan(id).run());
      return StopReports.finish(NAME, report, batches, ports, backend.endpoint(), spec.commandLine().getOut(),
          spec.commandLine().getErr());
    }
  }

  // a build's id or ARN; with --batches also a batch's ARN (a batch id has a build id's form)
  private Either<StopFailure, BuildId> reference(String given) {
    Either<StopFailure, BuildId> asBuild = BuildId.parse(given);
    return asBuild.isLeft() && batches ? BuildBatchIds.parse(given) : asBuild;
  }
}
