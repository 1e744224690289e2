package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.DemoBuilds;
import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.domain.StopFailure;
import io.buildstop.junit5.CodeBuildExtension;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("buildstop stop --wait")
class StopWaitTest {

  @Nested
  @DisplayName("on the in-memory default, which stops at once")
  class InMemory {
    @Test
    void printsTheStoppedBuildAsStopDoes() {
      Cli.Result waited = Cli.run("stop", "--wait", "--id", DemoBuilds.RUNNING_IN_BUILD);

      assertThat(waited.exitCode()).as(waited.toString()).isZero();
      assertThat(waited).isEqualTo(Cli.run("stop", "--id", DemoBuilds.RUNNING_IN_BUILD));
      assertThat(waited.out()).contains("\"buildStatus\": \"STOPPED\"", "\"buildComplete\": true");
    }

    @Test
    void aCompleteBuildComesBackUnchanged() {
      Cli.Result result = Cli.run("stop", "--wait", "--timeout", "5s", "--id", DemoBuilds.SUCCEEDED);

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.out()).contains("\"buildStatus\": \"SUCCEEDED\"").doesNotContain("STOPPED");
    }

    @Test
    void failuresAreReportedAsForStop() {
      String unknown = "my-demo-project:00000000-0000-0000-0000-000000000000";
      Cli.Result notFound = Cli.run("stop", "--wait", "--id", unknown);
      Cli.Result invalid = Cli.run("stop", "--wait", "--id", "not-a-build-id");

      assertThat(notFound.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(notFound.err()).isEqualTo(Cli.run("stop", "--id", unknown).err());
      assertThat(notFound.out()).isEmpty();
      assertThat(invalid.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(invalid.err()).isEqualTo(Cli.run("stop", "--id", "not-a-build-id").err());
    }
  }

  @Nested
  @DisplayName("--timeout")
  class Timeout {
    @ParameterizedTest
    @ValueSource(strings = {"10m", "30s", "2h", "500ms", "PT10M", "PT0.5S", "1ms"})
    void acceptsDurationsAsPeopleWriteThem(String duration) {
      Cli.Result result = Cli.run("stop", "--wait", "--timeout", duration, "--id", DemoBuilds.RUNNING_IN_BUILD);

      assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "10", "10 m", "-5s", "PT-1S", "1d", "m", "", "0s", "45h"})
    void aBadDurationIsAUsageError(String duration) {
      Cli.Result result = Cli.run("stop", "--wait", "--timeout", duration, "--id", DemoBuilds.RUNNING_IN_BUILD);

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).startsWith("buildstop: Invalid value for option '--timeout': '" + duration + "'")
          .contains("Try 'buildstop stop --help'");
    }

    @Test
    void withoutWaitIsAUsageError() {
      Cli.Result result = Cli.run("stop", "--timeout", "10m", "--id", DemoBuilds.RUNNING_IN_BUILD);

      assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).startsWith("buildstop: --timeout applies to --wait only");
    }
  }

  @Nested
  @DisplayName("against an endpoint that finishes stops late (spec §4.9)")
  class AsynchronousStops {
    @RegisterExtension
    final CodeBuildExtension endpoint = CodeBuildExtension.newInstance().stopLatency(Duration.ofMillis(300)).build();
    private final LocalCodeBuild codeBuild = new LocalCodeBuild(endpoint);

    @Test
    void waitsUntilTheStopSettlesAndPrintsTheStoppedBuild() {
      String id = codeBuild.startBuild("api", "main");

      long started = System.nanoTime();
      Cli.Result result = codeBuild.run("stop", "--wait", "--timeout", "20s", "--id", id);

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.err()).isEmpty();
      assertThat(result.out()).startsWith("{\n    \"build\": {\n        \"id\": \"" + id + "\",\n")
          .contains("        \"buildStatus\": \"STOPPED\",\n", "        \"currentPhase\": \"COMPLETED\",\n",
              "        \"buildComplete\": true\n");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Nested
  @DisplayName("against an endpoint whose stops settle after the command has ended (spec §4.9)")
  class StopsSettlingLater {
    @RegisterExtension
    final CodeBuildExtension endpoint = CodeBuildExtension.newInstance().stopLatency(Duration.ofSeconds(30)).build();
    private final LocalCodeBuild codeBuild = new LocalCodeBuild(endpoint);

    @Test
    void withoutWaitTheStopsAnswerStillShowsTheBuildRunningAndStderrSaysHowToWait() {
      String id = codeBuild.startBuild("api", "main");

      Cli.Result result = codeBuild.run("stop", "--id", id);

      // accepted: exit 0, as the AWS CLI; stdout is the answer alone, the hint goes to stderr
      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.out()).startsWith("{\n").endsWith("\n    }\n}\n")
          .contains("\"buildStatus\": \"IN_PROGRESS\"", "\"buildComplete\": false");
      assertThat(result.err()).isEqualTo("buildstop: " + id + " is still IN_PROGRESS in phase QUEUED: the stop "
          + "was accepted, but the build has not completed yet. To wait until it has: "
          + "buildstop stop --wait --endpoint-url " + codeBuild.url() + " --id " + id + "\n");
    }

    @Test
    void stillRunningAtTheDeadlinePrintsTheLastBuildSeenAndExitsEight() {
      String id = codeBuild.startBuild("api", "main");

      long started = System.nanoTime();
      Cli.Result result = codeBuild.run("stop", "--wait", "--timeout", "500ms", "--id", id);

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.STILL_RUNNING).isEqualTo(8);
      assertThat(result.out()).startsWith("{\n    \"build\": {\n        \"id\": \"" + id + "\",\n")
          .contains("\"buildStatus\": \"IN_PROGRESS\"", "\"buildComplete\": false").endsWith("\n    }\n}\n");
      assertThat(result.err()).isEqualTo("buildstop: " + id + " is still IN_PROGRESS in phase QUEUED after 500ms: "
          + "the stop was accepted, but the build has not completed yet. Waiting again is safe: "
          + "buildstop stop --wait --timeout 500ms --endpoint-url " + codeBuild.url() + " --id " + id + "\n");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Nested
  @DisplayName("the command a hint gives, pasted as is")
  class PastedHints {
    @RegisterExtension
    final CodeBuildExtension endpoint = CodeBuildExtension.newInstance().stopLatency(Duration.ofMillis(300)).build();
    private final LocalCodeBuild codeBuild = new LocalCodeBuild(endpoint);

    @Test
    void theWaitHintOfAPlainStopWaitsForTheSameBuildOnTheSameEndpoint() {
      String id = codeBuild.startBuild("api", "main");

      Cli.Result stop = Cli.run(LocalCodeBuild.REAL_TIME, "stop", "--region", "eu-west-1", "--endpoint-url",
          codeBuild.url(), "--api-call-timeout", "20s", "--api-call-attempt-timeout", "PT5S", "--id", id);
      String hint = pastedCommand(stop.err(), "To wait until it has: ");
      Cli.Result waited = Cli.run(LocalCodeBuild.REAL_TIME, arguments(hint));

      assertThat(hint).isEqualTo("buildstop stop --wait --region eu-west-1 --endpoint-url " + codeBuild.url()
          + " --api-call-timeout 20s --api-call-attempt-timeout PT5S --id " + id);
      assertThat(waited.exitCode()).as(waited.toString()).isZero();
      assertThat(waited.out()).contains("\"buildStatus\": \"STOPPED\"", "\"buildComplete\": true");
    }

    @Test
    void aWordTheShellWouldSplitIsQuoted() {
      String id = codeBuild.startBuild("api", "main");

      Cli.Result stop = Cli.run(LocalCodeBuild.REAL_TIME, "stop", "--endpoint-url", codeBuild.url(),
          "--profile", "it's mine", "--id", id);

      assertThat(stop.exitCode()).as(stop.toString()).isZero();
      assertThat(pastedCommand(stop.err(), "To wait until it has: ")).isEqualTo("buildstop stop --wait "
          + "--endpoint-url " + codeBuild.url() + " --profile 'it'\\''s mine' --id " + id);
    }
  }

  @Nested
  @DisplayName("the command a hint gives, pasted as is, while the stop is still settling")
  class PastedRetryHints {
    @RegisterExtension
    final CodeBuildExtension endpoint = CodeBuildExtension.newInstance().stopLatency(Duration.ofSeconds(30)).build();
    private final LocalCodeBuild codeBuild = new LocalCodeBuild(endpoint);

    @Test
    void theRetryHintOfAWaitThatTimedOutWaitsAgainOnTheSameEndpoint() {
      String id = codeBuild.startBuild("api", "main");

      Cli.Result first = Cli.run(LocalCodeBuild.REAL_TIME, "stop", "--endpoint-url", codeBuild.url(), "--wait",
          "--timeout", "300ms", "--backend", "aws", "--id", id);
      String hint = pastedCommand(first.err(), "Waiting again is safe: ");
      Cli.Result again = Cli.run(LocalCodeBuild.REAL_TIME, arguments(hint));

      assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.STILL_RUNNING);
      assertThat(hint).isEqualTo("buildstop stop --wait --endpoint-url " + codeBuild.url()
          + " --timeout 300ms --backend aws --id " + id);
      // the same build, still finishing its stop on the same endpoint: not a build the in-memory default lacks
      assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.STILL_RUNNING);
      assertThat(again.err()).isEqualTo(first.err());
    }
  }

  @Nested
  @DisplayName("--timeout bounds the whole command, its calls included")
  class WholeCommand {
    @Test
    void againstAnEndpointThatAcceptsAndNeverAnswersItEndsAtTheTimeoutNotAtTheCallTimeout() throws Exception {
      try (SilentEndpoint silent = SilentEndpoint.start()) {
        long started = System.nanoTime();

        // the default call timeout (15s) alone would take longer than the bound below
        Cli.Result result = Cli.run(LocalCodeBuild.REAL_TIME, "stop", "--wait", "--timeout", "2s",
            "--endpoint-url", silent.url(), "--id", DemoBuilds.RUNNING_IN_BUILD);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.out()).isEmpty();
        // the AWS CLI's words for a call that timed out
        assertThat(result.err()).isEqualTo("\nRead timeout on endpoint URL: \"" + silent.url() + "/\"\n");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(silent.connections()).isPositive();
      }
    }
  }

  @Nested
  @DisplayName("failures against an endpoint")
  class EndpointFailures {
    @RegisterExtension
    final CodeBuildExtension endpoint = CodeBuildExtension.newInstance().build();
    private final LocalCodeBuild codeBuild = new LocalCodeBuild(endpoint);

    @Test
    void aStopStillThrottledAtTheDeadlineExitsFive() {
      String id = codeBuild.startBuild("api", "main");
      codeBuild.backend().failNextCalls(1000, new StopFailure.Throttled("Rate exceeded"));

      // long enough for the SDK's own retries of one call to end throttled before the deadline cuts another
      Cli.Result result = codeBuild.run("stop", "--wait", "--timeout", "6s", "--id", id);

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.THROTTLED);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).isEqualTo(
          "\nAn error occurred (ThrottlingException) when calling the StopBuild operation: Rate exceeded\n");
      assertThat(codeBuild.status(id)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void accessDeniedExitsSixAtOnce() {
      String id = codeBuild.startBuild("api", "main");
      codeBuild.backend().failNextCalls(1000,
          new StopFailure.AccessDenied("AccessDeniedException", "User: ci is not authorized"));

      Cli.Result result = codeBuild.run("stop", "--wait", "--id", id);

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.ACCESS_DENIED);
      assertThat(result.err()).isEqualTo("\nAn error occurred (AccessDeniedException) when calling the StopBuild "
          + "operation: User: ci is not authorized\n");
    }
  }

  private static String pastedCommand(String err, String after) {
    assertThat(err).contains(after).endsWith("\n");
    return err.substring(err.indexOf(after) + after.length(), err.length() - 1);
  }

  // the words a shell makes of a command without quotes, less the program's name
  private static String[] arguments(String command) {
    assertThat(command).startsWith("buildstop ").doesNotContain("'", "\"", "\\");
    return command.substring("buildstop ".length()).split(" ");
  }
}
