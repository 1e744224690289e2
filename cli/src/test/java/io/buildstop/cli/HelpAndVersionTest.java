package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.ExitCodes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("--help, help, --version")
class HelpAndVersionTest {

  @Test
  void helpListsEverySubcommandAndTheExitCodes() {
    Cli.Result result = Cli.run("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .startsWith("Usage: buildstop [-hV] [COMMAND]")
        .contains("Commands:", "  stop ", "  demo-builds ", "  serve ", "  help ")
        .contains("Exit codes:", "  2    usage error", "  3    InvalidInputException", "  4    ResourceNotFoundException",
            "  7    CodeBuild unreachable");
  }

  @ParameterizedTest
  @ValueSource(strings = {"stop", "demo-builds", "serve"})
  void everySubcommandHasItsOwnHelp(String subcommand) {
    Cli.Result byOption = Cli.run(subcommand, "--help");
    Cli.Result byCommand = Cli.run("help", subcommand);

    assertThat(byOption.exitCode()).isZero();
    assertThat(byOption.out()).startsWith("Usage: buildstop " + subcommand).contains("-h, --help");
    assertThat(byCommand.out()).isEqualTo(byOption.out());
  }

  @Test
  void stopsHelpNamesItsOptionsAndExitCodes() {
    String help = Cli.run("stop", "--help").out();

    assertThat(help).contains("--id=ID", "--backend=memory|aws", "--endpoint-url=URL", "--region=REGION",
        "--profile=NAME", "--output=json", "--api-call-timeout=DURATION", "Exit codes:");
  }

  @Test
  void versionNamesBuildstopJavaAndTheSdk() {
    Cli.Result result = Cli.run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).matches("buildstop/\\S+ Java/\\S+ aws-sdk-java/2\\.\\S+\n");
    assertThat(result.out()).doesNotContain("unknown", "${");
  }

  @Test
  void noSubcommandPrintsTheUsageToStderrAsAUsageError() {
    Cli.Result result = Cli.run();

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("Usage: buildstop");
  }

  @Test
  void anUnknownCommandIsNamedAsSuchWithTheCommandsAndAUsageError() {
    // a word like no command: picocli suggests the nearest command to one that shares letter pairs with it
    Cli.Result result = Cli.run("xyzzy");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("buildstop: 'xyzzy' is not a buildstop command.\n"
        + "The commands: stop, stop-batch, stop-superseded, stop-runaway, demo-builds, serve, help.\n"
        + "Try 'buildstop --help' for more information.\n");
  }

  @Test
  void aMisspeltCommandGetsADidYouMean() {
    Cli.Result result = Cli.run("stpo", "--id", "x");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("buildstop: 'stpo' is not a buildstop command. Did you mean 'stop', ")
        .contains("The commands: stop, ", "Try 'buildstop --help'").doesNotContain("Unmatched argument");
  }

  @Test
  void anUnknownOptionOfBuildstopItselfIsStillAnUnknownOption() {
    Cli.Result result = Cli.run("--frobnicate");

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("buildstop: Unknown option: '--frobnicate'")
        .doesNotContain("not a buildstop command");
  }
}
