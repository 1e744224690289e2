package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.Context;
import io.buildstop.cli.internal.DemoBuilds;
import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.junit5.CodeBuildExtension;
import io.buildstop.wire.WireCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("the demo builds")
class DemoBuildsTest {
  @RegisterExtension
  final CodeBuildExtension endpoint = CodeBuildExtension.newInstance().build();
  private final LocalCodeBuild codeBuild = new LocalCodeBuild(endpoint);

  // what demo-builds lists on the in-memory default, and against serve --demo-builds before any stop
  private static final String LISTED = ""
      + "ID                                                     STATUS       PHASE\n"
      + "my-demo-project:2b3c4d5e-6789-01ab-cdef-22222EXAMPLE   IN_PROGRESS  QUEUED\n"
      + "my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE   IN_PROGRESS  BUILD\n"
      + "my-demo-project:3c4d5e6f-7890-12ab-cdef-33333EXAMPLE   IN_PROGRESS  POST_BUILD\n"
      + "my-demo-project:5e6f7a8b-9012-34ab-cdef-55555EXAMPLE   FAILED       COMPLETED\n"
      + "my-demo-project:4d5e6f7a-8901-23ab-cdef-44444EXAMPLE   SUCCEEDED    COMPLETED\n"
      + "my-other-project:6f7a8b9c-0123-45ab-cdef-66666EXAMPLE  IN_PROGRESS  PROVISIONING\n";

  static Stream<Instant> nows() {
    return Stream.of(Cli.CAPTURE_STOP, Instant.now(),
        Instant.EPOCH.plus(Duration.ofDays(20_000)).plusNanos(123_456_789));
  }

  @Test
  void theFirstIsTheAwsExampleBuildBeforeItsStop() {
    Build captured = WireCodec.STOP_BUILD_RESPONSE.decode(Fixtures.stopBuildCapture()).get();
    Build demo = DemoBuilds.all(Cli.CAPTURE_STOP.plus(DemoBuilds.EXAMPLE_STOP_BEFORE_NOW)).get(0);

    assertThat(demo.id()).contains(DemoBuilds.RUNNING_IN_BUILD);
    assertThat(StopRules.stop(demo, Cli.CAPTURE_STOP)).isEqualTo(captured);
  }

  @ParameterizedTest
  @MethodSource("nows")
  void areRealBuildsWithFixedIds(Instant now) {
    List<Build> builds = DemoBuilds.all(now);

    assertThat(builds).extracting(build -> build.id().orElseThrow()).containsExactly(
        DemoBuilds.RUNNING_IN_BUILD, DemoBuilds.RUNNING_IN_QUEUED, DemoBuilds.RUNNING_IN_POST_BUILD,
        DemoBuilds.SUCCEEDED, DemoBuilds.FAILED, DemoBuilds.OTHER_PROJECT_RUNNING);
    assertThat(builds).allSatisfy(build -> assertThat(BuildInvariants.violations(build)).isEmpty());
    assertThat(DemoBuilds.all(now)).isEqualTo(builds);
  }

  @ParameterizedTest
  @MethodSource("nows")
  void startedRecentlyAndNothingInThemLiesAfterNow(Instant now) {
    for (Build build : DemoBuilds.all(now)) {
      List<Instant> instants = Stream.concat(
              Stream.of(build.startTime(), build.endTime()),
              build.phases().stream().flatMap(phase -> Stream.of(phase.startTime(), phase.endTime())))
          .flatMap(Optional::stream)
          .toList();

      assertThat(instants).as(build.id().orElseThrow()).isNotEmpty().allSatisfy(instant ->
          assertThat(instant).isBeforeOrEqualTo(now).isAfter(now.minus(Duration.ofMinutes(10)))
              .isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS)));
    }
  }

  @Test
  void stoppingTheReadmesBuildGivesItsBuildPhaseTheDurationItRanOnTheBackendsClock() {
    Instant now = Instant.EPOCH.plus(Duration.ofDays(20_000)).plusMillis(123);
    Context atNow = new Context(Map.of(), Clock.fixed(now, ZoneOffset.UTC), resource -> resource.close());
    Instant buildPhaseStarted = buildPhase(DemoBuilds.all(now).get(0)).startTime().orElseThrow();

    Cli.Result result = Cli.run(atNow, "stop", "--id", DemoBuilds.RUNNING_IN_BUILD);
    BuildPhase stopped = buildPhase(WireCodec.STOP_BUILD_RESPONSE.decode(result.out()).get());

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(stopped.phaseStatusAsString()).contains("STOPPED");
    assertThat(stopped.durationInSeconds()).contains(Duration.between(buildPhaseStarted, now).toSeconds());
    assertThat(stopped.durationInSeconds().orElseThrow()).isBetween(1L, 600L);
  }

  @Test
  void onTheSystemClockTheStoppedPhaseRanAboutAMinuteNotYears() {
    Instant before = Instant.now();
    Cli.Result result = Cli.run(LocalCodeBuild.REAL_TIME, "stop", "--id", DemoBuilds.RUNNING_IN_BUILD);
    Instant after = Instant.now();
    Build stopped = WireCodec.STOP_BUILD_RESPONSE.decode(result.out()).get();

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(stopped.startTime().orElseThrow()).isBefore(before);
    assertThat(stopped.endTime().orElseThrow()).isBetween(before, after);
    assertThat(buildPhase(stopped).durationInSeconds().orElseThrow())
        .isBetween(DemoBuilds.EXAMPLE_STOP_BEFORE_NOW.toSeconds(),
            DemoBuilds.EXAMPLE_STOP_BEFORE_NOW.plus(Duration.between(before, after)).toSeconds() + 1);
  }

  @Test
  void theProjectsAreTheDemoBuildsProjects() {
    assertThat(DemoBuilds.all(Cli.CAPTURE_STOP).stream().map(build -> build.projectName().orElseThrow()).distinct())
        .containsExactlyElementsOf(DemoBuilds.PROJECTS);
  }

  @Test
  void theCommandListsThemWithTheirStatusAndPhaseNewestFirstProjectByProject() {
    Cli.Result result = Cli.run("demo-builds");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo(LISTED);
  }

  @Test
  void theCommandListsTheProjectsGiven() {
    Cli.Result result = Cli.run("demo-builds", "--project", "my-other-project");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo(""
        + "ID                                                     STATUS       PHASE\n"
        + "my-other-project:6f7a8b9c-0123-45ab-cdef-66666EXAMPLE  IN_PROGRESS  PROVISIONING\n");
  }

  @Test
  void againstServeTheCommandListsItsDemoBuildsAsTheyAreNow() throws Exception {
    try (InProcessServe serve = new InProcessServe("serve", "--demo-builds")) {
      String url = serve.endpoint();

      Cli.Result before = Cli.run(LocalCodeBuild.REAL_TIME, "demo-builds", "--endpoint-url", url);
      Cli.Result stop = Cli.run(LocalCodeBuild.REAL_TIME, "stop", "--endpoint-url", url, "--id",
          DemoBuilds.RUNNING_IN_BUILD);
      Cli.Result after = Cli.run(LocalCodeBuild.REAL_TIME, "demo-builds", "--endpoint-url", url);

      assertThat(before.exitCode()).as(before.toString()).isZero();
      assertThat(before.out()).isEqualTo(LISTED);
      assertThat(stop.exitCode()).as(stop.toString()).isZero();
      // serve seeded the demo builds at its start, on its clock: the stopped phase ran a minute and a little
      long buildPhaseSeconds = buildPhase(WireCodec.STOP_BUILD_RESPONSE.decode(stop.out()).get()).durationInSeconds()
          .orElseThrow();
      assertThat(buildPhaseSeconds).isBetween(DemoBuilds.EXAMPLE_STOP_BEFORE_NOW.toSeconds(), 600L);
      assertThat(after.out()).isEqualTo(LISTED.replace(DemoBuilds.RUNNING_IN_BUILD + "   IN_PROGRESS  BUILD\n",
          DemoBuilds.RUNNING_IN_BUILD + "   STOPPED      COMPLETED\n"));
      assertThat(serve.stop()).isZero();
    }
  }

  @Test
  void againstAnEndpointTheCommandListsTheBuildsOfTheProjectGiven() {
    String older = codeBuild.startBuild("api", "main");
    String newer = codeBuild.startBuild("api", "pr/42");

    Cli.Result result = codeBuild.run("demo-builds", "--project", "api");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out()).startsWith("ID ").contains(newer + "  IN_PROGRESS  QUEUED\n" + older + "  IN_PROGRESS");
  }

  @Test
  void aProjectTheEndpointDoesNotKnowIsNotFoundInTheAwsCliWords() {
    Cli.Result result = codeBuild.run("demo-builds");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("\nAn error occurred (ResourceNotFoundException) when calling the "
        + "ListBuildsForProject operation: Project cannot be found: ").contains("my-demo-project");
  }

  private static BuildPhase buildPhase(Build build) {
    return build.phases().stream().filter(phase -> phase.phaseTypeAsString().equals(Optional.of("BUILD")))
        .findFirst().orElseThrow();
  }
}
