package io.buildstop.server.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.AutoRetryConfig;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildArtifacts;
import io.buildstop.domain.model.CloudWatchLogsConfig;
import io.buildstop.domain.model.DebugSession;
import io.buildstop.domain.model.LogsConfig;
import io.buildstop.domain.model.LogsLocation;
import io.buildstop.domain.model.Project;
import io.buildstop.domain.model.ProjectArtifacts;
import io.buildstop.domain.model.S3LogsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A build's configuration copied from its (effective) project, as real CodeBuild copies it: source, secondary
 * sources and versions, cache, environment, service role, timeouts, VPC, encryption key, file systems, debug
 * session and auto-retry settings; then, once the backend has given the build its id, the members that name the
 * id: {@code logs} (group, stream, deep links, ARNs) and {@code artifacts} (the S3 location) as in the published
 * responses. The project's shapes are the build's (a build's {@code source} is a {@code ProjectSource}), so each
 * member is the project's value itself.
 */
public final class NewBuild {
  private final Project project;
  private final Optional<Boolean> debugSessionEnabled;
  private final Arns arns;

  /**
   * A build of the effective project {@code project}, with a debug session when StartBuild's {@code
   * debugSessionEnabled} says so, named in {@code arns}' region and account.
   */
  public NewBuild(Project project, Optional<Boolean> debugSessionEnabled, Arns arns) {
    this.project = Objects.requireNonNull(project, "project");
    this.debugSessionEnabled = Objects.requireNonNull(debugSessionEnabled, "debugSessionEnabled");
    this.arns = Objects.requireNonNull(arns, "arns");
  }

  /** The configuration to start the build with: everything but the members that depend on its id. */
  public Build configuration(String initiator) {
    Build.Builder build = Build.builder();
    build.projectName(project.name().orElse(""));
    build.sourceVersion(project.sourceVersion()).source(project.source());
    if (project.hasSecondarySources()) {
      build.secondarySources(project.secondarySources()).hasSecondarySources(true);
    }
    if (project.hasSecondarySourceVersions()) {
      build.secondarySourceVersions(project.secondarySourceVersions()).hasSecondarySourceVersions(true);
    }
    build.cache(project.cache()).environment(project.environment()).serviceRole(project.serviceRole())
        .timeoutInMinutes(project.timeoutInMinutes()).queuedTimeoutInMinutes(project.queuedTimeoutInMinutes())
        .vpcConfig(project.vpcConfig()).encryptionKey(project.encryptionKey());
    if (project.hasFileSystemLocations()) {
      build.fileSystemLocations(project.fileSystemLocations()).hasFileSystemLocations(true);
    }
    build.initiator(initiator);
    debugSessionEnabled.ifPresent(enabled -> build.debugSession(DebugSession.builder().sessionEnabled(enabled).build()));
    project.autoRetryLimit().filter(limit -> limit > 0).ifPresent(limit ->
        build.autoRetryConfig(AutoRetryConfig.builder().autoRetryLimit(limit).autoRetryNumber(0).build()));
    return build.build();
  }

  /** The started build with the members that name its id: {@code logs} and {@code artifacts}. */
  public Build finish(Build started) {
    BuildId id = BuildId.parse(started.id().orElseThrow()).get();
    Build build = started.withLogs(logs(id))
        .withArtifacts(artifacts(project.artifacts().orElseGet(() -> ProjectArtifacts.builder().build()), id));
    if (project.hasSecondaryArtifacts()) {
      List<BuildArtifacts> secondary = project.secondaryArtifacts().stream().map(item -> artifacts(item, id)).toList();
      build = Build.builder().from(build).secondaryArtifacts(secondary).hasSecondaryArtifacts(true).build();
    }
    return build;
  }

  private LogsLocation logs(BuildId id) {
    LogsConfig config = project.logsConfig().orElseGet(() -> LogsConfig.builder().build());
    LogsLocation.Builder logs = LogsLocation.builder();
    Optional<CloudWatchLogsConfig> cloudWatch = config.cloudWatchLogs();
    if (!cloudWatch.flatMap(CloudWatchLogsConfig::statusAsString).filter("DISABLED"::equals).isPresent()) {
      String group = cloudWatch.flatMap(CloudWatchLogsConfig::groupName).orElse("/aws/codebuild/" + id.projectName());
      String stream = cloudWatch.flatMap(CloudWatchLogsConfig::streamName)
          .map(prefix -> prefix + "/" + id.buildUuid()).orElse(id.buildUuid());
      logs.groupName(group).streamName(stream)
          .deepLink("https://console.aws.amazon.com/cloudwatch/home?region=" + arns.region()
              + "#logEvent:group=" + group + ";stream=" + stream)
          .cloudWatchLogsArn(arns.logStream(group, stream));
    }
    Optional<S3LogsConfig> s3 = config.s3Logs();
    Optional<String> s3Location = s3.filter(logsTo -> logsTo.statusAsString().filter("ENABLED"::equals).isPresent())
        .flatMap(S3LogsConfig::location);
    s3Location.ifPresent(location -> {
      String object = location + "/" + id.buildUuid() + ".gz";
      logs.s3DeepLink("https://s3.console.aws.amazon.com/s3/object/" + object + "?region=" + arns.region())
          .s3LogsArn("arn:aws:s3:::" + object);
    });
    return logs.cloudWatchLogs(cloudWatch).s3Logs(s3).build();
  }

  // ProjectArtifacts -> BuildArtifacts: S3 artifacts land at bucket/path/[build uuid/]name; the others have none
  private static BuildArtifacts artifacts(ProjectArtifacts configured, BuildId id) {
    BuildArtifacts.Builder artifacts = BuildArtifacts.builder();
    if (configured.typeAsString().filter("S3"::equals).isPresent()) {
      List<String> parts = new ArrayList<>();
      parts.add(configured.location().orElse(""));
      parts.add(configured.path().orElse(""));
      if (configured.namespaceTypeAsString().filter("BUILD_ID"::equals).isPresent()) {
        parts.add(id.buildUuid());
      }
      parts.add(configured.name().orElse(""));
      artifacts.location("arn:aws:s3:::"
          + parts.stream().filter(part -> !part.isEmpty()).collect(Collectors.joining("/")));
    } else {
      artifacts.location("");
    }
    return artifacts.overrideArtifactName(configured.overrideArtifactName())
        .encryptionDisabled(configured.encryptionDisabled())
        .artifactIdentifier(configured.artifactIdentifier())
        .bucketOwnerAccessAsString(configured.bucketOwnerAccessAsString())
        .build();
  }
}
