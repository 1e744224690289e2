package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * StartBuild's overrides, checked against the service model and applied to a copy of the project: the effective
 * project the build is configured from. Every override of the model is applied; {@code idempotencyToken} is
 * checked here and honoured by the in-memory CodeBuild ({@link #parameters}).
 */
public final class StartBuildInput {
  private static final String TOKEN = "idempotencyToken";
  // override member -> member of the project's source it replaces
  private static final Map<String, String> SOURCE_OVERRIDES = Map.of(
      "sourceTypeOverride", "type",
      "sourceLocationOverride", "location",
      "sourceAuthOverride", "auth",
      "gitCloneDepthOverride", "gitCloneDepth",
      "gitSubmodulesConfigOverride", "gitSubmodulesConfig",
      "buildspecOverride", "buildspec",
      "insecureSslOverride", "insecureSsl",
      "reportBuildStatusOverride", "reportBuildStatus",
      "buildStatusConfigOverride", "buildStatusConfig");
  // override member -> member of the project's environment it replaces
  private static final Map<String, String> ENVIRONMENT_OVERRIDES = Map.of(
      "environmentTypeOverride", "type",
      "imageOverride", "image",
      "computeTypeOverride", "computeType",
      "certificateOverride", "certificate",
      "privilegedModeOverride", "privilegedMode",
      "registryCredentialOverride", "registryCredential",
      "imagePullCredentialsTypeOverride", "imagePullCredentialsType",
      "fleetOverride", "fleet");
  // override member -> top-level project member it replaces
  private static final Map<String, String> PROJECT_OVERRIDES = orderedOverrides();

  private StartBuildInput() {}

  /** Checks every member of StartBuild's input but {@code projectName}, which the caller resolves first. */
  public static void check(Members input) {
    ProjectShapes.sources(input, "secondarySourcesOverride");
    ProjectShapes.sourceVersions(input, "secondarySourcesVersionOverride");
    input.string("sourceVersion");
    input.object("artifactsOverride")
        .ifPresent(artifacts -> ProjectShapes.artifacts(input.nested("artifactsOverride", artifacts)));
    ProjectShapes.artifactsList(input, "secondaryArtifactsOverride");
    ProjectShapes.environmentVariables(input, "environmentVariablesOverride");
    input.enumValue("sourceTypeOverride", Enums.SOURCE_TYPES);
    input.string("sourceLocationOverride");
    input.object("sourceAuthOverride")
        .ifPresent(auth -> ProjectShapes.sourceAuth(input.nested("sourceAuthOverride", auth)));
    input.integer("gitCloneDepthOverride", 0, Integer.MAX_VALUE);
    input.object("gitSubmodulesConfigOverride").ifPresent(config -> {
      Members submodules = input.nested("gitSubmodulesConfigOverride", config);
      submodules.bool("fetchSubmodules").orElseThrow(() -> submodules.missing("fetchSubmodules"));
    });
    input.string("buildspecOverride");
    input.bool("insecureSslOverride");
    input.bool("reportBuildStatusOverride");
    input.object("buildStatusConfigOverride");
    input.enumValue("environmentTypeOverride", Enums.ENVIRONMENT_TYPES);
    input.nonEmpty("imageOverride");
    input.enumValue("computeTypeOverride", Enums.COMPUTE_TYPES);
    input.string("certificateOverride");
    input.object("cacheOverride").ifPresent(cache -> ProjectShapes.cache(input.nested("cacheOverride", cache)));
    input.nonEmpty("serviceRoleOverride");
    input.bool("privilegedModeOverride");
    input.integer("timeoutInMinutesOverride", 5, 2160);
    input.integer("queuedTimeoutInMinutesOverride", 5, 480);
    input.nonEmpty("encryptionKeyOverride");
    input.string("idempotencyToken");
    input.object("logsConfigOverride")
        .ifPresent(logs -> ProjectShapes.logsConfig(input.nested("logsConfigOverride", logs)));
    input.object("registryCredentialOverride").ifPresent(credential ->
        ProjectShapes.registryCredential(input.nested("registryCredentialOverride", credential)));
    input.enumValue("imagePullCredentialsTypeOverride", Enums.IMAGE_PULL_CREDENTIALS_TYPES);
    input.bool("debugSessionEnabled");
    input.object("fleetOverride").ifPresent(fleet -> input.nested("fleetOverride", fleet).string("fleetArn"));
    input.integer("autoRetryLimitOverride", Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** The project with the (checked) overrides of {@code input} applied; {@code project} is left unchanged. */
  public static ObjectNode effectiveProject(ObjectNode project, Members input) {
    ObjectNode effective = project.deepCopy();
    ObjectNode source = objectMember(effective, "source");
    SOURCE_OVERRIDES.forEach((override, member) ->
        input.value(override).ifPresent(value -> source.set(member, value.deepCopy())));
    ObjectNode environment = objectMember(effective, "environment");
    ENVIRONMENT_OVERRIDES.forEach((override, member) ->
        input.value(override).ifPresent(value -> environment.set(member, value.deepCopy())));
    input.array("environmentVariablesOverride")
        .ifPresent(overrides -> environment.set("environmentVariables", merged(environment, overrides)));
    PROJECT_OVERRIDES.forEach((override, member) ->
        input.value(override).ifPresent(value -> effective.set(member, value.deepCopy())));
    return effective;
  }

  // spec-free but documented CodeBuild behaviour: an override replaces the project's variable of the same name
  private static ArrayNode merged(ObjectNode environment, ArrayNode overrides) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    environment.path("environmentVariables")
        .forEach(variable -> byName.put(variable.path("name").asText(), variable.deepCopy()));
    overrides.forEach(variable -> byName.put(variable.path("name").asText(), variable.deepCopy()));
    ArrayNode result = Json.array();
    byName.values().forEach(result::add);
    return result;
  }

  private static ObjectNode objectMember(ObjectNode owner, String name) {
    JsonNode member = owner.get(name);
    return member instanceof ObjectNode object ? object : owner.putObject(name);
  }

  private static Map<String, String> orderedOverrides() {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("sourceVersion", "sourceVersion");
    overrides.put("secondarySourcesOverride", "secondarySources");
    overrides.put("secondarySourcesVersionOverride", "secondarySourceVersions");
    overrides.put("artifactsOverride", "artifacts");
    overrides.put("secondaryArtifactsOverride", "secondaryArtifacts");
    overrides.put("cacheOverride", "cache");
    overrides.put("serviceRoleOverride", "serviceRole");
    overrides.put("timeoutInMinutesOverride", "timeoutInMinutes");
    overrides.put("queuedTimeoutInMinutesOverride", "queuedTimeoutInMinutes");
    overrides.put("encryptionKeyOverride", "encryptionKey");
    overrides.put("logsConfigOverride", "logsConfig");
    overrides.put("autoRetryLimitOverride", "autoRetryLimit");
    overrides.put("debugSessionEnabled", "debugSessionEnabled");
    return Collections.unmodifiableMap(overrides);
  }

  /** The request's idempotency token, if it sent one. */
  static Optional<String> idempotencyToken(Members input) {
    return input.string(TOKEN);
  }

  /**
   * The request's parameters but its idempotency token, as one canonical text (members sorted by name at every
   * level): two StartBuild calls ask for the same build exactly when these are equal.
   */
  static String parameters(ObjectNode input) {
    ObjectNode rest = input.deepCopy();
    rest.remove(TOKEN);
    return canonical(rest).toString();
  }

  private static JsonNode canonical(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode sorted = Json.object();
      new TreeSet<>(iterable(object.fieldNames())).forEach(name -> {
        JsonNode value = object.get(name);
        // a member sent as null is absent (spec §1)
        if (!value.isNull()) {
          sorted.set(name, canonical(value));
        }
      });
      return sorted;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode items = array.arrayNode();
      array.forEach(item -> items.add(canonical(item)));
      return items;
    }
    return node;
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
