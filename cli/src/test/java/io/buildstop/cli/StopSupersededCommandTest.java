package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.DemoBuilds;
import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.StatusType;
import io.buildstop.junit5.CodeBuildExtension;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("buildstop stop-superseded")
class StopSupersededCommandTest {
  private static final String EMPTY_REPORT = report("", "", "", "", "");

  /** The report as the command prints it: each argument the lines of one list, already quoted and indented. */
  static String report(String stopped, String alreadyComplete, String notFound, String failed, String wouldStop) {
    return "{\n"
        + "    \"stopped\": " + list(stopped) + ",\n"
        + "    \"alreadyComplete\": " + list(alreadyComplete) + ",\n"
        + "    \"notFound\": " + list(notFound) + ",\n"
        + "    \"failed\": " + list(failed) + ",\n"
        + "    \"wouldStop\": " + list(wouldStop) + "\n"
        + "}\n";
  }

  static String ids(String... ids) {
    return String.join(",\n", List.of(ids).stream().map(id -> "        \"" + id + "\"").toList());
  }

  private static String list(String lines) {
    return lines.isEmpty() ? "[]" : "[\n" + lines + "\n    ]";
  }

  @Nested
  @DisplayName("on the in-memory default (demo builds)")
  class InMemory {
    @Test
    void theDemoBuildsOfMainHaveASupersededBuildToStop() {
      assertThat(DemoBuilds.all(Cli.CAPTURE_STOP)).filteredOn(build -> build.sourceVersion().isPresent())
          .extracting(build -> build.id().orElseThrow())
          .containsExactly(DemoBuilds.RUNNING_IN_QUEUED, DemoBuilds.RUNNING_IN_POST_BUILD, DemoBuilds.SUCCEEDED,
              DemoBuilds.FAILED, DemoBuilds.OTHER_PROJECT_RUNNING);
      // the AWS example's build names no source version, and stays the example
      assertThat(DemoBuilds.all(Cli.CAPTURE_STOP).get(0).sourceVersion()).isEmpty();
    }

    @Test
    void stopsTheRunningBuildsOfTheBranchButTheNewest() {
      Cli.Result result = Cli.run("stop-superseded", "--project", "my-demo-project", "--source-version", "main");

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.err()).isEmpty();
      assertThat(result.out()).isEqualTo(report(ids(DemoBuilds.RUNNING_IN_POST_BUILD), "", "", "", ""));
      assertThat(Cli.run("stop-superseded", "--keep-newest", "--project", "my-demo-project", "--source-version",
          "main")).isEqualTo(result);
    }

    @Test
    void aDryRunReportsWhatItWouldStop() {
      Cli.Result result = Cli.run("stop-superseded", "--project", "my-demo-project", "--source-version", "main",
          "--dry-run");

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.out()).isEqualTo(report("", "", "", "", ids(DemoBuilds.RUNNING_IN_POST_BUILD)));
    }

    @Test
    void anotherSourceVersionOrProjectHasNothingToStop() {
      Cli.Result otherVersion = Cli.run("stop-superseded", "--project", "my-demo-project", "--source-version",
          "pr/42");
      Cli.Result nobodysProject = Cli.run("stop-superseded", "--project", "no-such-project", "--source-version",
          "main");

      assertThat(otherVersion.exitCode()).isZero();
      assertThat(otherVersion.out()).isEqualTo(EMPTY_REPORT);
      assertThat(nobodysProject.exitCode()).isZero();
      assertThat(nobodysProject.out()).isEqualTo(EMPTY_REPORT);
    }

    @Test
    void olderThanStopsOnlyTheBuildsOlderThanTheReference() {
      Cli.Result olderThanTheNewest = Cli.run("stop-superseded", "--project", "my-demo-project", "--source-version",
          "main", "--older-than", DemoBuilds.RUNNING_IN_QUEUED);
      Cli.Result olderThanTheOldest = Cli.run("stop-superseded", "--project", "my-demo-project", "--source-version",
          "main", "--older-than", DemoBuilds.RUNNING_IN_POST_BUILD);
      // the reference may be of another source version: the first demo build started after POST_BUILD's
      Cli.Result olderThanAnotherVersion = Cli.run("stop-superseded", "--project", "my-demo-project",
          "--source-version", "main", "--older-than", DemoBuilds.RUNNING_IN_BUILD);

      assertThat(olderThanTheNewest.exitCode()).as(olderThanTheNewest.toString()).isZero();
      assertThat(olderThanTheNewest.out()).isEqualTo(report(ids(DemoBuilds.RUNNING_IN_POST_BUILD), "", "", "", ""));
      assertThat(olderThanTheOldest.out()).isEqualTo(EMPTY_REPORT);
      assertThat(olderThanAnotherVersion.out())
          .isEqualTo(report(ids(DemoBuilds.RUNNING_IN_POST_BUILD), "", "", "", ""));
    }
  }

  @Nested
  @DisplayName("usage errors: exit 2, nothing read or stopped")
  class UsageErrors {
    @Test
    void keepNewestAndOlderThanAreMutuallyExclusive() {
      Cli.Result result = Cli.run("stop-superseded", "--project", "my-demo-project", "--source-version", "main",
          "--keep-newest", "--older-than", DemoBuilds.RUNNING_IN_QUEUED);

      assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).isEqualTo("buildstop: Error: --keep-newest, --older-than=ID are mutually exclusive "
          + "(specify only one)\nTry 'buildstop stop-superseded --help' for more information.\n");
    }

    @Test
    void theProjectAndSourceVersionAreRequired() {
      assertThat(Cli.run("stop-superseded", "--project", "my-demo-project").err())
          .startsWith("buildstop: Missing required option: '--source-version=VERSION'");
      assertThat(Cli.run("stop-superseded", "--source-version", "main").err())
          .startsWith("buildstop: Missing required option: '--project=PROJECT'");
      assertThat(Cli.run("stop-superseded").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aConcurrencyOrAttemptsBelowOne() {
      Cli.Result concurrency = Cli.run("stop-superseded", "--project", "p", "--source-version", "main",
          "--concurrency", "0");
      Cli.Result attempts = Cli.run("stop-superseded", "--project", "p", "--source-version", "main",
          "--max-attempts", "-1");

      assertThat(concurrency.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(concurrency.err()).startsWith("buildstop: --concurrency must be at least 1 (got 0)");
      assertThat(attempts.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(Cli.run("stop-superseded", "--project", "p", "--source-version", "main", "--concurrency", "two")
          .exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void optionsOfTheAwsBackendInMemory() {
      Cli.Result result = Cli.run("stop-superseded", "--project", "p", "--source-version", "main", "--profile", "ci");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err()).startsWith("buildstop: --profile applies to the aws backend only");
    }
  }

  @Nested
  @DisplayName("a reference that is not a build of the project")
  class BadReference {
    @Test
    void notABuildIdIsInvalidInput() {
      Cli.Result result = Cli.run("stop-superseded", "--project", "my-demo-project", "--source-version", "main",
          "--older-than", "nope");

      assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).startsWith("buildstop: stop-superseded: The input value that was provided is not "
          + "valid: ");
    }

    @Test
    void aBuildOfAnotherProjectIsInvalidInput() {
      Cli.Result result = Cli.run("stop-superseded", "--project", "my-demo-project", "--source-version", "main",
          "--older-than", DemoBuilds.OTHER_PROJECT_RUNNING);

      assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(result.err()).isEqualTo("buildstop: stop-superseded: the reference build "
          + DemoBuilds.OTHER_PROJECT_RUNNING + " is not a build of project my-demo-project\n");
    }

    @Test
    void aBuildThatIsNotThereIsNotFound() {
      String unknown = "my-demo-project:00000000-0000-0000-0000-000000000000";
      Cli.Result result = Cli.run("stop-superseded", "--project", "my-demo-project", "--source-version", "main",
          "--older-than", unknown);

      assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).isEqualTo("buildstop: stop-superseded: Build " + unknown + " not found\n");
    }
  }

  @Nested
  @DisplayName("against an endpoint: what each outcome exits with")
  class Outcomes {
    @RegisterExtension
    final CodeBuildExtension endpoint = CodeBuildExtension.newInstance().build();
    private final LocalCodeBuild codeBuild = new LocalCodeBuild(endpoint);

    @Test
    void aDryRunStopsNothing() {
      String first = codeBuild.startBuild("api", "pr/42");
      String second = codeBuild.startBuild("api", "pr/42");
      String newest = codeBuild.startBuild("api", "pr/42");

      Cli.Result result = codeBuild.run("stop-superseded", "--project", "api", "--source-version", "pr/42",
          "--dry-run");

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.out()).isEqualTo(report("", "", "", "", ids(second, first)));
      assertThat(List.of(first, second, newest)).extracting(codeBuild::status)
          .containsOnly("IN_PROGRESS");
      assertThat(codeBuild.backend().stopCalls()).isEmpty();
    }

    @Test
    void aNewerBuildThatCompletedStillSupersedesTheRunningOnes() {
      String first = codeBuild.startBuild("api", "main");
      String second = codeBuild.startBuild("api", "main");
      String newest = codeBuild.startBuild("api", "main");
      codeBuild.backend().complete(newest, StatusType.SUCCEEDED).get();
      String otherBranch = codeBuild.startBuild("api", "pr/7");

      Cli.Result result = codeBuild.run("stop-superseded", "--project", "api", "--source-version", "main");

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.out()).isEqualTo(report(ids(second, first), "", "", "", ""));
      assertThat(codeBuild.status(newest)).isEqualTo("SUCCEEDED");
      assertThat(codeBuild.status(otherBranch)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void throttledStopsAreReportedAndExitFive() {
      String first = codeBuild.startBuild("api", "main");
      String second = codeBuild.startBuild("api", "main");
      codeBuild.startBuild("api", "main");
      codeBuild.backend().failNextCalls(1000, new StopFailure.Throttled("Rate exceeded"));

      Cli.Result result = codeBuild.run("stop-superseded", "--project", "api", "--source-version", "main",
          "--max-attempts", "1", "--concurrency", "1");

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.THROTTLED).isEqualTo(5);
      assertThat(result.out()).isEqualTo(report("", "", "", ""
          + "        {\n"
          + "            \"id\": \"" + second + "\",\n"
          + "            \"code\": \"THROTTLED\",\n"
          + "            \"message\": \"Rate exceeded\"\n"
          + "        },\n"
          + "        {\n"
          + "            \"id\": \"" + first + "\",\n"
          + "            \"code\": \"THROTTLED\",\n"
          + "            \"message\": \"Rate exceeded\"\n"
          + "        }", ""));
      assertThat(result.err()).isEqualTo(""
          + "buildstop: stop-superseded: could not stop " + second + ": An error occurred (ThrottlingException) "
          + "when calling the StopBuild operation: Rate exceeded\n"
          + "buildstop: stop-superseded: could not stop " + first + ": An error occurred (ThrottlingException) "
          + "when calling the StopBuild operation: Rate exceeded\n"
          + "buildstop: stop-superseded: 0 stopped, 0 already complete, 0 not found, 2 failed\n");
      assertThat(List.of(first, second)).extracting(codeBuild::status).containsOnly("IN_PROGRESS");
    }

    @Test
    void aFailureAmongStopsGivesTheFirstFailuresCodeAndTheRestAreStillStopped() {
      String first = codeBuild.startBuild("api", "main");
      String second = codeBuild.startBuild("api", "main");
      codeBuild.startBuild("api", "main");
      // one stop is refused, the other goes through: one line each
      codeBuild.backend().failNextCalls(1,
          new StopFailure.AccessDenied("AccessDeniedException", "User: ci is not authorized"));

      Cli.Result result = codeBuild.run("stop-superseded", "--project", "api", "--source-version", "main",
          "--concurrency", "1");

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.ACCESS_DENIED).isEqualTo(6);
      assertThat(result.out()).contains("\"stopped\": [\n        \"" + first + "\"\n    ]",
          "\"id\": \"" + second + "\",\n            \"code\": \"ACCESS_DENIED\"");
      assertThat(result.err()).contains("could not stop " + second + ": An error occurred (AccessDeniedException)",
          "1 stopped, 0 already complete, 0 not found, 1 failed");
      assertThat(codeBuild.status(first)).isEqualTo("STOPPED");
      assertThat(codeBuild.status(second)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void anEndpointFailingWithFiveHundredsExitsSeven() {
      String first = codeBuild.startBuild("api", "main");
      codeBuild.startBuild("api", "main");
      codeBuild.backend().failNextCalls(1000, StopFailure.unavailable("the backend is down"));

      Cli.Result result = codeBuild.run("stop-superseded", "--project", "api", "--source-version", "main",
          "--max-attempts", "1");

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.UNAVAILABLE).isEqualTo(7);
      assertThat(result.out()).contains("\"id\": \"" + first + "\",\n            \"code\": \"UNAVAILABLE\"");
      assertThat(result.err()).startsWith("buildstop: stop-superseded: could not stop " + first + ": ")
          .doesNotContain("\tat ");
    }

    @Test
    void anUnknownProjectIsNotFoundAndTheCallIsNamedAsTheAwsCliNamesIt() {
      Cli.Result result = codeBuild.run("stop-superseded", "--project", "nobody", "--source-version", "main");

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).startsWith("\nAn error occurred (ResourceNotFoundException) when calling the "
          + "ListBuildsForProject operation: Project cannot be found: ");
    }
  }
}
