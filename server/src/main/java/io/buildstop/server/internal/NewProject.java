package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.model.Project;
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
  public static Project create(Members input, Arns arns, Instant now) {
    check(input);
    String name = input.node().get("name").textValue();
    ObjectNode project = Json.object();
    project.put("name", name);
    project.put("arn", arns.project(name));
    copy(input, project, COPIED_AS_SENT);
    project.set("source", withDefault(input.node().get("source").deepCopy(), "insecureSsl", false));
    project.set("artifacts", artifacts(input.node().get("artifacts").deepCopy(), name));
    copy(input, project, List.of("secondaryArtifacts"));
    project.set("cache", input.object("cache").map(ObjectNode::deepCopy).orElseGet(NewProject::noCache));
    project.set("environment", environment(input.node().get("environment").deepCopy()));
    project.put("serviceRole", input.node().get("serviceRole").textValue());
    project.put("timeoutInMinutes", input.integer("timeoutInMinutes", 5, 2160).orElse(60));
    project.put("queuedTimeoutInMinutes", input.integer("queuedTimeoutInMinutes", 5, 480).orElse(480));
    project.put("encryptionKey", input.nonEmpty("encryptionKey").orElseGet(arns::defaultEncryptionKey));
    project.set("tags", input.array("tags").map(tags -> (JsonNode) tags.deepCopy()).orElseGet(Json::array));
    project.set("created", Json.epochSeconds(now));
    project.set("lastModified", Json.epochSeconds(now));
    copy(input, project, List.of("vpcConfig"));
    project.set("badge", badge(input.bool("badgeEnabled").orElse(false), arns, name));
    project.set("logsConfig", logsConfig(input.object("logsConfig")));
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

  private static void check(Members input) {
    input.matching("name", Arns.PROJECT_NAME, 2, 150).orElseThrow(() -> input.missing("name"));
    ProjectShapes.text(input, "description", 255);
    ProjectShapes.source(input.nested("source", input.requiredObject("source")));
    ProjectShapes.sources(input, "secondarySources");
    input.string("sourceVersion");
    ProjectShapes.sourceVersions(input, "secondarySourceVersions");
    ProjectShapes.artifacts(input.nested("artifacts", input.requiredObject("artifacts")));
    ProjectShapes.artifactsList(input, "secondaryArtifacts");
    input.object("cache").ifPresent(cache -> ProjectShapes.cache(input.nested("cache", cache)));
    ProjectShapes.environment(input.nested("environment", input.requiredObject("environment")));
    input.requiredNonEmpty("serviceRole");
    input.integer("timeoutInMinutes", 5, 2160);
    input.integer("queuedTimeoutInMinutes", 5, 480);
    input.nonEmpty("encryptionKey");
    input.objects("tags").ifPresent(tags -> tags.forEach(tag -> {
      tag.string("key");
      tag.string("value");
    }));
    input.object("vpcConfig").ifPresent(vpc -> ProjectShapes.vpcConfig(input.nested("vpcConfig", vpc)));
    input.bool("badgeEnabled");
    input.object("logsConfig").ifPresent(logs -> ProjectShapes.logsConfig(input.nested("logsConfig", logs)));
    ProjectShapes.fileSystemLocations(input, "fileSystemLocations");
    input.object("buildBatchConfig");
    input.integer("concurrentBuildLimit", Integer.MIN_VALUE, Integer.MAX_VALUE);
    input.integer("autoRetryLimit", Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  private static void copy(Members input, ObjectNode project, List<String> members) {
    for (String member : members) {
      input.value(member).ifPresent(value -> project.set(member, value.deepCopy()));
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
