package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.DemoBuilds;
import io.buildstop.cli.internal.ExitCodes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("buildstop stop, on the in-memory default")
class StopCommandTest {

  @Nested
  @DisplayName("a running demo build")
  class Running {
    @Test
    void isStoppedAndPrintedAsTheAwsCliPrintsIt() {
      Cli.Result result = Cli.run("stop", "--id", DemoBuilds.RUNNING_IN_BUILD);

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.err()).isEmpty();
      assertThat(result.out())
          .startsWith("{\n    \"build\": {\n        \"id\": \"" + DemoBuilds.RUNNING_IN_BUILD + "\",\n")
          .contains("        \"buildStatus\": \"STOPPED\",\n")
          .contains("        \"currentPhase\": \"COMPLETED\",\n")
          .contains("        \"buildComplete\": true,\n")
          .contains("        \"endTime\": 1556906974.781,\n")
          .contains("                \"phaseType\": \"BUILD\",\n                \"phaseStatus\": \"STOPPED\",\n")
          .endsWith("\n    }\n}\n");
    }

    @Test
    void inAnyPhaseIsStopped() {
      for (String id : new String[] {
          DemoBuilds.RUNNING_IN_QUEUED, DemoBuilds.RUNNING_IN_POST_BUILD, DemoBuilds.OTHER_PROJECT_RUNNING}) {
        Cli.Result result = Cli.run("stop", "--id", id);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("\"buildStatus\": \"STOPPED\"", "\"buildComplete\": true");
      }
    }

    @Test
    void canBeNamedByItsBuildArn() {
      Cli.Result byId = Cli.run("stop", "--id", DemoBuilds.RUNNING_IN_BUILD);
      Cli.Result byArn = Cli.run("stop", "--id",
          "arn:aws:codebuild:us-west-2:123456789012:build/" + DemoBuilds.RUNNING_IN_BUILD);

      assertThat(byArn).isEqualTo(byId);
    }

    @Test
    void acceptsTheExplicitMemoryBackendAndJsonOutput() {
      Cli.Result result = Cli.run("stop", "--backend", "memory", "--output", "json", "--id",
          DemoBuilds.RUNNING_IN_BUILD);

      assertThat(result).isEqualTo(Cli.run("stop", "--id", DemoBuilds.RUNNING_IN_BUILD));
    }
  }

  @Nested
  @DisplayName("a complete demo build (spec §4.3)")
  class Complete {
    @Test
    void comesBackUnchangedWithItsFinalStatusAndExitZero() {
      Cli.Result succeeded = Cli.run("stop", "--id", DemoBuilds.SUCCEEDED);
      Cli.Result failed = Cli.run("stop", "--id", DemoBuilds.FAILED);

      assertThat(succeeded.exitCode()).as(succeeded.toString()).isZero();
      assertThat(succeeded.out()).contains("\"buildStatus\": \"SUCCEEDED\"").doesNotContain("STOPPED");
      assertThat(failed.exitCode()).as(failed.toString()).isZero();
      assertThat(failed.out()).contains("\"buildStatus\": \"FAILED\"").doesNotContain("STOPPED");
    }
  }

  @Nested
  @DisplayName("failures")
  class Failures {
    @Test
    void anUnknownBuildIsNotFoundInTheAwsCliWords() {
      Cli.Result result = Cli.run("stop", "--id", "my-demo-project:00000000-0000-0000-0000-000000000000");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND).isEqualTo(4);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).isEqualTo("\nAn error occurred (ResourceNotFoundException) when calling the StopBuild "
          + "operation: Build my-demo-project:00000000-0000-0000-0000-000000000000 not found\n");
    }

    @Test
    void anIdThatCannotBeABuildIdIsInvalidInput() {
      Cli.Result result = Cli.run("stop", "--id", "not-a-build-id");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT).isEqualTo(3);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).startsWith(
          "\nAn error occurred (InvalidInputException) when calling the StopBuild operation: "
              + "The input value that was provided is not valid: ").endsWith("\n");
    }

    @Test
    void anEmptyIdIsInvalidInputNotAUsageError() {
      Cli.Result result = Cli.run("stop", "--id", "");

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void aMissingIdIsAUsageErrorWithItsOwnCode() {
      Cli.Result result = Cli.run("stop");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE).isEqualTo(2).isNotEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(result.err()).isEqualTo(
          "buildstop: Missing required option: '--id=ID'\nTry 'buildstop stop --help' for more information.\n");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithASuggestion() {
      Cli.Result result = Cli.run("stop", "--id", DemoBuilds.RUNNING_IN_BUILD, "--endpoint-ur", "http://x");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).contains("Unknown options: '--endpoint-ur'", "--endpoint-url",
          "Try 'buildstop stop --help'");
    }

    @Test
    void optionsOfTheAwsBackendAreRejectedInMemory() {
      assertThat(Cli.run("stop", "--region", "eu-west-1", "--id", DemoBuilds.RUNNING_IN_BUILD).err())
          .contains("--region applies to the aws backend only");
      assertThat(Cli.run("stop", "--backend", "memory", "--endpoint-url", "http://127.0.0.1:1", "--id",
          DemoBuilds.RUNNING_IN_BUILD).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anUnknownBackendOrOutputIsAUsageError() {
      assertThat(Cli.run("stop", "--backend", "gcp", "--id", DemoBuilds.RUNNING_IN_BUILD).exitCode())
          .isEqualTo(ExitCodes.USAGE);
      assertThat(Cli.run("stop", "--output", "yaml", "--id", DemoBuilds.RUNNING_IN_BUILD).exitCode())
          .isEqualTo(ExitCodes.USAGE);
    }
  }
}
