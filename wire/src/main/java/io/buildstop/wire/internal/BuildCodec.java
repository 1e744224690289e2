package io.buildstop.wire.internal;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildArtifacts;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.ExportedEnvironmentVariable;
import io.buildstop.domain.model.ProjectFileSystemLocation;
import io.buildstop.domain.model.ProjectSource;
import io.buildstop.domain.model.ProjectSourceVersion;

/** CodeBuild's {@code Build} shape, member for member in the service model's order. Not an API. */
public final class BuildCodec {

  private BuildCodec() {}

  /** Writes the build's members as CodeBuild's JSON object has them. */
  public static MemberWriter encode(Build build, MemberWriter out) {
    return out
        .string("id", build.id())
        .string("arn", build.arn())
        .int64("buildNumber", build.buildNumber())
        .timestamp("startTime", build.startTime())
        .timestamp("endTime", build.endTime())
        .string("currentPhase", build.currentPhaseAsString())
        .string("buildStatus", build.buildStatusAsString())
        .string("sourceVersion", build.sourceVersion())
        .string("resolvedSourceVersion", build.resolvedSourceVersion())
        .string("projectName", build.projectName())
        .objects("phases", build.phases(), build.hasPhases(), PhaseCodec::encode)
        .object("source", build.source(), SourceCodec::encode)
        .objects("secondarySources", build.secondarySources(), build.hasSecondarySources(), SourceCodec::encode)
        .objects("secondarySourceVersions", build.secondarySourceVersions(), build.hasSecondarySourceVersions(),
            SourceCodec::encodeVersion)
        .object("artifacts", build.artifacts(), ArtifactsCodec::encode)
        .objects("secondaryArtifacts", build.secondaryArtifacts(), build.hasSecondaryArtifacts(),
            ArtifactsCodec::encode)
        .object("cache", build.cache(), CacheCodec::encode)
        .object("environment", build.environment(), EnvironmentCodec::encode)
        .string("serviceRole", build.serviceRole())
        .object("logs", build.logs(), LogsCodec::encode)
        .int32("timeoutInMinutes", build.timeoutInMinutes())
        .int32("queuedTimeoutInMinutes", build.queuedTimeoutInMinutes())
        .bool("buildComplete", build.buildComplete())
        .string("initiator", build.initiator())
        .object("vpcConfig", build.vpcConfig(), NetworkCodec::encodeVpc)
        .object("networkInterface", build.networkInterface(), NetworkCodec::encodeInterface)
        .string("encryptionKey", build.encryptionKey())
        .objects("exportedEnvironmentVariables", build.exportedEnvironmentVariables(),
            build.hasExportedEnvironmentVariables(), RunCodec::encodeExported)
        .strings("reportArns", build.reportArns(), build.hasReportArns())
        .objects("fileSystemLocations", build.fileSystemLocations(), build.hasFileSystemLocations(),
            FileSystemCodec::encode)
        .object("debugSession", build.debugSession(), RunCodec::encodeDebugSession)
        .string("buildBatchArn", build.buildBatchArn())
        .object("autoRetryConfig", build.autoRetryConfig(), RunCodec::encodeAutoRetry);
  }

  /** The build the reader's object describes. */
  public static Build decode(MemberReader in) {
    SentList<BuildPhase> phases = in.objects("phases", PhaseCodec::decode);
    SentList<ProjectSource> secondarySources = in.objects("secondarySources", SourceCodec::decode);
    SentList<ProjectSourceVersion> secondarySourceVersions =
        in.objects("secondarySourceVersions", SourceCodec::decodeVersion);
    SentList<BuildArtifacts> secondaryArtifacts = in.objects("secondaryArtifacts", ArtifactsCodec::decode);
    SentList<ExportedEnvironmentVariable> exported =
        in.objects("exportedEnvironmentVariables", RunCodec::decodeExported);
    SentList<String> reportArns = in.uniqueStrings("reportArns");
    SentList<ProjectFileSystemLocation> fileSystemLocations =
        in.objects("fileSystemLocations", FileSystemCodec::decode);
    return Build.builder()
        .id(in.uniqueString("id"))
        .arn(in.uniqueString("arn"))
        .buildNumber(in.int64("buildNumber"))
        .startTime(in.timestamp("startTime"))
        .endTime(in.timestamp("endTime"))
        .currentPhaseAsString(in.string("currentPhase"))
        .buildStatusAsString(in.string("buildStatus"))
        .sourceVersion(in.string("sourceVersion"))
        .resolvedSourceVersion(in.uniqueString("resolvedSourceVersion"))
        .projectName(in.string("projectName"))
        .phases(phases.items()).hasPhases(phases.sent())
        .source(in.object("source", SourceCodec::decode))
        .secondarySources(secondarySources.items()).hasSecondarySources(secondarySources.sent())
        .secondarySourceVersions(secondarySourceVersions.items())
        .hasSecondarySourceVersions(secondarySourceVersions.sent())
        .artifacts(in.object("artifacts", ArtifactsCodec::decode))
        .secondaryArtifacts(secondaryArtifacts.items()).hasSecondaryArtifacts(secondaryArtifacts.sent())
        .cache(in.object("cache", CacheCodec::decode))
        .environment(in.object("environment", EnvironmentCodec::decode))
        .serviceRole(in.string("serviceRole"))
        .logs(in.object("logs", LogsCodec::decode))
        .timeoutInMinutes(in.int32("timeoutInMinutes"))
        .queuedTimeoutInMinutes(in.int32("queuedTimeoutInMinutes"))
        .buildComplete(in.bool("buildComplete"))
        .initiator(in.string("initiator"))
        .vpcConfig(in.object("vpcConfig", NetworkCodec::decodeVpc))
        .networkInterface(in.object("networkInterface", NetworkCodec::decodeInterface))
        .encryptionKey(in.string("encryptionKey"))
        .exportedEnvironmentVariables(exported.items()).hasExportedEnvironmentVariables(exported.sent())
        .reportArns(reportArns.items()).hasReportArns(reportArns.sent())
        .fileSystemLocations(fileSystemLocations.items()).hasFileSystemLocations(fileSystemLocations.sent())
        .debugSession(in.object("debugSession", RunCodec::decodeDebugSession))
        .buildBatchArn(in.uniqueString("buildBatchArn"))
        .autoRetryConfig(in.object("autoRetryConfig", RunCodec::decodeAutoRetry))
        .build();
  }
}
