package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.model.ArtifactNamespace;
import io.buildstop.domain.model.ArtifactPackaging;
import io.buildstop.domain.model.CacheType;
import io.buildstop.domain.model.CloudWatchLogsConfig;
import io.buildstop.domain.model.ImagePullCredentialsType;
import io.buildstop.domain.model.LogsConfig;
import io.buildstop.domain.model.LogsConfigStatusType;
import io.buildstop.domain.model.Project;
import io.buildstop.domain.model.ProjectArtifacts;
import io.buildstop.domain.model.ProjectBadge;
import io.buildstop.domain.model.ProjectCache;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.ProjectSource;
import io.buildstop.domain.model.ProjectVisibilityType;
import io.buildstop.domain.model.S3LogsConfig;
import io.buildstop.wire.MemberReader;
import io.buildstop.wire.WireCodec;
import io.buildstop.wire.WireError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * CreateProject's input checked as real CodeBuild checks it, and the {@link Project} it creates: what the caller
 * sent, plus the defaults CodeBuild fills in (the AWS CLI's published create-project and batch-get-projects
 * examples): 60 and 480 minute timeouts, the account's {@code aws/s3} key, no badge, no cache, CloudWatch logs on and
 * S3 logs off, a private project, empty tags and environment variables.
 */
public final class NewProject {
  // CreateProject's input members that are the Project's own; the rest of a Project (arn, created, badge, ...) is
  // CodeBuild's to set, whatever a caller sends
  private static final List<String> SENT_AS_PROJECT = List.of("name", "description", "source", "secondarySources",
      "sourceVersion", "secondarySourceVersions", "artifacts", "secondaryArtifacts", "cache", "environment",
      "serviceRole", "timeoutInMinutes", "queuedTimeoutInMinutes", "encryptionKey", "tags", "vpcConfig", "logsConfig",
      "fileSystemLocations", "buildBatchConfig", "concurrentBuildLimit", "autoRetryLimit");

  private NewProject() {}

  /**
   * The project CreateProject makes of {@code input}.
   *
   * @throws ServiceError {@code InvalidInputException} naming the first member that breaks the service model
   */
  public static Project create(ObjectNode input, Arns arns, Instant now) {
    boolean badgeEnabled = MemberReader.validate(input, in -> {
      check(in);
      return in.bool("badgeEnabled").orElse(false);
    }).getOrElseThrow(ServiceError::invalid);
    Project sent = WireCodec.PROJECT.decode(input.deepCopy().retain(SENT_AS_PROJECT))
        .getOrElseThrow(NewProject::invalid);
    // the checks passed: name, source, artifacts and environment are there
    String name = sent.name().orElseThrow();
    ProjectSource source = sent.source().orElseThrow();
    Instant created = now.truncatedTo(ChronoUnit.MILLIS);
    Project.Builder project = Project.builder().from(sent)
        .arn(arns.project(name))
        .source(source.insecureSsl().isPresent() ? source : source.withInsecureSsl(false))
        .artifacts(artifacts(sent.artifacts().orElseThrow(), name))
        .cache(sent.cache().orElseGet(() -> ProjectCache.builder().type(CacheType.NO_CACHE).build()))
        .environment(environment(sent.environment().orElseThrow()))
        .timeoutInMinutes(sent.timeoutInMinutes().orElse(60))
        .queuedTimeoutInMinutes(sent.queuedTimeoutInMinutes().orElse(480))
        .encryptionKey(sent.encryptionKey().orElseGet(arns::defaultEncryptionKey))
        .hasTags(true)
        .created(created)
        .lastModified(created)
        .badge(badge(badgeEnabled, arns, name))
        .logsConfig(logsConfig(sent.logsConfig()))
        .projectVisibility(ProjectVisibilityType.PRIVATE);
    return project.build();
  }

  // a member the checks leave to CodeBuild (inside buildBatchConfig, say) that the Project shape cannot hold
  private static ServiceError invalid(WireError error) {
    String member = error.path().startsWith("project.") ? error.path().substring("project.".length()) : error.path();
    return ServiceError.validation("", member, "Member has the wrong type (" + error.problem() + ")");
  }

  private static void check(MemberReader input) {
    if (input.matching("name", Arns.PROJECT_NAME, 2, 150).isEmpty()) {
      input.missing("name");
    }
    ProjectShapes.text(input, "description", 255);
    input.requiredObject("source").ifPresent(ProjectShapes::source);
    ProjectShapes.sources(input, "secondarySources");
    input.string("sourceVersion");
    ProjectShapes.sourceVersions(input, "secondarySourceVersions");
    input.requiredObject("artifacts").ifPresent(ProjectShapes::artifacts);
    ProjectShapes.artifactsList(input, "secondaryArtifacts");
    input.object("cache").ifPresent(ProjectShapes::cache);
    input.requiredObject("environment").ifPresent(ProjectShapes::environment);
    input.requiredNonEmpty("serviceRole");
    input.integer("timeoutInMinutes", 5, 2160);
    input.integer("queuedTimeoutInMinutes", 5, 480);
    input.nonEmpty("encryptionKey");
    input.objects("tags").ifPresent(tags -> tags.forEach(tag -> {
      tag.string("key");
      tag.string("value");
    }));
    input.object("vpcConfig").ifPresent(ProjectShapes::vpcConfig);
    input.bool("badgeEnabled");
    input.object("logsConfig").ifPresent(ProjectShapes::logsConfig);
    ProjectShapes.fileSystemLocations(input, "fileSystemLocations");
    input.object("buildBatchConfig").ifPresent(ProjectShapes::buildBatchConfig);
    input.integer("concurrentBuildLimit", Integer.MIN_VALUE, Integer.MAX_VALUE);
    input.integer("autoRetryLimit", Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  private static ProjectArtifacts artifacts(ProjectArtifacts artifacts, String projectName) {
    if (!artifacts.typeAsString().filter("S3"::equals).isPresent()) {
      return artifacts;
    }
    return ProjectArtifacts.builder().from(artifacts)
        .name(artifacts.name().orElse(projectName))
        .namespaceTypeAsString(artifacts.namespaceTypeAsString().orElse(ArtifactNamespace.NONE.wireValue()))
        .packagingAsString(artifacts.packagingAsString().orElse(ArtifactPackaging.NONE.wireValue()))
        .encryptionDisabled(artifacts.encryptionDisabled().orElse(false))
        .build();
  }

  private static ProjectEnvironment environment(ProjectEnvironment environment) {
    return ProjectEnvironment.builder().from(environment)
        .hasEnvironmentVariables(true)
        .privilegedMode(environment.privilegedMode().orElse(false))
        .imagePullCredentialsTypeAsString(environment.imagePullCredentialsTypeAsString()
            .orElse(ImagePullCredentialsType.CODEBUILD.wireValue()))
        .build();
  }

  private static ProjectBadge badge(boolean enabled, Arns arns, String name) {
    ProjectBadge.Builder badge = ProjectBadge.builder().badgeEnabled(enabled);
    if (enabled) {
      badge.badgeRequestUrl("https://codebuild." + arns.region() + ".amazonaws.com/badges?uuid="
          + UUID.nameUUIDFromBytes(arns.project(name).getBytes(StandardCharsets.UTF_8))
          + "&branch=main");
    }
    return badge.build();
  }

  private static LogsConfig logsConfig(Optional<LogsConfig> sent) {
    LogsConfig logs = sent.orElseGet(() -> LogsConfig.builder().build());
    return LogsConfig.builder()
        .cloudWatchLogs(logs.cloudWatchLogs().orElseGet(() ->
            CloudWatchLogsConfig.builder().status(LogsConfigStatusType.ENABLED).build()))
        .s3Logs(logs.s3Logs().orElseGet(() ->
            S3LogsConfig.builder().status(LogsConfigStatusType.DISABLED).encryptionDisabled(false).build()))
        .build();
  }
}
