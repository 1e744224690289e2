package io.buildstop.domain;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildArtifacts;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.LogsLocation;
import io.buildstop.domain.model.PhaseContext;
import io.buildstop.domain.model.ProjectCache;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.ProjectSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The builds AWS publishes as CLI examples ({@code shared/spec/fixtures/awscli-example-*.json}), written out as builder
 * expressions: every member and value as the JSON has it, raw strings where the JSON has strings, timestamps from the
 * JSON's epoch-second numbers. The {@code wire} module checks the JSON side against these.
 */
public final class CapturedExamples {
  private CapturedExamples() {}

  /** A JSON timestamp (epoch seconds with a millisecond fraction, such as {@code 1556906956.318}) as an instant. */
  public static Instant epochSeconds(String json) {
    return Instant.ofEpochMilli(new BigDecimal(json).movePointRight(3).longValueExact());
  }

  /** {@code awscli-example-stop-build.json}: the build StopBuild returned, stopped in BUILD. */
  public static Build stopBuild() {
    return Build.builder()
        .startTime(epochSeconds("1556906956.318"))
        .initiator("my-aws-account-name")
        .projectName("my-demo-project")
        .currentPhaseAsString("COMPLETED")
        .cache(ProjectCache.builder()
            .typeAsString("NO_CACHE")
            .build())
        .source(ProjectSource.builder()
            .insecureSsl(false)
            .location("codebuild-us-west-2-123456789012-input-bucket/my-source.zip")
            .typeAsString("S3")
            .build())
        .id("my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE")
        .endTime(epochSeconds("1556906974.781"))
        .addPhases(
            BuildPhase.builder()
                .durationInSeconds(0L)
                .phaseTypeAsString("SUBMITTED")
                .endTime(epochSeconds("1556906956.935"))
                .phaseStatusAsString("SUCCEEDED")
                .startTime(epochSeconds("1556906956.318"))
                .build(),
            BuildPhase.builder()
                .durationInSeconds(1L)
                .phaseTypeAsString("QUEUED")
                .endTime(epochSeconds("1556906958.272"))
                .phaseStatusAsString("SUCCEEDED")
                .startTime(epochSeconds("1556906956.935"))
                .build(),
            BuildPhase.builder()
                .phaseTypeAsString("PROVISIONING")
                .phaseStatusAsString("SUCCEEDED")
                .durationInSeconds(14L)
                .addContexts(emptyContext())
                .endTime(epochSeconds("1556906972.847"))
                .startTime(epochSeconds("1556906958.272"))
                .build(),
            BuildPhase.builder()
                .phaseTypeAsString("DOWNLOAD_SOURCE")
                .phaseStatusAsString("SUCCEEDED")
                .durationInSeconds(0L)
                .addContexts(emptyContext())
                .endTime(epochSeconds("1556906973.552"))
                .startTime(epochSeconds("1556906972.847"))
                .build(),
            BuildPhase.builder()
                .phaseTypeAsString("INSTALL")
                .phaseStatusAsString("SUCCEEDED")
                .durationInSeconds(0L)
                .addContexts(emptyContext())
                .endTime(epochSeconds("1556906973.75"))
                .startTime(epochSeconds("1556906973.552"))
                .build(),
            BuildPhase.builder()
                .phaseTypeAsString("PRE_BUILD")
                .phaseStatusAsString("SUCCEEDED")
                .durationInSeconds(0L)
                .addContexts(emptyContext())
                .endTime(epochSeconds("1556906973.937"))
                .startTime(epochSeconds("1556906973.75"))
                .build(),
            BuildPhase.builder()
                .durationInSeconds(0L)
                .phaseTypeAsString("BUILD")
                .endTime(epochSeconds("1556906974.781"))
                .phaseStatusAsString("STOPPED")
                .startTime(epochSeconds("1556906973.937"))
                .build(),
            BuildPhase.builder()
                .phaseTypeAsString("COMPLETED")
                .startTime(epochSeconds("1556906974.781"))
                .build())
        .artifacts(BuildArtifacts.builder()
            .location("arn:aws:s3:::artifacts-override/my-demo-project")
            .encryptionDisabled(false)
            .overrideArtifactName(true)
            .build())
        .buildComplete(true)
        .buildStatusAsString("STOPPED")
        .encryptionKey("arn:aws:kms:us-west-2:123456789012:alias/aws/s3")
        .serviceRole("arn:aws:iam::123456789012:role/service-role/my-codebuild-service-role")
        .queuedTimeoutInMinutes(5)
        .timeoutInMinutes(60)
        .environment(ProjectEnvironment.builder()
            .typeAsString("LINUX_CONTAINER")
            .hasEnvironmentVariables(true)
            .computeTypeAsString("BUILD_GENERAL1_MEDIUM")
            .privilegedMode(false)
            .image("aws/codebuild/standard:1.0")
            .imagePullCredentialsTypeAsString("CODEBUILD")
            .build())
        .logs(LogsLocation.builder()
            .streamName("1a2b3c4d-5678-90ab-cdef-11111EXAMPLE")
            .deepLink("https://console.aws.amazon.com/cloudwatch/home?region=us-west-2#logEvent:group=/aws/codebuild"
                + "/my-demo-project;stream=1a2b3c4d-5678-90ab-cdef-11111EXAMPLE")
            .groupName("/aws/codebuild/my-demo-project")
            .build())
        .arn("arn:aws:codebuild:us-west-2:123456789012:build/my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE")
        .build();
  }

  /**
   * The stop capture's build just before the stop, derived as spec §4 (last paragraph) says: BUILD open, no COMPLETED
   * marker, IN_PROGRESS, no endTime, not complete, currentPhase BUILD; every other member as captured.
   */
  public static Build stopBuildBeforeTheStop() {
    Build stopped = stopBuild();
    List<BuildPhase> phases = new ArrayList<>(stopped.phases().subList(0, stopped.phases().size() - 2));
    BuildPhase build = stopped.phases().get(stopped.phases().size() - 2);
    phases.add(BuildPhase.builder()
        .phaseTypeAsString(build.phaseTypeAsString())
        .startTime(build.startTime())
        .build());
    return stopped.withPhases(phases)
        .withBuildStatusAsString("IN_PROGRESS")
        .withEndTime(Optional.empty())
        .withBuildComplete(false)
        .withCurrentPhaseAsString("BUILD");
  }

  /** When the captured stop happened: the stopped phase's end, the marker's start and the build's end. */
  public static Instant stopBuildInstant() {
    return epochSeconds("1556906974.781");
  }

  /** {@code awscli-example-start-build.json}: the build StartBuild returned, queued. */
  public static Build startBuild() {
    return Build.builder()
        .serviceRole("arn:aws:iam::123456789012:role/service-role/my-codebuild-service-role")
        .buildStatusAsString("IN_PROGRESS")
        .buildComplete(false)
        .projectName("my-demo-project")
        .timeoutInMinutes(60)
        .source(ProjectSource.builder()
            .insecureSsl(false)
            .typeAsString("S3")
            .location("codebuild-us-west-2-123456789012-input-bucket/my-source.zip")
            .build())
        .queuedTimeoutInMinutes(5)
        .encryptionKey("arn:aws:kms:us-west-2:123456789012:alias/aws/s3")
        .currentPhaseAsString("QUEUED")
        .startTime(epochSeconds("1556905683.568"))
        .environment(ProjectEnvironment.builder()
            .computeTypeAsString("BUILD_GENERAL1_MEDIUM")
            .hasEnvironmentVariables(true)
            .typeAsString("LINUX_CONTAINER")
            .privilegedMode(false)
            .image("aws/codebuild/standard:1.0")
            .imagePullCredentialsTypeAsString("CODEBUILD")
            .build())
        .addPhases(
            BuildPhase.builder()
                .phaseStatusAsString("SUCCEEDED")
                .startTime(epochSeconds("1556905683.568"))
                .phaseTypeAsString("SUBMITTED")
                .durationInSeconds(0L)
                .endTime(epochSeconds("1556905684.524"))
                .build(),
            BuildPhase.builder()
                .startTime(epochSeconds("1556905684.524"))
                .phaseTypeAsString("QUEUED")
                .build())
        .logs(LogsLocation.builder()
            .deepLink("https://console.aws.amazon.com/cloudwatch/home?region=us-west-2#logEvent:group=null;stream=null")
            .build())
        .artifacts(BuildArtifacts.builder()
            .encryptionDisabled(false)
            .location("arn:aws:s3:::artifacts-override/my-demo-project")
            .overrideArtifactName(true)
            .build())
        .cache(ProjectCache.builder()
            .typeAsString("NO_CACHE")
            .build())
        .id("my-demo-project::12345678-a1b2-c3d4-e5f6-11111EXAMPLE")
        .initiator("my-aws-account-name")
        .arn("arn:aws:codebuild:us-west-2:123456789012:build/my-demo-project::12345678-a1b2-c3d4-e5f6-11111EXAMPLE")
        .build();
  }

  /**
   * What StartBuild started from in the start capture: its identity and configuration, without the members
   * {@code BuildLifecycle.start} sets (phases, status, current phase, completeness, start and end time).
   */
  public static Build startBuildConfiguration() {
    return startBuild()
        .withPhases(List.of())
        .withHasPhases(false)
        .withBuildStatusAsString(Optional.empty())
        .withCurrentPhaseAsString(Optional.empty())
        .withBuildComplete(Optional.empty())
        .withStartTime(Optional.empty());
  }

  private static PhaseContext emptyContext() {
    return PhaseContext.builder().message("").statusCode("").build();
  }
}
