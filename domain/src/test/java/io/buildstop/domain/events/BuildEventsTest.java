package io.buildstop.domain.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.CapturedExamples;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildArtifacts;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.EnvironmentVariable;
import io.buildstop.domain.model.LogsLocation;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.ProjectSource;
import io.buildstop.domain.model.StatusType;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The events of each kind of transition, on hand-made builds (docs/build-events.md). */
@DisplayName("BuildEvents: the events of a build's transition")
class BuildEventsTest {

  static final String ARN =
      "arn:aws:codebuild:eu-central-1:123456789012:build/demo-project:0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9";
  static final Instant SUBMITTED_AT = Instant.parse("2024-03-01T10:00:00.250Z");

  static final Build CONFIGURATION = Build.builder()
      .id("demo-project:0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9")
      .arn(ARN)
      .projectName("demo-project")
      .buildNumber(7L)
      .initiator("ci")
      .sourceVersion("refs/heads/main")
      .timeoutInMinutes(60)
      .source(ProjectSource.builder().typeAsString("S3").location("bucket/input.zip").build())
      .artifacts(BuildArtifacts.builder().location("arn:aws:s3:::bucket/output.zip").md5sum("md5").build())
      .environment(ProjectEnvironment.builder()
          .image("aws/codebuild/standard:7.0")
          .typeAsString("LINUX_CONTAINER")
          .computeTypeAsString("BUILD_GENERAL1_SMALL")
          .privilegedMode(false)
          .addEnvironmentVariables(EnvironmentVariable.builder().name("STAGE").value("s3cr3t").typeAsString("PLAINTEXT")
              .build())
          .build())
      .logs(LogsLocation.builder().groupName("/aws/codebuild/demo-project").streamName("0f1e2d3c")
          .deepLink("https://console.aws.amazon.com/cloudwatch/home").build())
      .build();

  static Build started() {
    return BuildLifecycle.start(CONFIGURATION, SUBMITTED_AT, SUBMITTED_AT.plusMillis(1_500));
  }

  static List<String> kinds(List<BuildEvent> events) {
    return events.stream().map(event -> event instanceof BuildStateChange
        ? "state " + ((BuildStateChange) event).detail().buildStatusAsString().orElseThrow()
        : "phase " + ((BuildPhaseChange) event).detail().completedPhaseAsString().orElseThrow() + " "
            + ((BuildPhaseChange) event).detail().completedPhaseStatusAsString().orElseThrow())
        .collect(Collectors.toList());
  }

  @Nested
  @DisplayName("a start")
  class Start {
    @Test
    void aStartEmitsTheInProgressStateChangeAndThenTheSubmittedPhase() {
      Instant at = SUBMITTED_AT.plusMillis(1_500);

      List<BuildEvent> events = BuildEvents.of(CONFIGURATION, started(), at);

      assertThat(kinds(events)).containsExactly("state IN_PROGRESS", "phase SUBMITTED SUCCEEDED");
      BuildStateChange start = (BuildStateChange) events.get(0);
      assertThat(start.detail().currentPhase()).contains(BuildPhaseType.QUEUED);
      assertThat(start.detail().currentPhaseContext()).contains("[]");
      assertThat(start.detail().buildId()).contains(ARN);
      assertThat(start.detail().projectName()).contains("demo-project");
      assertThat(start.detail().version()).contains("1");
    }

    @Test
    void theEnvelopeIsEventBridgesWithTheAccountAndRegionOfTheBuildArn() {
      Instant at = Instant.parse("2024-03-01T10:00:01.750Z");

      BuildEvent start = BuildEvents.of(CONFIGURATION, started(), at).get(0);

      assertThat(start.version()).isEqualTo("0");
      assertThat(start.detailType()).isEqualTo("CodeBuild Build State Change");
      assertThat(start.source()).isEqualTo("aws.codebuild");
      assertThat(start.account()).isEqualTo("123456789012");
      assertThat(start.region()).isEqualTo("eu-central-1");
      assertThat(start.resources()).containsExactly(ARN);
      assertThat(start.time()).isEqualTo(Instant.parse("2024-03-01T10:00:01Z"));
    }

    @Test
    void theAdditionalInformationIsTheBuildAfterTheTransitionInTheEventsNames() {
      AdditionalInformation information = ((BuildStateChange) BuildEvents.of(CONFIGURATION, started(), SUBMITTED_AT)
          .get(0)).detail().additionalInformation().orElseThrow();

      assertThat(information.initiator()).contains("ci");
      assertThat(information.buildComplete()).contains(false);
      assertThat(information.timeoutInMinutes()).contains(60);
      assertThat(information.sourceVersion()).contains("refs/heads/main");
      assertThat(information.buildStartTime()).contains(Instant.parse("2024-03-01T10:00:00Z"));
      assertThat(information.source().orElseThrow().typeAsString()).contains("S3");
      assertThat(information.artifact().orElseThrow().md5sum()).contains("md5");
      assertThat(information.environment().orElseThrow().environmentVariables())
          .extracting(variable -> variable.value().orElseThrow()).containsExactly("s3cr3t");
      assertThat(information.logs().orElseThrow().groupName()).contains("/aws/codebuild/demo-project");
      // the closed SUBMITTED phase carries phase-context [], the running QUEUED one start and type only
      assertThat(information.phases()).hasSize(2);
      assertThat(information.phases().get(0).hasPhaseContext()).isTrue();
      assertThat(information.phases().get(0).phaseStatus()).contains(StatusType.SUCCEEDED);
      assertThat(information.phases().get(1).hasPhaseContext()).isFalse();
      assertThat(information.phases().get(1).endTime()).isEmpty();
    }

    @Test
    void theCurrentPhaseContextIsTheContextsOfTheBuildsLastPhase() {
      Build started = started();
      io.buildstop.domain.model.BuildPhase queued = started.phases().get(1).withContexts(
          io.buildstop.domain.model.PhaseContext.builder().statusCode("").message("waiting for capacity").build());
      Build waiting = started.withPhases(started.phases().get(0), queued);

      BuildStateChange start = (BuildStateChange) BuildEvents.of(CONFIGURATION, waiting, SUBMITTED_AT).get(0);

      assertThat(start.detail().currentPhaseContext()).contains("[: waiting for capacity]");
    }

    @Test
    void theSecretValueOfAnEnvironmentVariableIsMaskedInTheEventsText() {
      List<BuildEvent> events = BuildEvents.of(CONFIGURATION, started(), SUBMITTED_AT);

      assertThat(events.toString()).doesNotContain("s3cr3t");
    }
  }

  @Nested
  @DisplayName("a phase advance")
  class Advance {
    @Test
    void anAdvanceEmitsOnePhaseChangeForThePhaseThatEnded() {
      Build running = started();
      Instant at = SUBMITTED_AT.plusSeconds(30);

      List<BuildEvent> events = BuildEvents.of(running, BuildLifecycle.advance(running, at), at);

      assertThat(kinds(events)).containsExactly("phase QUEUED SUCCEEDED");
      BuildPhaseChangeDetail detail = ((BuildPhaseChange) events.get(0)).detail();
      assertThat(detail.completedPhaseStart()).contains(Instant.parse("2024-03-01T10:00:01Z"));
      assertThat(detail.completedPhaseEnd()).contains(Instant.parse("2024-03-01T10:00:30Z"));
      // 1.75 s to 30.25 s: 28.5 s, floored as the build's duration is (spec §3.4)
      assertThat(detail.completedPhaseDurationSeconds()).contains(28L);
      assertThat(detail.completedPhaseContext()).contains("[]");
    }

    @Test
    void aRunningBuildThatClosesNoPhaseAndKeepsRunningEmitsNothing() {
      Build running = started();
      Instant at = SUBMITTED_AT.plusSeconds(30);

      // put over itself, or changed in what no event tells (its source version): no phase closed, still running
      assertThat(BuildEvents.of(running, running, at)).isEmpty();
      assertThat(BuildEvents.of(running, running.withSourceVersion("refs/heads/other"), at)).isEmpty();
    }

    @Test
    void aPhaseClosedWithCodeBuildsEmptyContextReportsItAsColonSpace() {
      Build inProvisioning = BuildLifecycle.advance(started(), SUBMITTED_AT.plusSeconds(10));
      Instant at = SUBMITTED_AT.plusSeconds(20);

      BuildPhaseChange provisioned = (BuildPhaseChange) BuildEvents.of(inProvisioning,
          BuildLifecycle.advance(inProvisioning, at), at).get(0);

      assertThat(provisioned.detail().completedPhase()).contains(BuildPhaseType.PROVISIONING);
      assertThat(provisioned.detail().completedPhaseContext()).contains("[: ]");
      EventPhase phase = provisioned.detail().additionalInformation().orElseThrow().phases().get(2);
      assertThat(phase.phaseContext()).containsExactly(": ");
    }
  }

  @Nested
  @DisplayName("a stop (spec §4.10)")
  class Stop {
    @Test
    void aStopOfARunningBuildEmitsExactlyTheStoppedPhaseAndTheStoppedState() {
      Build before = CapturedExamples.stopBuildBeforeTheStop();
      Instant at = CapturedExamples.stopBuildInstant();

      List<BuildEvent> events = BuildEvents.of(before, StopRules.stop(before, at), at);

      assertThat(kinds(events)).containsExactly("phase BUILD STOPPED", "state STOPPED");
      BuildStateChangeDetail stopped = ((BuildStateChange) events.get(1)).detail();
      assertThat(stopped.currentPhase()).contains(BuildPhaseType.COMPLETED);
      assertThat(stopped.additionalInformation().orElseThrow().buildComplete()).contains(true);
      List<EventPhase> phases = stopped.additionalInformation().orElseThrow().phases();
      EventPhase marker = phases.get(phases.size() - 1);
      assertThat(marker.phaseType()).contains(BuildPhaseType.COMPLETED);
      assertThat(marker.phaseStatusAsString()).isEmpty();
      assertThat(marker.hasPhaseContext()).isFalse();
    }

    @Test
    void aNoOpStopOfACompleteBuildEmitsNothing() {
      Build complete = CapturedExamples.stopBuild();
      Instant at = CapturedExamples.stopBuildInstant().plusSeconds(5);

      assertThat(BuildEvents.of(complete, StopRules.stop(complete, at), at)).isEmpty();
    }

    @Test
    void theSameStopGetsTheSameIdsAndEveryEventOfABuildItsOwn() {
      Build before = CapturedExamples.stopBuildBeforeTheStop();
      Instant at = CapturedExamples.stopBuildInstant();

      List<BuildEvent> first = BuildEvents.of(before, StopRules.stop(before, at), at);
      List<BuildEvent> again = BuildEvents.of(before, StopRules.stop(before, at), at);

      assertThat(again).isEqualTo(first);
      assertThat(first.get(0).id()).isNotEqualTo(first.get(1).id());
      assertThat(first.get(0).id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void theIdsComeFromTheGivenSource() {
      Build before = CapturedExamples.stopBuildBeforeTheStop();
      Instant at = CapturedExamples.stopBuildInstant();

      List<BuildEvent> events = BuildEvents.of(before, StopRules.stop(before, at), at,
          (arn, detailType, subject) -> detailType + "/" + subject);

      assertThat(events).extracting(BuildEvent::id)
          .containsExactly("CodeBuild Build Phase Change/BUILD", "CodeBuild Build State Change/STOPPED");
    }
  }

  @Nested
  @DisplayName("a completion")
  class Completion {
    @Test
    void aFailedBuildReportsItsFailedPhaseThePhasesCodeBuildStillRunsAndItsFinalStatus() {
      Build running = started();
      for (int step = 0; step < 5; step++) {
        running = BuildLifecycle.advance(running, SUBMITTED_AT.plusSeconds(10L * (step + 1)));
      }
      assertThat(running.currentPhase()).contains(BuildPhaseType.BUILD);
      Instant at = SUBMITTED_AT.plusSeconds(100);

      List<BuildEvent> events = BuildEvents.of(running, BuildLifecycle.complete(running, StatusType.FAILED, at), at);

      assertThat(kinds(events)).containsExactly("phase BUILD FAILED", "phase UPLOAD_ARTIFACTS SUCCEEDED",
          "phase FINALIZING SUCCEEDED", "state FAILED");
    }

    @Test
    void advancingPastFinalizingEndsTheBuildAsSucceeded() {
      Build running = started();
      for (int step = 0; step < 8; step++) {
        running = BuildLifecycle.advance(running, SUBMITTED_AT.plusSeconds(10L * (step + 1)));
      }
      assertThat(running.currentPhase()).contains(BuildPhaseType.FINALIZING);
      Instant at = SUBMITTED_AT.plusSeconds(100);

      List<BuildEvent> events = BuildEvents.of(running, BuildLifecycle.advance(running, at), at);

      assertThat(kinds(events)).containsExactly("phase FINALIZING SUCCEEDED", "state SUCCEEDED");
    }

    @Test
    void nothingHappensToABuildThatNeverRan() {
      assertThat(BuildEvents.of(CONFIGURATION, CONFIGURATION.withInitiator("someone else"), SUBMITTED_AT)).isEmpty();
    }
  }

  @Test
  void contextsReadAsCodeBuildPrintsThem() {
    assertThat(BuildEvents.contextText(List.of())).isEqualTo("[]");
    assertThat(BuildEvents.contextText(List.of(
        io.buildstop.domain.model.PhaseContext.builder().statusCode("CLIENT_ERROR").message("exit status 1").build(),
        io.buildstop.domain.model.PhaseContext.builder().build())))
        .isEqualTo("[CLIENT_ERROR: exit status 1, : ]");
  }
}
