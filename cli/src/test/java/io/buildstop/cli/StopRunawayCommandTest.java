package io.buildstop.cli;

import static io.buildstop.cli.StopSupersededCommandTest.ids;
import static io.buildstop.cli.StopSupersededCommandTest.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.DemoBuilds;
import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.junit5.CodeBuildExtension;
import io.buildstop.junit5.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("buildstop stop-runaway")
class StopRunawayCommandTest {

  @Nested
  @DisplayName("on the in-memory default, its demo builds seeded at the test's clock")
  class InMemory {
    // ages from the demo builds as seeded at the clock's instant: the AWS example's build is younger than
    // POST_BUILD's, older than the QUEUED one and the other project's
    @Test
    void stopsTheRunningBuildsThatStartedLongerAgoThanTheAge() {
      Cli.Result result = Cli.run("stop-runaway", "--project", "my-demo-project", "--project", "my-other-project",
          "--older-than", justUnderTheAgeOf(DemoBuilds.RUNNING_IN_BUILD));

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.err()).isEmpty();
      assertThat(result.out())
          .isEqualTo(report(ids(DemoBuilds.RUNNING_IN_BUILD, DemoBuilds.RUNNING_IN_POST_BUILD), "", "", "", ""));
    }

    @Test
    void aLongerAgeStopsFewerAndNoneIsNoError() {
      assertThat(Cli.run("stop-runaway", "--project", "my-demo-project", "--older-than",
          justUnderTheAgeOf(DemoBuilds.RUNNING_IN_POST_BUILD)).out())
          .isEqualTo(report(ids(DemoBuilds.RUNNING_IN_POST_BUILD), "", "", "", ""));
      Cli.Result none = Cli.run("stop-runaway", "--project", "my-demo-project", "--older-than",
          ageOf(DemoBuilds.RUNNING_IN_POST_BUILD).plusMillis(1).toString());
      assertThat(none.exitCode()).isZero();
      assertThat(none.out()).isEqualTo(report("", "", "", "", ""));
    }

    @Test
    void aDryRunReportsWhatItWouldStop() {
      Cli.Result result = Cli.run("stop-runaway", "--project", "my-demo-project", "--older-than",
          justUnderTheAgeOf(DemoBuilds.RUNNING_IN_BUILD), "--dry-run");

      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.out())
          .isEqualTo(report("", "", "", "", ids(DemoBuilds.RUNNING_IN_BUILD, DemoBuilds.RUNNING_IN_POST_BUILD)));
    }

    private static Duration ageOf(String id) {
      Build build = DemoBuilds.all(Cli.CAPTURE_STOP).stream().filter(demo -> demo.id().equals(Optional.of(id)))
          .findFirst().orElseThrow();
      return Duration.between(build.startTime().orElseThrow(), Cli.CAPTURE_STOP);
    }

    // as --older-than reads it (ISO-8601): the build counts as a runaway, by a millisecond
    private static String justUnderTheAgeOf(String id) {
      return ageOf(id).minusMillis(1).toString();
    }
  }

  @Nested
  @DisplayName("usage errors: exit 2")
  class UsageErrors {
    @ParameterizedTest
    @ValueSource(strings = {"two hours", "2", "-1h", "PT-2H", "2d"})
    void aBadAge(String age) {
      Cli.Result result = Cli.run("stop-runaway", "--project", "my-demo-project", "--older-than", age);

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).startsWith("buildstop: Invalid value for option '--older-than': '" + age + "'");
    }

    @Test
    void theProjectAndTheAgeAreRequired() {
      assertThat(Cli.run("stop-runaway", "--older-than", "2h").err())
          .startsWith("buildstop: Missing required option: '--project=PROJECT'");
      assertThat(Cli.run("stop-runaway", "--project", "my-demo-project").err())
          .startsWith("buildstop: Missing required option: '--older-than=DURATION'");
    }
  }

  @Nested
  @DisplayName("against an endpoint")
  class AgainstAnEndpoint {
    @RegisterExtension
    final CodeBuildExtension endpoint = CodeBuildExtension.newInstance().controllableClock().build();
    private final LocalCodeBuild codeBuild = new LocalCodeBuild(endpoint);

    @Test
    void aDryRunStopsNothingAndARealRunStopsTheRunawaysOfEveryProject(TestClock clock) {
      // the commands read the system clock; the endpoint's clock starts now, and moves back and forth
      clock.set(Instant.now().minus(Duration.ofHours(3)));
      // started three hours ago
      String api = codeBuild.startBuild("api", "main");
      String web = codeBuild.startBuild("web", "main");
      String otherProject = codeBuild.startBuild("docs", "main");
      clock.set(Instant.now());
      String young = codeBuild.startBuild("api", "main");

      Cli.Result dryRun = codeBuild.run("stop-runaway", "--project", "api", "--project", "web", "--older-than",
          "2h", "--dry-run");
      assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
      assertThat(dryRun.out()).isEqualTo(report("", "", "", "", ids(api, web)));
      assertThat(codeBuild.backend().stopCalls()).isEmpty();

      Cli.Result result = codeBuild.run("stop-runaway", "--project", "api", "--project", "web", "--older-than",
          "2h");
      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.out()).isEqualTo(report(ids(api, web), "", "", "", ""));
      assertThat(List.of(api, web, otherProject, young)).extracting(codeBuild::status)
          .containsExactly("STOPPED", "STOPPED", "IN_PROGRESS", "IN_PROGRESS");
    }

    @Test
    void aProjectThatCannotBeReadStopsNothingAtAll() {
      String api = codeBuild.startBuild("api", "main");

      Cli.Result result = codeBuild.run("stop-runaway", "--project", "api", "--project", "nobody",
          "--older-than", "0s");

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).startsWith("\nAn error occurred (ResourceNotFoundException) when calling the "
          + "ListBuildsForProject operation: Project cannot be found: ");
      assertThat(codeBuild.status(api)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void throttledStopsExitFive() {
      String api = codeBuild.startBuild("api", "main");
      codeBuild.backend().failNextCalls(1000, new StopFailure.Throttled("Rate exceeded"));

      Cli.Result result = codeBuild.run("stop-runaway", "--project", "api", "--older-than", "0s",
          "--max-attempts", "1");

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.THROTTLED);
      assertThat(result.out()).contains("\"id\": \"" + api + "\",\n            \"code\": \"THROTTLED\"");
      assertThat(result.err()).startsWith("buildstop: stop-runaway: could not stop " + api
          + ": An error occurred (ThrottlingException) when calling the StopBuild operation: Rate exceeded\n");
      assertThat(codeBuild.status(api)).isEqualTo("IN_PROGRESS");
    }
  }
}
