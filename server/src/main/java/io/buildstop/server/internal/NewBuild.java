package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.wire.WireCodec;
import io.buildstop.wire.WireError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A build's configuration copied from its (effective) project, as real CodeBuild copies it: source, secondary
 * sources and versions, cache, environment, service role, timeouts, VPC, encryption key, file systems, debug
 * session and auto-retry settings; then, once the backend has given the build its id, the members that name the
 * id: {@code logs} (group, stream, deep links, ARNs) and {@code artifacts} (the S3 location) as in the published
 * responses.
 */
public final class NewBuild {
  private static final List<String> COPIED = List.of("sourceVersion", "source", "secondarySources",
      "secondarySourceVersions", "cache", "environment", "serviceRole", "timeoutInMinutes", "queuedTimeoutInMinutes",
      "vpcConfig", "encryptionKey", "fileSystemLocations");

  private final ObjectNode project;
  private final Arns arns;

  /** A build of the effective project {@code project}, named in {@code arns}' region and account. */
  public NewBuild(ObjectNode project, Arns arns) {
    this.project = Objects.requireNonNull(project, "project");
    this.arns = Objects.requireNonNull(arns, "arns");
  }

  /**
   * The configuration to start the build with: everything but the members that depend on its id.
   *
   * @throws ServiceError {@code InvalidInputException} naming a member whose JSON type the {@code Build} shape
   *     cannot hold
   */
  public Build configuration(String initiator) {
    ObjectNode build = Json.object();
    build.put("projectName", project.path("name").asText());
    for (String member : COPIED) {
      if (project.hasNonNull(member)) {
        build.set(member, project.get(member).deepCopy());
      }
    }
    build.put("initiator", initiator);
    if (project.path("debugSessionEnabled").isBoolean()) {
      build.putObject("debugSession").put("sessionEnabled", project.get("debugSessionEnabled").booleanValue());
    }
    if (project.path("autoRetryLimit").isInt() && project.get("autoRetryLimit").intValue() > 0) {
      build.putObject("autoRetryConfig")
          .put("autoRetryLimit", project.get("autoRetryLimit").intValue())
          .put("autoRetryNumber", 0);
    }
    return decode(build);
  }

  /** The started build with the members that name its id: {@code logs} and {@code artifacts}. */
  public Build finish(Build started) {
    BuildId id = BuildId.parse(started.id().orElseThrow()).get();
    ObjectNode build = WireCodec.BUILD.encode(started);
    build.set("logs", logs(id));
    build.set("artifacts", artifacts(project.path("artifacts"), id));
    if (project.get("secondaryArtifacts") instanceof ArrayNode secondary) {
      ArrayNode artifacts = build.putArray("secondaryArtifacts");
      secondary.forEach(item -> artifacts.add(artifacts(item, id)));
    }
    return decode(build);
  }

  private ObjectNode logs(BuildId id) {
    JsonNode config = project.path("logsConfig");
    ObjectNode logs = Json.object();
    JsonNode cloudWatch = config.path("cloudWatchLogs");
    if (!"DISABLED".equals(cloudWatch.path("status").asText())) {
      String group = text(cloudWatch, "groupName", "/aws/codebuild/" + id.projectName());
      String stream = cloudWatch.hasNonNull("streamName")
          ? cloudWatch.get("streamName").asText() + "/" + id.buildUuid()
          : id.buildUuid();
      logs.put("groupName", group);
      logs.put("streamName", stream);
      logs.put("deepLink", "https://console.aws.amazon.com/cloudwatch/home?region=" + arns.region()
          + "#logEvent:group=" + group + ";stream=" + stream);
      logs.put("cloudWatchLogsArn", arns.logStream(group, stream));
    }
    JsonNode s3 = config.path("s3Logs");
    if ("ENABLED".equals(s3.path("status").asText()) && s3.hasNonNull("location")) {
      String object = s3.get("location").asText() + "/" + id.buildUuid() + ".gz";
      logs.put("s3DeepLink", "https://s3.console.aws.amazon.com/s3/object/" + object + "?region=" + arns.region());
      logs.put("s3LogsArn", "arn:aws:s3:::" + object);
    }
    if (!cloudWatch.isMissingNode()) {
      logs.set("cloudWatchLogs", cloudWatch.deepCopy());
    }
    if (!s3.isMissingNode()) {
      logs.set("s3Logs", s3.deepCopy());
    }
    return logs;
  }

  // ProjectArtifacts -> BuildArtifacts: S3 artifacts land at bucket/path/[build uuid/]name; the others have none
  private static ObjectNode artifacts(JsonNode configured, BuildId id) {
    ObjectNode artifacts = Json.object();
    if ("S3".equals(configured.path("type").asText())) {
      List<String> parts = new ArrayList<>();
      parts.add(configured.path("location").asText());
      parts.add(configured.path("path").asText());
      if ("BUILD_ID".equals(configured.path("namespaceType").asText())) {
        parts.add(id.buildUuid());
      }
      parts.add(configured.path("name").asText());
      artifacts.put("location", "arn:aws:s3:::"
          + parts.stream().filter(part -> !part.isEmpty()).collect(Collectors.joining("/")));
    } else {
      artifacts.put("location", "");
    }
    for (String member : List.of("overrideArtifactName", "encryptionDisabled", "artifactIdentifier",
        "bucketOwnerAccess")) {
      if (configured.hasNonNull(member)) {
        artifacts.set(member, configured.get(member).deepCopy());
      }
    }
    return artifacts;
  }

  private static String text(JsonNode node, String member, String otherwise) {
    return node.hasNonNull(member) ? node.get(member).asText() : otherwise;
  }

  private static Build decode(ObjectNode build) {
    return WireCodec.BUILD.decode(build).getOrElseThrow(NewBuild::invalid);
  }

  private static ServiceError invalid(WireError error) {
    String member = error.path().startsWith("build.") ? error.path().substring("build.".length()) : error.path();
    return ServiceError.validation("", member, "Member has the wrong type (" + error.problem() + ")");
  }
}
