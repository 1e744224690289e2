package io.buildstop.cli.internal;

import io.buildstop.domain.Build;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code buildstop demo-builds}: the builds the in-memory backend (and {@code serve --demo-builds}) starts with. */
@Command(name = "demo-builds",
    descriptionHeading = "%n",
    optionListHeading = "%nOptions:%n",
    description = {
        "List the demo builds the in-memory backend holds.",
        "",
        "Prints the id, status and current phase of each demo build: pick one for `buildstop stop --id`. The "
            + "in-memory backend (the default of `buildstop stop`) and `buildstop serve --demo-builds` start with "
            + "these builds. They are configured like the build in the AWS CLI's stop-build example; the first one "
            + "is that build, running in BUILD.",
        "",
        "The in-memory backend lives for one command: every `buildstop stop` starts from these builds again. To "
            + "keep state between calls, run `buildstop serve --demo-builds` and pass its --endpoint-url."})
public final class DemoBuildsCommand implements Callable<Integer> {
  private final Context context;

  @Spec
  CommandSpec spec;

  @Mixin
  HelpOption help;

  /** A command that seeds the demo builds at {@code context}'s clock. */
  public DemoBuildsCommand(Context context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Build> builds = DemoBuilds.all(context.clock().instant());
    int idWidth = builds.stream().mapToInt(build -> build.id().orElse("").length()).max().orElse(2);
    String row = "%-" + idWidth + "s  %-11s  %s%n";
    out.printf(row, "ID", "STATUS", "PHASE");
    for (Build build : builds) {
      out.printf(row, build.id().orElse("-"), build.buildStatusAsString().orElse("-"),
          build.currentPhaseAsString().orElse("-"));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
