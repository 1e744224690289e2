package io.buildstop.cli.internal;

import io.buildstop.api.BatchGetBuildsResult;
import io.buildstop.api.BuildIdPage;
import io.buildstop.api.BuildReader;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.vavr.control.Either;
import java.io.PrintWriter;
import java.util.ArrayList;
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
 * {@code buildstop demo-builds [--project P ...]}: the builds of the demo builds' projects (or of the projects given)
 * that a backend holds, read through {@link BuildReader} (ListBuildsForProject, then BatchGetBuilds). On the in-memory
 * default, the demo builds it starts with; against {@code buildstop serve --demo-builds}, those builds as they are now.
 */
@Command(name = "demo-builds",
    sortOptions = false,
    descriptionHeading = "%n",
    optionListHeading = "%nOptions:%n",
    description = {
        "List the demo builds: the builds of the demo projects that a CodeBuild holds.",
        "",
        "Prints the id, status and current phase of each build of my-demo-project and my-other-project (or of the "
            + "--project given), newest first, project by project: pick one for `buildstop stop --id`. The "
            + "in-memory backend (the default) and `buildstop serve --demo-builds` start with the same six demo "
            + "builds, configured like the build in the AWS CLI's stop-build example; its build is the one running "
            + "in BUILD.",
        "",
        "The in-memory backend lives for one command: every command starts from the demo builds again. To keep "
            + "state between calls, run `buildstop serve --demo-builds` and pass its --endpoint-url, here as to "
            + "`stop`. A project the CodeBuild does not know is the AWS CLI's ResourceNotFoundException (exit 4)."},
    footerHeading = "%nExamples:%n",
    footer = {
        "  buildstop demo-builds",
        "  buildstop demo-builds --endpoint-url http://127.0.0.1:4566",
        "  buildstop demo-builds --backend aws --region us-west-2 --project my-project"})
public final class DemoBuildsCommand implements Callable<Integer> {
  private final Context context;

  @Spec
  CommandSpec spec;

  @Option(names = "--project", paramLabel = "PROJECT",
      description = "List this project's builds instead; repeat it for more (default: my-demo-project and "
          + "my-other-project, the demo builds' projects).")
  List<String> projects;

  @Mixin
  BackendOptions backendOptions;

  @Mixin
  HelpOption help;

  /** A command that reads its environment, and seeds the in-memory demo builds, at {@code context}'s clock. */
  public DemoBuildsCommand(Context context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Backend backend = backendOptions.open(context)) {
      TrackedPorts ports = new TrackedPorts(backend);
      List<Build> builds = new ArrayList<>();
      for (String project : projects != null ? projects : DemoBuilds.PROJECTS) {
        Either<StopFailure, List<Build>> read = buildsOf(ports.reader(), project);
        if (read.isLeft()) {
          StopFailure failure = read.getLeft();
          String operation = ports.operationThatFailedWith(failure).orElse(TrackedPorts.LIST_BUILDS_FOR_PROJECT);
          err.print(AwsCliErrors.describe(operation, failure, backend.endpoint()));
          err.flush();
          return ExitCodes.of(failure.code());
        }
        builds.addAll(read.get());
      }
      print(builds, out);
      return ExitCodes.OK;
    }
  }

  // newest first, as ListBuildsForProject pages them; each page's ids read in batches
  private static Either<StopFailure, List<Build>> buildsOf(BuildReader reader, String project) {
    List<String> ids = new ArrayList<>();
    Optional<String> nextToken = Optional.empty();
    do {
      Either<StopFailure, BuildIdPage> page = reader.listBuildsForProject(project, nextToken);
      if (page.isLeft()) {
        return Either.left(page.getLeft());
      }
      page.get().ids().stream().map(BuildId::value).forEach(ids::add);
      nextToken = page.get().nextToken();
    } while (nextToken.isPresent());
    List<Build> builds = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += BuildReader.MAX_BATCH_GET_IDS) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + BuildReader.MAX_BATCH_GET_IDS));
      Either<StopFailure, BatchGetBuildsResult> read = reader.batchGetBuilds(batch);
      if (read.isLeft()) {
        return Either.left(read.getLeft());
      }
      builds.addAll(read.get().builds());
    }
    return Either.right(builds);
  }

  private static void print(List<Build> builds, PrintWriter out) {
    int idWidth = builds.stream().mapToInt(build -> build.id().orElse("").length()).max().orElse(2);
    String row = "%-" + idWidth + "s  %-11s  %s%n";
    out.printf(row, "ID", "STATUS", "PHASE");
    for (Build build : builds) {
      out.printf(row, build.id().orElse("-"), build.buildStatusAsString().orElse("-"),
          build.currentPhaseAsString().orElse("-"));
    }
    out.flush();
  }
}
