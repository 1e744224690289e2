package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("--help of stop --wait, stop-superseded and stop-runaway")
class WorkflowCommandsHelpTest {

  @Test
  void theMainHelpListsTheNewCommandsAndTheStillRunningExitCode() {
    String help = Cli.run("--help").out();

    assertThat(help).contains("  stop-batch ", "  stop-superseded ", "  stop-runaway ",
        "  8    stop --wait, stop-batch --wait: the stop was accepted, but the build (batch) was still");
  }

  @ParameterizedTest
  @ValueSource(strings = {"stop-superseded", "stop-runaway"})
  void eachHasItsOwnHelpWithTheSharedOptionsTheReportAndTheExitCodes(String command) {
    Cli.Result byOption = Cli.run(command, "--help");

    assertThat(byOption.exitCode()).isZero();
    assertThat(byOption.out()).startsWith("Usage: buildstop " + command)
        .contains("--project=PROJECT", "--dry-run", "--concurrency=N", "--max-attempts=N", "--backend=memory|aws",
            "--endpoint-url=URL", "--region=REGION", "--profile=NAME", "--output=json", "-h, --help",
            "Exit codes:", "  5    ThrottlingException", "  6    AccessDeniedException", "  7    CodeBuild unreachable");
    assertThat(Cli.run("help", command).out()).isEqualTo(byOption.out());
  }

  @Test
  void stopSupersededNamesItsPoliciesAndTheReportsKeys() {
    String help = Cli.run("stop-superseded", "--help").out();

    assertThat(help).contains("--source-version=VERSION", "[--keep-newest |", "--older-than=ID]", "--batches",
        "\"buildBatches\"",
        "\"stopped\"", "\"alreadyComplete\"", "\"notFound\"", "\"failed\"", "\"wouldStop\"");
  }

  @Test
  void stopRunawayTakesSeveralProjectsAndAnAge() {
    String help = Cli.run("stop-runaway", "--help").out();

    assertThat(help).contains("--project=PROJECT [--project=PROJECT]...", "--older-than=DURATION");
  }

  @Test
  void stopNamesWaitTimeoutAndTheStillRunningExitCode() {
    String help = Cli.run("stop", "--help").out();

    assertThat(help).contains("--wait", "--dry-run", "--timeout=DURATION", "default: 10m", "  8    stop --wait");
  }
}
