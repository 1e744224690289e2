package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.model.Project;
import io.buildstop.wire.MemberReader;
import io.buildstop.wire.WireCodec;
import io.buildstop.wire.WireError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * CreateProject's input checked as real CodeBuild checks it, and the {@code Project} it creates: what the caller
 * sent, in the service model's member order, plus the defaults CodeBuild fills in (the AWS CLI's published
 * create-project and batch-get-projects examples): 60 and 480 minute timeouts, the account's {@code aws/s3} key, no
 * badge, no cache, CloudWatch logs on and S3 logs off, a private project, empty tags and environment variables.
 */
public final class NewProject {
  private static final List<String> COPIED_AS_SENT = List.of(
      "description", "secondarySources", "sourceVersion", "secondarySourceVersions");

  private NewProject() {}

  /**
   * The project CreateProject makes of {@code input}.
   *
   * @throws ServiceError {@code InvalidInputException} naming the first member that breaks the service model
   */
  public static Project create(ObjectNode input, Arns arns, Instant now) {
    // once the checks pass, the reader's reads cannot fail
    MemberReader checked = MemberReader.validate(input, in -> {
      check(in);
      return in;
    }).getOrElseThrow(ServiceError::invalid);
    String name = input.get("name").textValue();
    ObjectNode project = Json.object();
    project.put("name", name);
    project.put("arn", arns.project(name));
    copy(input, project, COPIED_AS_SENT);
    project.set("source", withDefault(input.get("source").deepCopy(), "insecureSsl", false));
    project.set("artifacts", artifacts(input.get("artifacts").deepCopy(), name));
    copy(input, project, List.of("secondaryArtifacts"));
    project.set("cache", checked.value("cache").<JsonNode>map(JsonNode::deepCopy).orElseGet(NewProject::noCache));
    project.set("environment", environment(input.get("environment").deepCopy()));
    project.put("serviceRole", input.get("serviceRole").textValue());
    project.put("timeoutInMinutes", checked.integer("timeoutInMinutes", 5, 2160).orElse(60));
    project.put("queuedTimeoutInMinutes", checked.integer("queuedTimeoutInMinutes", 5, 480).orElse(480));
    project.put("encryptionKey", checked.nonEmpty("encryptionKey").orElseGet(arns::defaultEncryptionKey));
    project.set("tags", checked.value("tags").<JsonNode>map(JsonNode::deepCopy).orElseGet(Json::array));
    project.set("created", Json.epochSeconds(now));
    project.set("lastModified", Json.epochSeconds(now));
    copy(input, project, List.of("vpcConfig"));
    project.set("badge", badge(checked.bool("badgeEnabled").orElse(false), arns, name));
    project.set("logsConfig", logsConfig(checked.value("logsConfig").map(ObjectNode.class::cast)));
    copy(input, project, List.of("fileSystemLocations", "buildBatchConfig", "concurrentBuildLimit"));
    project.put("projectVisibility", "PRIVATE");
    copy(input, project, List.of("autoRetryLimit"));
    return WireCodec.PROJECT.decode(project).getOrElseThrow(NewProject::invalid);
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
    input.object("buildBatchConfig");
    input.integer("concurrentBuildLimit", Integer.MIN_VALUE, Integer.MAX_VALUE);
    input.integer("autoRetryLimit", Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  private static void copy(ObjectNode input, ObjectNode project, List<String> members) {
    for (String member : members) {
      JsonNode value = input.get(member);
      if (value != null && !value.isNull()) {
        project.set(member, value.deepCopy());
      }
    }
  }

  private static ObjectNode artifacts(ObjectNode artifacts, String projectName) {
    if ("S3".equals(artifacts.path("type").textValue())) {
      withDefault(artifacts, "name", projectName);
      withDefault(artifacts, "namespaceType", "NONE");
      withDefault(artifacts, "packaging", "NONE");
      withDefault(artifacts, "encryptionDisabled", false);
    }
    return artifacts;
  }

  private static ObjectNode environment(ObjectNode environment) {
    if (!environment.hasNonNull("environmentVariables")) {
      environment.set("environmentVariables", Json.array());
    }
    withDefault(environment, "privilegedMode", false);
    withDefault(environment, "imagePullCredentialsType", "CODEBUILD");
    return environment;
  }

  private static ObjectNode noCache() {
    ObjectNode cache = Json.object();
    cache.put("type", "NO_CACHE");
    return cache;
  }

  private static ObjectNode badge(boolean enabled, Arns arns, String name) {
    ObjectNode badge = Json.object();
    badge.put("badgeEnabled", enabled);
    if (enabled) {
      badge.put("badgeRequestUrl", "https://codebuild." + arns.region() + ".amazonaws.com/badges?uuid="
          + UUID.nameUUIDFromBytes(arns.project(name).getBytes(StandardCharsets.UTF_8))
          + "&branch=main");
    }
    return badge;
  }

  private static ObjectNode logsConfig(Optional<ObjectNode> sent) {
    ObjectNode logs = sent.map(ObjectNode::deepCopy).orElseGet(Json::object);
    if (!logs.hasNonNull("cloudWatchLogs")) {
      logs.putObject("cloudWatchLogs").put("status", "ENABLED");
    }
    if (!logs.hasNonNull("s3Logs")) {
      logs.putObject("s3Logs").put("status", "DISABLED").put("encryptionDisabled", false);
    }
    return logs;
  }

  private static ObjectNode withDefault(ObjectNode node, String member, String value) {
    if (!node.hasNonNull(member)) {
      node.put(member, value);
    }
    return node;
  }

  private static ObjectNode withDefault(ObjectNode node, String member, boolean value) {
    if (!node.hasNonNull(member)) {
      node.put(member, value);
    }
    return node;
  }
}
