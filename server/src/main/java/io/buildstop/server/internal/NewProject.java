package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
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
 * CreateProject's and UpdateProject's input checked as real CodeBuild checks it, and the {@link Project} each makes: what the caller
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
      check(in, true);
      return in.bool("badgeEnabled").orElse(false);
    }).getOrElseThrow(ServiceError::invalid);
    Project sent = WireCodec.PROJECT.decode(input.deepCopy().retain(SENT_AS_PROJECT))
        .getOrElseThrow(NewProject::invalid);
    // the checks passed: name, source, artifacts and environment are there
    String name = sent.name().orElseThrow();
    Instant created = now.truncatedTo(ChronoUnit.MILLIS);
    return withDefaults(sent, arns)
        .created(created)
        .lastModified(created)
        .badge(badge(badgeEnabled, arns, name))
        .projectVisibility(ProjectVisibilityType.PRIVATE)
        .build();
  }

  /**
   * UpdateProject's input checked as CreateProject's (the same shapes; only {@code name} is required), before the
   * project is looked up: a refused update changes nothing.
   *
   * @return the name of the project to update
   * @throws ServiceError {@code InvalidInputException} naming the first member that breaks the service model
   */
  public static String checkUpdate(ObjectNode input) {
    String name = MemberReader.validate(input, in -> {
      check(in, false);
      return in.string("name").orElse("");
    }).getOrElseThrow(ServiceError::invalid);
    // the members' types as the Project shape holds them, checked here rather than in the update's atomic step
    WireCodec.PROJECT.decode(sentChanges(input)).getOrElseThrow(NewProject::invalid);
    return name;
  }

  /**
   * The project UpdateProject makes of {@code current} and an input {@link #checkUpdate} passed: each member sent
   * replaces the project's (a list or an object whole, as CodeBuild replaces it), CodeBuild's defaults fill what a
   * replaced member leaves out, as CreateProject's do, {@code badgeEnabled} turns the badge on or off, and {@code
   * lastModified} is {@code now}; name, ARN, creation time and visibility stay.
   */
  public static Project update(ObjectNode input, Project current, Arns arns, Instant now) {
    ObjectNode merged = WireCodec.PROJECT.encode(current);
    merged.setAll(sentChanges(input));
    Project changed = WireCodec.PROJECT.decode(merged).getOrElseThrow(NewProject::invalid);
    Project.Builder project = withDefaults(changed, arns).lastModified(now.truncatedTo(ChronoUnit.MILLIS));
    JsonNode badgeEnabled = input.get("badgeEnabled");
    if (badgeEnabled != null && badgeEnabled.isBoolean()) {
      project.badge(badge(badgeEnabled.booleanValue(), arns, current.name().orElseThrow()));
    }
    return project.build();
  }

  // the members of an UpdateProject that change the project: the Project's own, but its name, which names it
  private static ObjectNode sentChanges(ObjectNode input) {
    ObjectNode changes = input.deepCopy().retain(SENT_AS_PROJECT);
    changes.remove("name");
    return changes;
  }

  // what the caller sent plus CodeBuild's defaults for what it left out: the same for a new and an updated project
  private static Project.Builder withDefaults(Project sent, Arns arns) {
    String name = sent.name().orElseThrow();
    ProjectSource source = sent.source().orElseThrow();
    return Project.builder().from(sent)
        .arn(arns.project(name))
        .source(source.insecureSsl().isPresent() ? source : source.withInsecureSsl(false))
        .artifacts(artifacts(sent.artifacts().orElseThrow(), name))
        .cache(sent.cache().orElseGet(() -> ProjectCache.builder().type(CacheType.NO_CACHE).build()))
        .environment(environment(sent.environment().orElseThrow()))
        .timeoutInMinutes(sent.timeoutInMinutes().orElse(60))
        .queuedTimeoutInMinutes(sent.queuedTimeoutInMinutes().orElse(480))
        .encryptionKey(sent.encryptionKey().orElseGet(arns::defaultEncryptionKey))
        .hasTags(true)
        .logsConfig(logsConfig(sent.logsConfig()));
  }

  // a member the checks leave to CodeBuild (inside buildBatchConfig, say) that the Project shape cannot hold
  private static ServiceError invalid(WireError error) {
    String member = error.path().startsWith("project.") ? error.path().substring("project.".length()) : error.path();
    return ServiceError.validation("", member, "Member has the wrong type (" + error.problem() + ")");
  }

  // CreateProject requires a valid name, source, artifacts, environment and service role; UpdateProject only a name
  private static void check(MemberReader input, boolean creating) {
    if (creating) {
      if (input.matching("name", Arns.PROJECT_NAME, 2, 150).isEmpty()) {
        input.missing("name");
      }
    } else {
      input.requiredNonEmpty("name");
    }
    ProjectShapes.text(input, "description", 255);
    object(input, "source", creating).ifPresent(ProjectShapes::source);
    ProjectShapes.sources(input, "secondarySources");
    input.string("sourceVersion");
    ProjectShapes.sourceVersions(input, "secondarySourceVersions");
    object(input, "artifacts", creating).ifPresent(ProjectShapes::artifacts);
    ProjectShapes.artifactsList(input, "secondaryArtifacts");
    input.object("cache").ifPresent(ProjectShapes::cache);
    object(input, "environment", creating).ifPresent(ProjectShapes::environment);
    if (creating) {
      input.requiredNonEmpty("serviceRole");
    } else {
      input.nonEmpty("serviceRole");
    }
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

  private static Optional<MemberReader> object(MemberReader input, String member, boolean required) {
    return required ? input.requiredObject(member) : input.object(member);
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
