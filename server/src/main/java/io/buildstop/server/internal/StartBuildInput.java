package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.model.EnvironmentVariable;
import io.buildstop.domain.model.Project;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.ProjectSource;
import io.buildstop.wire.MemberReader;
import io.buildstop.wire.WireCodec;
import io.buildstop.wire.WireError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The overrides of StartBuild and of StartBuildBatch, checked against the service model, read as one {@link Project}
 * (each override at the member of the project it replaces) and applied to the project: the effective project the
 * build, or the batch and its members, are configured from. The two operations share their overrides and these rules;
 * they differ in a few names ({@link Starting}). Every override of the model is applied; {@code idempotencyToken} is
 * checked here and honoured by the in-memory CodeBuild ({@link #parameters}).
 */
public final class StartBuildInput {
  private static final String TOKEN = "idempotencyToken";

  /** Which operation's input: StartBuild's or StartBuildBatch's, whose overrides differ in a few names. */
  public enum Starting {
    /** StartBuild. */
    BUILD,
    /** StartBuildBatch: {@code buildTimeoutInMinutesOverride}, {@code reportBuildBatchStatusOverride}, {@code
     * buildBatchConfigOverride}; no fleet, build status config or auto-retry overrides. */
    BUILD_BATCH
  }

  // for each operation: override member -> the member of the Project shape it replaces, as a path
  private static final Map<Starting, Map<String, String>> OVERRIDES = new EnumMap<>(Map.of(
      Starting.BUILD, orderedOverrides(Starting.BUILD),
      Starting.BUILD_BATCH, orderedOverrides(Starting.BUILD_BATCH)));

  private StartBuildInput() {}

  /** Checks every member of StartBuild's input but {@code projectName}, which the caller reads first. */
  public static void check(MemberReader input) {
    check(input, Starting.BUILD);
  }

  /** Checks every member of the operation's input but {@code projectName}, which the caller reads first. */
  public static void check(MemberReader input, Starting starting) {
    ProjectShapes.sources(input, "secondarySourcesOverride");
    ProjectShapes.sourceVersions(input, "secondarySourcesVersionOverride");
    input.string("sourceVersion");
    input.object("artifactsOverride").ifPresent(ProjectShapes::artifacts);
    ProjectShapes.artifactsList(input, "secondaryArtifactsOverride");
    ProjectShapes.environmentVariables(input, "environmentVariablesOverride");
    input.enumValue("sourceTypeOverride", Enums.SOURCE_TYPES);
    input.string("sourceLocationOverride");
    input.object("sourceAuthOverride").ifPresent(ProjectShapes::sourceAuth);
    input.integer("gitCloneDepthOverride", 0, Integer.MAX_VALUE);
    input.object("gitSubmodulesConfigOverride").ifPresent(ProjectShapes::gitSubmodulesConfig);
    input.string("buildspecOverride");
    input.bool("insecureSslOverride");
    input.enumValue("environmentTypeOverride", Enums.ENVIRONMENT_TYPES);
    input.nonEmpty("imageOverride");
    input.enumValue("computeTypeOverride", Enums.COMPUTE_TYPES);
    input.string("certificateOverride");
    input.object("cacheOverride").ifPresent(ProjectShapes::cache);
    input.nonEmpty("serviceRoleOverride");
    input.bool("privilegedModeOverride");
    input.integer("queuedTimeoutInMinutesOverride", 5, 480);
    input.nonEmpty("encryptionKeyOverride");
    input.string(TOKEN);
    input.object("logsConfigOverride").ifPresent(ProjectShapes::logsConfig);
    input.object("registryCredentialOverride").ifPresent(ProjectShapes::registryCredential);
    input.enumValue("imagePullCredentialsTypeOverride", Enums.IMAGE_PULL_CREDENTIALS_TYPES);
    input.bool("debugSessionEnabled");
    if (starting == Starting.BUILD) {
      input.bool("reportBuildStatusOverride");
      input.object("buildStatusConfigOverride");
      input.integer("timeoutInMinutesOverride", 5, 2160);
      input.object("fleetOverride").ifPresent(ProjectShapes::fleet);
      input.integer("autoRetryLimitOverride", Integer.MIN_VALUE, Integer.MAX_VALUE);
    } else {
      input.bool("reportBuildBatchStatusOverride");
      input.integer("buildTimeoutInMinutesOverride", 5, 2160);
      input.object("buildBatchConfigOverride").ifPresent(ProjectShapes::buildBatchConfig);
    }
  }

  /**
   * The project with the (checked) overrides of {@code input} applied; {@code project} is left unchanged.
   *
   * @throws ServiceError {@code InvalidInputException} naming an override whose inside the {@code Project} shape
   *     cannot hold (a member the checks leave to CodeBuild)
   */
  public static Project effectiveProject(Project project, ObjectNode input) {
    return effectiveProject(project, input, Starting.BUILD);
  }

  /**
   * The project with the (checked) overrides of the operation's {@code input} applied; {@code project} is left
   * unchanged. A {@code buildBatchConfigOverride} replaces the project's batch configuration whole, as {@code
   * artifactsOverride} replaces its artifacts.
   *
   * @throws ServiceError {@code InvalidInputException} naming an override whose inside the {@code Project} shape
   *     cannot hold (a member the checks leave to CodeBuild)
   */
  public static Project effectiveProject(Project project, ObjectNode input, Starting starting) {
    Project sent = overrides(input, starting);
    Project.Builder effective = Project.builder().from(project);
    // Immutables' Builder.from: an optional the override has replaces the project's, one it lacks keeps the
    // project's; so a source or environment override changes the members it names and no other
    sent.source().ifPresent(source -> effective.source(
        ProjectSource.builder().from(project.source().orElseGet(() -> ProjectSource.builder().build()))
            .from(source).build()));
    sent.environment().ifPresent(environment -> effective.environment(environment(project.environment()
        .orElseGet(() -> ProjectEnvironment.builder().build()), environment)));
    sent.sourceVersion().ifPresent(effective::sourceVersion);
    if (sent.hasSecondarySources()) {
      effective.secondarySources(sent.secondarySources()).hasSecondarySources(true);
    }
    if (sent.hasSecondarySourceVersions()) {
      effective.secondarySourceVersions(sent.secondarySourceVersions()).hasSecondarySourceVersions(true);
    }
    sent.artifacts().ifPresent(effective::artifacts);
    if (sent.hasSecondaryArtifacts()) {
      effective.secondaryArtifacts(sent.secondaryArtifacts()).hasSecondaryArtifacts(true);
    }
    sent.cache().ifPresent(effective::cache);
    sent.serviceRole().ifPresent(effective::serviceRole);
    sent.timeoutInMinutes().ifPresent(effective::timeoutInMinutes);
    sent.queuedTimeoutInMinutes().ifPresent(effective::queuedTimeoutInMinutes);
    sent.encryptionKey().ifPresent(effective::encryptionKey);
    sent.logsConfig().ifPresent(effective::logsConfig);
    sent.autoRetryLimit().ifPresent(effective::autoRetryLimit);
    sent.buildBatchConfig().ifPresent(effective::buildBatchConfig);
    return effective.build();
  }

  /** StartBuild's {@code debugSessionEnabled}, which no project member holds: it goes to the build's debug session. */
  public static Optional<Boolean> debugSessionEnabled(ObjectNode input) {
    JsonNode enabled = input.get("debugSessionEnabled");
    return enabled != null && enabled.isBoolean() ? Optional.of(enabled.booleanValue()) : Optional.empty();
  }

  private static ProjectEnvironment environment(ProjectEnvironment project, ProjectEnvironment sent) {
    ProjectEnvironment.Builder environment = ProjectEnvironment.builder().from(project).from(sent)
        // Builder.from adds lists: the project's variables stay unless overridden, below
        .environmentVariables(project.environmentVariables())
        .hasEnvironmentVariables(project.hasEnvironmentVariables());
    if (sent.hasEnvironmentVariables()) {
      environment.environmentVariables(merged(project.environmentVariables(), sent.environmentVariables()))
          .hasEnvironmentVariables(true);
    }
    return environment.build();
  }

  // spec-free but documented CodeBuild behaviour: an override replaces the project's variable of the same name
  private static List<EnvironmentVariable> merged(List<EnvironmentVariable> project, List<EnvironmentVariable> sent) {
    Map<String, EnvironmentVariable> byName = new LinkedHashMap<>();
    project.forEach(variable -> byName.put(variable.name().orElse(""), variable));
    sent.forEach(variable -> byName.put(variable.name().orElse(""), variable));
    return List.copyOf(byName.values());
  }

  // the overrides the request sent, each at the member of the Project shape it replaces, read as one Project
  private static Project overrides(ObjectNode input, Starting starting) {
    ObjectNode tree = Json.object();
    OVERRIDES.get(starting).forEach((override, at) -> {
      JsonNode value = input.get(override);
      if (value != null && !value.isNull()) {
        String[] path = at.split("\\.");
        ObjectNode owner = tree;
        for (int i = 0; i < path.length - 1; i++) {
          owner = owner.has(path[i]) ? (ObjectNode) owner.get(path[i]) : owner.putObject(path[i]);
        }
        owner.set(path[path.length - 1], value);
      }
    });
    return WireCodec.PROJECT.decode(tree).getOrElseThrow(error -> invalid(error, starting));
  }

  // the error's path in the project named as the override the request sent
  private static ServiceError invalid(WireError error, Starting starting) {
    String inProject = error.path().startsWith("project.") ? error.path().substring("project.".length()) : "";
    String member = OVERRIDES.get(starting).entrySet().stream()
        .filter(override -> inProject.equals(override.getValue()) || inProject.startsWith(override.getValue() + ".")
            || inProject.startsWith(override.getValue() + "["))
        .map(override -> override.getKey() + inProject.substring(override.getValue().length()))
        .findFirst().orElse(inProject);
    return ServiceError.validation("", member, "Member has the wrong type (" + error.problem() + ")");
  }

  private static Map<String, String> orderedOverrides(Starting starting) {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("sourceTypeOverride", "source.type");
    overrides.put("sourceLocationOverride", "source.location");
    overrides.put("sourceAuthOverride", "source.auth");
    overrides.put("gitCloneDepthOverride", "source.gitCloneDepth");
    overrides.put("gitSubmodulesConfigOverride", "source.gitSubmodulesConfig");
    overrides.put("buildspecOverride", "source.buildspec");
    overrides.put("insecureSslOverride", "source.insecureSsl");
    if (starting == Starting.BUILD) {
      overrides.put("reportBuildStatusOverride", "source.reportBuildStatus");
      overrides.put("buildStatusConfigOverride", "source.buildStatusConfig");
    } else {
      overrides.put("reportBuildBatchStatusOverride", "source.reportBuildStatus");
    }
    overrides.put("environmentTypeOverride", "environment.type");
    overrides.put("imageOverride", "environment.image");
    overrides.put("computeTypeOverride", "environment.computeType");
    overrides.put("certificateOverride", "environment.certificate");
    overrides.put("privilegedModeOverride", "environment.privilegedMode");
    overrides.put("registryCredentialOverride", "environment.registryCredential");
    overrides.put("imagePullCredentialsTypeOverride", "environment.imagePullCredentialsType");
    if (starting == Starting.BUILD) {
      overrides.put("fleetOverride", "environment.fleet");
    }
    overrides.put("environmentVariablesOverride", "environment.environmentVariables");
    overrides.put("sourceVersion", "sourceVersion");
    overrides.put("secondarySourcesOverride", "secondarySources");
    overrides.put("secondarySourcesVersionOverride", "secondarySourceVersions");
    overrides.put("artifactsOverride", "artifacts");
    overrides.put("secondaryArtifactsOverride", "secondaryArtifacts");
    overrides.put("cacheOverride", "cache");
    overrides.put("serviceRoleOverride", "serviceRole");
    overrides.put(starting == Starting.BUILD ? "timeoutInMinutesOverride" : "buildTimeoutInMinutesOverride",
        "timeoutInMinutes");
    overrides.put("queuedTimeoutInMinutesOverride", "queuedTimeoutInMinutes");
    overrides.put("encryptionKeyOverride", "encryptionKey");
    overrides.put("logsConfigOverride", "logsConfig");
    if (starting == Starting.BUILD) {
      overrides.put("autoRetryLimitOverride", "autoRetryLimit");
    } else {
      overrides.put("buildBatchConfigOverride", "buildBatchConfig");
    }
    return Collections.unmodifiableMap(overrides);
  }

  /** The request's idempotency token, if it sent one (a checked input). */
  static Optional<String> idempotencyToken(ObjectNode input) {
    JsonNode token = input.get(TOKEN);
    return token != null && token.isTextual() ? Optional.of(token.textValue()) : Optional.empty();
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
