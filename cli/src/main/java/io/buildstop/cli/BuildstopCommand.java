package io.buildstop.cli;

import io.buildstop.cli.internal.CommandFactory;
import io.buildstop.cli.internal.Context;
import io.buildstop.cli.internal.DemoBuildsCommand;
import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.cli.internal.ServeCommand;
import io.buildstop.cli.internal.StopBatchCommand;
import io.buildstop.cli.internal.StopCommand;
import io.buildstop.cli.internal.StopRunawayCommand;
import io.buildstop.cli.internal.StopSupersededCommand;
import io.buildstop.cli.internal.VersionProvider;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code buildstop} command: stop CodeBuild builds from a shell, on the in-memory CodeBuild, a local endpoint or
 * AWS, with the AWS CLI's output, and wait for them; stop superseded and runaway builds; serve a local CodeBuild
 * endpoint.
 *
 * <p>Exit codes, for every subcommand:
 * <table>
 *   <caption>exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>done; for {@code stop}, also when the build was already complete, or when the stop was
 *       accepted and the build is still finishing it (stderr gives the {@code --wait} command); for {@code
 *       stop-superseded} and {@code stop-runaway}, no stop failed</td></tr>
 *   <tr><td>1</td><td>unexpected error (a bug): one line on stderr</td></tr>
 *   <tr><td>2</td><td>usage error: unknown command, unknown or missing option, bad value, no region; nothing was
 *       sent</td></tr>
 *   <tr><td>3</td><td>{@code InvalidInputException}: the id cannot be a build id</td></tr>
 *   <tr><td>4</td><td>{@code ResourceNotFoundException}: no build has this id</td></tr>
 *   <tr><td>5</td><td>{@code ThrottlingException}, after the SDK's retries</td></tr>
 *   <tr><td>6</td><td>access denied, or credentials CodeBuild rejects</td></tr>
 *   <tr><td>7</td><td>CodeBuild unreachable, timed out or failing (5xx): unknown whether the build stopped</td></tr>
 *   <tr><td>8</td><td>{@code stop --wait}: the stop was accepted, but the build was still running at the
 *       deadline</td></tr>
 * </table>
 */
@Command(name = "buildstop",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    descriptionHeading = "%n",
    optionListHeading = "%nOptions:%n",
    description = {
        "Stop AWS CodeBuild builds: on an in-memory CodeBuild, a local endpoint or AWS.",
        "",
        "Stops builds as CodeBuild's StopBuild does and prints CodeBuild's answer as the AWS CLI prints it; waits "
            + "for a stop to settle (stop --wait); stops batch builds as StopBuildBatch does (stop-batch); stops "
            + "the builds a newer build of the same branch supersedes "
            + "(stop-superseded) and the builds that have run too long (stop-runaway). Without --backend or "
            + "--endpoint-url a command runs on an in-memory CodeBuild that holds a few demo builds "
            + "(`buildstop demo-builds`)."},
    commandListHeading = "%nCommands:%n",
    subcommands = {
        StopCommand.class,
        StopBatchCommand.class,
        StopSupersededCommand.class,
        StopRunawayCommand.class,
        DemoBuildsCommand.class,
        ServeCommand.class,
        CommandLine.HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  buildstop demo-builds",
        "  buildstop stop --id my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE",
        "  buildstop stop --wait --timeout 10m --id my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE",
        "  buildstop stop-batch --id my-demo-batch-project:7a8b9c0d-1234-56ab-cdef-77777EXAMPLE",
        "  buildstop stop-superseded --project my-demo-project --source-version main --dry-run",
        "  buildstop stop-runaway --project my-demo-project --older-than 2h",
        "  buildstop serve --port 4566 --demo-builds",
        "  buildstop stop --help"})
public final class BuildstopCommand implements Callable<Integer> {
  private static final int USAGE_WIDTH = 100;

  @Spec
  CommandSpec spec;

  /** Without a subcommand: the usage on stderr, never coloured, and a usage error. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    // Ansi.AUTO asks whether stdin and stdout are a terminal, not stderr: `buildstop 2>log` would colour the log
    spec.commandLine().usage(err, Help.Ansi.OFF);
    err.flush();
    return ExitCodes.USAGE;
  }

  /** Runs {@code buildstop} with {@code args} and exits with its {@linkplain ExitCodes exit code}. */
  public static void main(String[] args) {
    PrintWriter out = utf8(FileDescriptor.out);
    PrintWriter err = utf8(FileDescriptor.err);
    int exitCode = commandLine(Context.system()).setOut(out).setErr(err).execute(args);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }

  /**
   * The command, ready to {@link CommandLine#execute(String...)}, reading its environment from {@code context};
   * set its output with {@link CommandLine#setOut} and {@link CommandLine#setErr}. This is how tests run it
   * in-process.
   */
  public static CommandLine commandLine(Context context) {
    CommandLine commandLine = new CommandLine(new BuildstopCommand(), new CommandFactory(context))
        .setUsageHelpWidth(USAGE_WIDTH);
    Map<String, String> exitCodes = exitCodeHelp();
    commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
    for (String subcommand : new String[] {"stop", "stop-batch", "stop-superseded", "stop-runaway"}) {
      commandLine.getSubcommands().get(subcommand).getCommandSpec().usageMessage()
          .exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
    }
    return commandLine
        .setExitCodeExceptionMapper(thrown -> ExitCodes.UNEXPECTED)
        .setParameterExceptionHandler(BuildstopCommand::usageError)
        .setExecutionExceptionHandler((thrown, failed, parseResult) -> {
          // never a stack trace: one line names the failure (exit 1); expected failures never get here
          failed.getErr().println("buildstop: unexpected error: " + thrown);
          failed.getErr().flush();
          return ExitCodes.UNEXPECTED;
        });
  }

  private static int usageError(ParameterException problem, String[] args) {
    CommandLine failed = problem.getCommandLine();
    PrintWriter err = failed.getErr();
    Optional<String> unknownCommand = unknownCommand(problem);
    if (unknownCommand.isPresent()) {
      List<String> suggestions = ((UnmatchedArgumentException) problem).getSuggestions();
      err.println("buildstop: '" + unknownCommand.get() + "' is not a buildstop command."
          + (suggestions.isEmpty() ? "" : " Did you mean " + oneOf(suggestions) + "?"));
      err.println("The commands: " + String.join(", ", failed.getSubcommands().keySet()) + ".");
    } else {
      err.println("buildstop: " + problem.getMessage());
      UnmatchedArgumentException.printSuggestions(problem, err);
    }
    err.println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  // `buildstop frobnicate`: buildstop itself takes no argument but its options, so a word is a command it lacks
  private static Optional<String> unknownCommand(ParameterException problem) {
    if (!(problem instanceof UnmatchedArgumentException unmatched) || problem.getCommandLine().getParent() != null) {
      return Optional.empty();
    }
    return unmatched.getUnmatched().stream().findFirst().filter(word -> !word.startsWith("-"));
  }

  // 'stop', 'stop-runaway' or 'stop-superseded'
  private static String oneOf(List<String> words) {
    List<String> quoted = words.stream().map(word -> "'" + word + "'").toList();
    int last = quoted.size() - 1;
    return last == 0 ? quoted.get(0) : String.join(", ", quoted.subList(0, last)) + " or " + quoted.get(last);
  }

  private static Map<String, String> exitCodeHelp() {
    Map<String, String> table = new LinkedHashMap<>();
    for (String line : ExitCodes.HELP) {
      int colon = line.indexOf(':');
      table.put(line.substring(0, colon), line.substring(colon + 1));
    }
    return table;
  }

  private static PrintWriter utf8(FileDescriptor descriptor) {
    // what the AWS CLI writes under a UTF-8 locale, whatever this JVM's default charset
    return new PrintWriter(new OutputStreamWriter(new FileOutputStream(descriptor), StandardCharsets.UTF_8));
  }
}
