package io.buildstop.cli;

import io.buildstop.domain.model.AutoRetryConfig;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildArtifacts;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildStatusConfig;
import io.buildstop.domain.model.CloudWatchLogsConfig;
import io.buildstop.domain.model.ComputeConfiguration;
import io.buildstop.domain.model.DebugSession;
import io.buildstop.domain.model.DockerServer;
import io.buildstop.domain.model.DockerServerStatus;
import io.buildstop.domain.model.EnvironmentVariable;
import io.buildstop.domain.model.ExportedEnvironmentVariable;
import io.buildstop.domain.model.GitSubmodulesConfig;
import io.buildstop.domain.model.LogsLocation;
import io.buildstop.domain.model.NetworkInterface;
import io.buildstop.domain.model.PhaseContext;
import io.buildstop.domain.model.ProjectCache;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.ProjectFileSystemLocation;
import io.buildstop.domain.model.ProjectFleet;
import io.buildstop.domain.model.ProjectSource;
import io.buildstop.domain.model.ProjectSourceVersion;
import io.buildstop.domain.model.RegistryCredential;
import io.buildstop.domain.model.S3LogsConfig;
import io.buildstop.domain.model.SourceAuth;
import io.buildstop.domain.model.VpcConfig;
import java.time.Instant;
import java.util.List;

/**
 * A build with every member of every nested shape set, and the values that tell JSON printers apart: non-ASCII
 * (one character outside the BMP), every escaped character, timestamps with nanoseconds, whole seconds, before the
 * epoch, extreme longs, an enum value this version does not know, empty lists sent as {@code []}.
 */
final class EveryMemberBuild {
  static final String TRICKY = "ünïcødé ✓ 🚀 \"quoted\" back\\slash / \r\n\t\b\f \u0001\u001f \u007f \u2028";

  private EveryMemberBuild() {}

  static Build build() {
    return Build.builder()
        .id("my-demo-project:77777777-7777-7777-7777-777777777777")
        .arn("arn:aws:codebuild:us-west-2:123456789012:build/my-demo-project:77777777-7777-7777-7777-777777777777")
        .buildNumber(Long.MAX_VALUE)
        .startTime(Instant.ofEpochSecond(1556906956, 123_456_789))
        .endTime(Instant.ofEpochSecond(1556906974))
        .currentPhaseAsString("COMPLETED")
        .buildStatusAsString("CLIENT_ERROR")
        .sourceVersion("refs/heads/main")
        .resolvedSourceVersion("4f1e2d3c")
        .projectName("my-demo-project")
        .phases(List.of(
            BuildPhase.builder().phaseTypeAsString("SUBMITTED").phaseStatusAsString("SUCCEEDED")
                .startTime(Instant.ofEpochSecond(-2, 500_000_000)).endTime(Instant.ofEpochSecond(0))
                .durationInSeconds(-1L).build(),
            BuildPhase.builder().phaseTypeAsString("BUILD").phaseStatusAsString("FAILED")
                .startTime(Instant.ofEpochMilli(1)).endTime(Instant.ofEpochSecond(4_102_444_800L, 999_000_000))
                .durationInSeconds(Long.MIN_VALUE)
                .contexts(List.of(PhaseContext.builder().statusCode("COMMAND_EXECUTION_ERROR").message(TRICKY).build()))
                .build(),
            BuildPhase.builder().phaseTypeAsString("COMPLETED").startTime(Instant.ofEpochSecond(1556906974))
                .hasContexts(true).build()))
        .source(source("SOURCE1"))
        .secondarySources(List.of(source("SOURCE2"), source("SOURCE3")))
        .secondarySourceVersions(List.of(
            ProjectSourceVersion.builder().sourceIdentifier("SOURCE2").sourceVersion("v1.2.3").build()))
        .artifacts(artifacts("ARTIFACTS1"))
        .secondaryArtifacts(List.of(artifacts("ARTIFACTS2")))
        .cache(ProjectCache.builder().typeAsString("LOCAL")
            .modesAsStrings(List.of("LOCAL_DOCKER_LAYER_CACHE", "LOCAL_SOURCE_CACHE"))
            .location("my-cache").cacheNamespace("my-namespace").build())
        .environment(ProjectEnvironment.builder()
            .typeAsString("LINUX_CONTAINER")
            .image("aws/codebuild/standard:7.0")
            .computeTypeAsString("ATTRIBUTE_BASED_COMPUTE")
            .computeConfiguration(ComputeConfiguration.builder().vCpu(4L).memory(8192L).disk(Long.MAX_VALUE)
                .machineTypeAsString("GENERAL").instanceType("m5.xlarge").build())
            .fleet(ProjectFleet.builder().fleetArn("arn:aws:codebuild:us-west-2:123456789012:fleet/f").build())
            .environmentVariables(List.of(
                EnvironmentVariable.builder().name("PLAIN").value(TRICKY).typeAsString("PLAINTEXT").build(),
                EnvironmentVariable.builder().name("EMPTY").value("").typeAsString("PARAMETER_STORE").build()))
            .privilegedMode(true)
            .certificate("bucket/cert.pem")
            .registryCredential(RegistryCredential.builder().credential("arn:aws:secretsmanager:secret")
                .credentialProviderAsString("SECRETS_MANAGER").build())
            .imagePullCredentialsTypeAsString("SERVICE_ROLE")
            .dockerServer(DockerServer.builder().computeTypeAsString("BUILD_GENERAL1_LARGE")
                .securityGroupIds(List.of("sg-1", "sg-2"))
                .status(DockerServerStatus.builder().status("RUNNING").message("").build()).build())
            .build())
        .serviceRole("arn:aws:iam::123456789012:role/service-role/my-codebuild-service-role")
        .logs(LogsLocation.builder()
            .groupName("/aws/codebuild/my-demo-project").streamName("77777777").deepLink("https://example/#a;b")
            .s3DeepLink("https://s3").cloudWatchLogsArn("arn:cw").s3LogsArn("arn:s3")
            .cloudWatchLogs(CloudWatchLogsConfig.builder().statusAsString("ENABLED").groupName("g").streamName("s")
                .build())
            .s3Logs(S3LogsConfig.builder().statusAsString("DISABLED").location("bucket/logs").encryptionDisabled(true)
                .bucketOwnerAccessAsString("FULL").build())
            .build())
        .timeoutInMinutes(Integer.MAX_VALUE)
        .queuedTimeoutInMinutes(Integer.MIN_VALUE)
        .buildComplete(true)
        .initiator(TRICKY)
        .vpcConfig(VpcConfig.builder().vpcId("vpc-1").subnets(List.of("subnet-1", "subnet-2"))
            .securityGroupIds(List.of()).hasSecurityGroupIds(true).build())
        .networkInterface(NetworkInterface.builder().subnetId("subnet-1").networkInterfaceId("eni-1").build())
        .encryptionKey("arn:aws:kms:us-west-2:123456789012:alias/aws/s3")
        .exportedEnvironmentVariables(
            List.of(ExportedEnvironmentVariable.builder().name("OUT").value(TRICKY).build()))
        .reportArns(List.of()).hasReportArns(true)
        .fileSystemLocations(List.of(ProjectFileSystemLocation.builder().typeAsString("EFS").location("fs-1.efs:/")
            .mountPoint("/mnt").identifier("efs1").mountOptions("nfsvers=4.1").build()))
        .debugSession(DebugSession.builder().sessionEnabled(false).sessionTarget("target").build())
        .buildBatchArn("arn:aws:codebuild:us-west-2:123456789012:build-batch/b")
        .autoRetryConfig(AutoRetryConfig.builder().autoRetryLimit(3).autoRetryNumber(1).nextAutoRetry("n")
            .previousAutoRetry("p").build())
        .build();
  }

  private static ProjectSource source(String identifier) {
    return ProjectSource.builder()
        .typeAsString("GITHUB")
        .location("https://github.com/o/r.git")
        .gitCloneDepth(1)
        .gitSubmodulesConfig(GitSubmodulesConfig.builder().fetchSubmodules(true).build())
        .buildspec("version: 0.2\nphases:\n  build:\n    commands: [\"echo ✓\"]\n")
        .auth(SourceAuth.builder().typeAsString("OAUTH").resource("token").build())
        .reportBuildStatus(true)
        .buildStatusConfig(BuildStatusConfig.builder().context("ctx").targetUrl("https://example").build())
        .insecureSsl(false)
        .sourceIdentifier(identifier)
        .build();
  }

  private static BuildArtifacts artifacts(String identifier) {
    return BuildArtifacts.builder()
        .location("arn:aws:s3:::bucket/" + identifier)
        .sha256sum("").md5sum("d41d8cd98f00b204e9800998ecf8427e")
        .overrideArtifactName(false).encryptionDisabled(true)
        .artifactIdentifier(identifier)
        .bucketOwnerAccessAsString("READ_ONLY")
        .build();
  }
}
