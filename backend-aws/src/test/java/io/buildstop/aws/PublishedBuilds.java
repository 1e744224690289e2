package io.buildstop.aws;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildArtifacts;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.CacheType;
import io.buildstop.domain.model.CloudWatchLogsConfig;
import io.buildstop.domain.model.ComputeType;
import io.buildstop.domain.model.EnvironmentType;
import io.buildstop.domain.model.ImagePullCredentialsType;
import io.buildstop.domain.model.LogsConfigStatusType;
import io.buildstop.domain.model.LogsLocation;
import io.buildstop.domain.model.PhaseContext;
import io.buildstop.domain.model.ProjectCache;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.ProjectSource;
import io.buildstop.domain.model.S3LogsConfig;
import io.buildstop.domain.model.SourceType;
import io.buildstop.domain.model.StatusType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The builds AWS publishes in {@code shared/spec/fixtures/}, transcribed by hand, member for member, into domain
 * builders: the oracle of {@link ReplayTest}, independent of the SDK and of any JSON codec. A list the fixture sends
 * empty ({@code "environmentVariables": []}) is present and empty; a member the fixture omits is absent.
 */
final class PublishedBuilds {
  private PublishedBuilds() {}

  private static final String SERVICE_ROLE = "arn:aws:iam::123456789012:role/service-role/my-codebuild-service-role";
  private static final String S3_KEY = "arn:aws:kms:us-west-2:123456789012:alias/aws/s3";
  private static final String MY_SOURCE_ZIP = "codebuild-us-west-2-123456789012-input-bucket/my-source.zip";
  private static final PhaseContext EMPTY_CONTEXT = PhaseContext.builder().statusCode("").message("").build();

  /** {@code awscli-example-stop-build.json}: a build stopped in its BUILD phase. */
  static Build stopBuild() {
    return Build.builder()
        .startTime(t("1556906956.318"))
        .initiator("my-aws-account-name")
        .projectName("my-demo-project")
        .currentPhase(BuildPhaseType.COMPLETED)
        .cache(ProjectCache.builder().type(CacheType.NO_CACHE).build())
        .source(ProjectSource.builder().insecureSsl(false).location(MY_SOURCE_ZIP).type(SourceType.S3).build())
        .id("my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE")
        .endTime(t("1556906974.781"))
        .addPhases(
            closed(BuildPhaseType.SUBMITTED, StatusType.SUCCEEDED, 0, "1556906956.935", "1556906956.318"),
            closed(BuildPhaseType.QUEUED, StatusType.SUCCEEDED, 1, "1556906958.272", "1556906956.935"),
            withContext(closed(BuildPhaseType.PROVISIONING, StatusType.SUCCEEDED, 14, "1556906972.847",
                "1556906958.272")),
            withContext(closed(BuildPhaseType.DOWNLOAD_SOURCE, StatusType.SUCCEEDED, 0, "1556906973.552",
                "1556906972.847")),
            withContext(closed(BuildPhaseType.INSTALL, StatusType.SUCCEEDED, 0, "1556906973.75", "1556906973.552")),
            withContext(closed(BuildPhaseType.PRE_BUILD, StatusType.SUCCEEDED, 0, "1556906973.937",
                "1556906973.75")),
            closed(BuildPhaseType.BUILD, StatusType.STOPPED, 0, "1556906974.781", "1556906973.937"),
            open(BuildPhaseType.COMPLETED, "1556906974.781"))
        .artifacts(BuildArtifacts.builder()
            .location("arn:aws:s3:::artifacts-override/my-demo-project")
            .encryptionDisabled(false)
            .overrideArtifactName(true)
            .build())
        .buildComplete(true)
        .buildStatus(StatusType.STOPPED)
        .encryptionKey(S3_KEY)
        .serviceRole(SERVICE_ROLE)
        .queuedTimeoutInMinutes(5)
        .timeoutInMinutes(60)
        .environment(ProjectEnvironment.builder()
            .type(EnvironmentType.LINUX_CONTAINER)
            .environmentVariables(List.of())
            .hasEnvironmentVariables(true)
            .computeType(ComputeType.BUILD_GENERAL1_MEDIUM)
            .privilegedMode(false)
            .image("aws/codebuild/standard:1.0")
            .imagePullCredentialsType(ImagePullCredentialsType.CODEBUILD)
            .build())
        .logs(LogsLocation.builder()
            .streamName("1a2b3c4d-5678-90ab-cdef-11111EXAMPLE")
            .deepLink("https://console.aws.amazon.com/cloudwatch/home?region=us-west-2#logEvent:group="
                + "/aws/codebuild/my-demo-project;stream=1a2b3c4d-5678-90ab-cdef-11111EXAMPLE")
            .groupName("/aws/codebuild/my-demo-project")
            .build())
        .arn("arn:aws:codebuild:us-west-2:123456789012:build/my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE")
        .build();
  }

  /** {@code awscli-example-start-build.json}: a build just started, QUEUED. */
  static Build startBuild() {
    return Build.builder()
        .serviceRole(SERVICE_ROLE)
        .buildStatus(StatusType.IN_PROGRESS)
        .buildComplete(false)
        .projectName("my-demo-project")
        .timeoutInMinutes(60)
        .source(ProjectSource.builder().insecureSsl(false).type(SourceType.S3).location(MY_SOURCE_ZIP).build())
        .queuedTimeoutInMinutes(5)
        .encryptionKey(S3_KEY)
        .currentPhase(BuildPhaseType.QUEUED)
        .startTime(t("1556905683.568"))
        .environment(ProjectEnvironment.builder()
            .computeType(ComputeType.BUILD_GENERAL1_MEDIUM)
            .environmentVariables(List.of())
            .hasEnvironmentVariables(true)
            .type(EnvironmentType.LINUX_CONTAINER)
            .privilegedMode(false)
            .image("aws/codebuild/standard:1.0")
            .imagePullCredentialsType(ImagePullCredentialsType.CODEBUILD)
            .build())
        .addPhases(
            closed(BuildPhaseType.SUBMITTED, StatusType.SUCCEEDED, 0, "1556905684.524", "1556905683.568"),
            open(BuildPhaseType.QUEUED, "1556905684.524"))
        .logs(LogsLocation.builder()
            .deepLink("https://console.aws.amazon.com/cloudwatch/home?region=us-west-2#logEvent:group=null;stream=null")
            .build())
        .artifacts(BuildArtifacts.builder()
            .encryptionDisabled(false)
            .location("arn:aws:s3:::artifacts-override/my-demo-project")
            .overrideArtifactName(true)
            .build())
        .cache(ProjectCache.builder().type(CacheType.NO_CACHE).build())
        .id("my-demo-project::12345678-a1b2-c3d4-e5f6-11111EXAMPLE")
        .initiator("my-aws-account-name")
        .arn("arn:aws:codebuild:us-west-2:123456789012:build/my-demo-project::12345678-a1b2-c3d4-e5f6-11111EXAMPLE")
        .build();
  }

  /** The first build of {@code awscli-example-batch-get-builds.json}: a CodePipeline build that succeeded. */
  static Build batchGetBuildsFirst() {
    return Build.builder()
        .artifacts(BuildArtifacts.builder()
            .md5sum("0e95edf915048a0c22efe6d139fff837")
            .location("arn:aws:s3:::codepipeline-us-west-2-820783811474/CodeBuild-Python-Pip/BuildArtif/6DJsqQa")
            .encryptionDisabled(false)
            .sha256sum("cfa0df33a090966a737f64ae4fe498969fdc842a0c9aec540bf93c37ac0d05a2")
            .build())
        .logs(logs("46472baf-8f6b-43c2-9255-b3b963af2732"))
        .timeoutInMinutes(60)
        .environment(windowsEnvironment())
        .projectName("codebuild-demo-project")
        .buildComplete(true)
        .source(ProjectSource.builder().gitCloneDepth(1).insecureSsl(false).type(SourceType.CODEPIPELINE).build())
        .buildStatus(StatusType.SUCCEEDED)
        .secondaryArtifacts(List.of())
        .hasSecondaryArtifacts(true)
        .addPhases(
            closed(BuildPhaseType.SUBMITTED, StatusType.SUCCEEDED, 0, "1548717462.484", "1548717462.122"),
            closed(BuildPhaseType.QUEUED, StatusType.SUCCEEDED, 0, "1548717462.775", "1548717462.484"),
            withContext(closed(BuildPhaseType.PROVISIONING, StatusType.SUCCEEDED, 34, "1548717496.909",
                "1548717462.775")),
            withContext(closed(BuildPhaseType.DOWNLOAD_SOURCE, StatusType.SUCCEEDED, 15, "1548717512.555",
                "1548717496.909")),
            withContext(closed(BuildPhaseType.INSTALL, StatusType.SUCCEEDED, 0, "1548717512.734",
                "1548717512.555")),
            withContext(closed(BuildPhaseType.PRE_BUILD, StatusType.SUCCEEDED, 0, "1548717512.924",
                "1548717512.734")),
            withContext(closed(BuildPhaseType.BUILD, StatusType.SUCCEEDED, 9, "1548717522.254", "1548717512.924")),
            withContext(closed(BuildPhaseType.POST_BUILD, StatusType.SUCCEEDED, 3, "1548717525.498",
                "1548717522.254")),
            withContext(closed(BuildPhaseType.UPLOAD_ARTIFACTS, StatusType.SUCCEEDED, 9, "1548717534.646",
                "1548717525.498")),
            withContext(closed(BuildPhaseType.FINALIZING, StatusType.SUCCEEDED, 2, "1548717536.846",
                "1548717534.646")),
            open(BuildPhaseType.COMPLETED, "1548717536.846"))
        .startTime(t("1548717462.122"))
        .encryptionKey(S3_KEY)
        .initiator("codepipeline/CodeBuild-Pipeline")
        .secondarySources(List.of())
        .hasSecondarySources(true)
        .serviceRole(SERVICE_ROLE)
        .currentPhase(BuildPhaseType.COMPLETED)
        .id("codebuild-demo-project:e9c4f4df-3f43-41d2-ab3a-60fe2EXAMPLE")
        .cache(ProjectCache.builder().type(CacheType.NO_CACHE).build())
        .sourceVersion("arn:aws:s3:::codepipeline-us-west-2-820783811474/CodeBuild-Python-Pip/SourceArti/1TspnN3.zip")
        .endTime(t("1548717536.846"))
        .arn("arn:aws:codebuild:us-west-2:123456789012:build/codebuild-demo-project:e9c4f4df-3f43-41d2-ab3a-60fe2EXAMPLE")
        .queuedTimeoutInMinutes(480)
        .resolvedSourceVersion("f2194c1757bbdcb0f8f229254a4b3c8b27d43e0b")
        .build();
  }

  /** The second build of {@code awscli-example-batch-get-builds.json}: a GitHub build that succeeded. */
  static Build batchGetBuildsSecond() {
    return Build.builder()
        .artifacts(BuildArtifacts.builder()
            .md5sum("")
            .overrideArtifactName(false)
            .location("arn:aws:s3:::my-artifacts/codebuild-demo-project")
            .encryptionDisabled(false)
            .sha256sum("")
            .build())
        .logs(logs("4dea3ca4-20ec-4898-b22a-a9eb9292775d"))
        .timeoutInMinutes(60)
        .environment(windowsEnvironment())
        .projectName("codebuild-demo-project")
        .buildComplete(true)
        .source(ProjectSource.builder()
            .gitCloneDepth(1)
            .location("https://github.com/my-repo/codebuild-demo-project.git")
            .insecureSsl(false)
            .reportBuildStatus(false)
            .type(SourceType.GITHUB)
            .build())
        .buildStatus(StatusType.SUCCEEDED)
        .secondaryArtifacts(List.of())
        .hasSecondaryArtifacts(true)
        .addPhases(
            closed(BuildPhaseType.SUBMITTED, StatusType.SUCCEEDED, 0, "1548716242.241", "1548716241.89"),
            closed(BuildPhaseType.QUEUED, StatusType.SUCCEEDED, 0, "1548716242.536", "1548716242.241"),
            withContext(closed(BuildPhaseType.PROVISIONING, StatusType.SUCCEEDED, 33, "1548716276.171",
                "1548716242.536")),
            withContext(closed(BuildPhaseType.DOWNLOAD_SOURCE, StatusType.SUCCEEDED, 15, "1548716291.809",
                "1548716276.171")),
            withContext(closed(BuildPhaseType.INSTALL, StatusType.SUCCEEDED, 0, "1548716291.993",
                "1548716291.809")),
            withContext(closed(BuildPhaseType.PRE_BUILD, StatusType.SUCCEEDED, 0, "1548716292.191",
                "1548716291.993")),
            withContext(closed(BuildPhaseType.BUILD, StatusType.SUCCEEDED, 9, "1548716301.622", "1548716292.191")),
            withContext(closed(BuildPhaseType.POST_BUILD, StatusType.SUCCEEDED, 3, "1548716304.783",
                "1548716301.622")),
            withContext(closed(BuildPhaseType.UPLOAD_ARTIFACTS, StatusType.SUCCEEDED, 8, "1548716313.775",
                "1548716304.783")),
            withContext(closed(BuildPhaseType.FINALIZING, StatusType.SUCCEEDED, 2, "1548716315.935",
                "1548716313.775")),
            open(BuildPhaseType.COMPLETED, "1548716315.935"))
        .startTime(t("1548716241.89"))
        .secondarySourceVersions(List.of())
        .hasSecondarySourceVersions(true)
        .initiator("my-codebuild-project")
        .arn("arn:aws:codebuild:us-west-2:123456789012:build/codebuild-demo-project:815e755f-bade-4a7e-80f0-efe51EXAMPLE")
        .encryptionKey(S3_KEY)
        .serviceRole(SERVICE_ROLE)
        .currentPhase(BuildPhaseType.COMPLETED)
        .id("codebuild-demo-project:815e755f-bade-4a7e-80f0-efe51EXAMPLE")
        .cache(ProjectCache.builder().type(CacheType.NO_CACHE).build())
        .endTime(t("1548716315.935"))
        .secondarySources(List.of())
        .hasSecondarySources(true)
        .queuedTimeoutInMinutes(480)
        .resolvedSourceVersion("f2194c1757bbdcb0f8f229254a4b3c8b27d43e0b")
        .build();
  }

  /** An epoch-seconds JSON number as the instant it denotes, exactly (no floating point). */
  static Instant t(String epochSeconds) {
    BigDecimal value = new BigDecimal(epochSeconds);
    long seconds = value.longValue();
    int nanos = value.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).intValueExact();
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private static ProjectEnvironment windowsEnvironment() {
    return ProjectEnvironment.builder()
        .privilegedMode(false)
        .computeType(ComputeType.BUILD_GENERAL1_MEDIUM)
        .image("aws/codebuild/windows-base:1.0")
        .environmentVariables(List.of())
        .hasEnvironmentVariables(true)
        .type(EnvironmentType.WINDOWS_CONTAINER)
        .build();
  }

  private static LogsLocation logs(String stream) {
    return LogsLocation.builder()
        .cloudWatchLogs(CloudWatchLogsConfig.builder().status(LogsConfigStatusType.ENABLED).build())
        .s3Logs(S3LogsConfig.builder().status(LogsConfigStatusType.DISABLED).build())
        .streamName(stream)
        .groupName("/aws/codebuild/codebuild-demo-project")
        .deepLink("https://console.aws.amazon.com/cloudwatch/home?region=us-west-2#logEvent:group="
            + "/aws/codebuild/codebuild-demo-project;stream=" + stream)
        .build();
  }

  private static BuildPhase closed(BuildPhaseType type, StatusType status, long duration, String end, String start) {
    return BuildPhase.builder()
        .phaseType(type)
        .phaseStatus(status)
        .durationInSeconds(duration)
        .startTime(t(start))
        .endTime(t(end))
        .build();
  }

  private static BuildPhase open(BuildPhaseType type, String start) {
    return BuildPhase.builder().phaseType(type).startTime(t(start)).build();
  }

  private static BuildPhase withContext(BuildPhase phase) {
    return BuildPhase.builder().from(phase).addContexts(EMPTY_CONTEXT).build();
  }
}
