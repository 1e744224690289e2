package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhase;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildSummary;
import io.buildstop.domain.model.EnvironmentVariable;
import io.buildstop.wire.WireCodec;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The page's views of builds and batches: what a person needs to watch and stop them, and nothing secret. A view is
 * written from named members only (an allow-list), so a member added to the model later is not shown until chosen:
 * no registry credential, no value of a {@code PARAMETER_STORE} or {@code SECRETS_MANAGER} variable, no
 * configuration beyond these. Times are ISO-8601 in UTC.
 */
final class PageShapes {
  /** The only type of environment variable whose value the page shows; absent reads as it, CodeBuild's default. */
  static final String PLAINTEXT = "PLAINTEXT";

  private PageShapes() {}

  /**
   * {@code {"id", "arn", "projectName", "buildNumber", "buildStatus", "currentPhase", "buildComplete", "startTime",
   * "endTime"?, "sourceVersion"?, "initiator"?, "buildBatchArn"?, "phases": [{"phaseType", "phaseStatus"?,
   * "startTime", "endTime"?, "durationInSeconds"?}], "environmentVariables": [{"name", "type", "value"?}]}}, the value
   * of {@link #PLAINTEXT} variables alone.
   */
  static ObjectNode build(Build build) {
    ObjectNode view = Json.object();
    build.id().ifPresent(id -> view.put("id", id));
    build.arn().ifPresent(arn -> view.put("arn", arn));
    build.projectName().ifPresent(name -> view.put("projectName", name));
    build.buildNumber().ifPresent(number -> view.put("buildNumber", number));
    build.buildStatusAsString().ifPresent(status -> view.put("buildStatus", status));
    build.currentPhaseAsString().ifPresent(phase -> view.put("currentPhase", phase));
    view.put("buildComplete", build.buildComplete().orElse(false));
    time(view, "startTime", build.startTime());
    time(view, "endTime", build.endTime());
    build.sourceVersion().ifPresent(version -> view.put("sourceVersion", version));
    build.initiator().ifPresent(initiator -> view.put("initiator", initiator));
    build.buildBatchArn().ifPresent(arn -> view.put("buildBatchArn", arn));
    ArrayNode phases = view.putArray("phases");
    for (BuildPhase phase : build.phases()) {
      phases.add(phase(phase.phaseTypeAsString(), phase.phaseStatusAsString(), phase.startTime(), phase.endTime(),
          phase.durationInSeconds()));
    }
    ArrayNode variables = view.putArray("environmentVariables");
    build.environment().ifPresent(environment -> {
      for (EnvironmentVariable variable : environment.environmentVariables()) {
        variables.add(variable(variable));
      }
    });
    return view;
  }

  /**
   * {@code {"id", "arn", "projectName", "buildBatchNumber"?, "buildBatchStatus", "currentPhase", "complete",
   * "startTime", "endTime"?, "phases": [...], "builds": [{"identifier", "buildStatus"?, "currentPhase"?, "id"?}]}}:
   * each build group with its current build, whose phase {@code builds} tells when it holds it.
   */
  static ObjectNode buildBatch(BuildBatch batch, Function<BuildId, Optional<Build>> builds) {
    ObjectNode view = Json.object();
    batch.id().ifPresent(id -> view.put("id", id));
    batch.arn().ifPresent(arn -> view.put("arn", arn));
    batch.projectName().ifPresent(name -> view.put("projectName", name));
    batch.buildBatchNumber().ifPresent(number -> view.put("buildBatchNumber", number));
    batch.buildBatchStatusAsString().ifPresent(status -> view.put("buildBatchStatus", status));
    batch.currentPhaseAsString().ifPresent(phase -> view.put("currentPhase", phase));
    view.put("complete", batch.complete().orElse(false));
    time(view, "startTime", batch.startTime());
    time(view, "endTime", batch.endTime());
    ArrayNode phases = view.putArray("phases");
    for (BuildBatchPhase phase : batch.phases()) {
      phases.add(phase(phase.phaseTypeAsString(), phase.phaseStatusAsString(), phase.startTime(), phase.endTime(),
          phase.durationInSeconds()));
    }
    ArrayNode members = view.putArray("builds");
    for (BuildGroup group : batch.buildGroups()) {
      ObjectNode member = members.addObject();
      group.identifier().ifPresent(identifier -> member.put("identifier", identifier));
      Optional<BuildSummary> current = group.currentBuildSummary();
      current.flatMap(BuildSummary::buildStatusAsString).ifPresent(status -> member.put("buildStatus", status));
      Optional<BuildId> id = current.flatMap(BuildSummary::arn)
          .flatMap(arn -> BuildId.parse(arn).toJavaOptional());
      id.flatMap(builds).flatMap(Build::currentPhaseAsString).ifPresent(phase -> member.put("currentPhase", phase));
      id.ifPresent(buildId -> member.put("id", buildId.value()));
    }
    return view;
  }

  /**
   * An event as {@link WireCodec#BUILD_EVENT} writes it (as EventBridge delivers it), but for the value of each
   * environment variable of its build that is not {@link #PLAINTEXT}, which is left out.
   */
  static JsonNode event(BuildEvent event) {
    JsonNode view = Json.tree(out -> WireCodec.BUILD_EVENT.write(event, out));
    for (JsonNode variables : view.findValues("environment-variables")) {
      for (JsonNode variable : variables) {
        if (variable.isObject() && !variable.path("type").asText(PLAINTEXT).equals(PLAINTEXT)) {
          ((ObjectNode) variable).remove("value");
        }
      }
    }
    return view;
  }

  private static ObjectNode phase(Optional<String> type, Optional<String> status, Optional<Instant> start,
      Optional<Instant> end, Optional<Long> duration) {
    ObjectNode view = Json.object();
    type.ifPresent(phaseType -> view.put("phaseType", phaseType));
    status.ifPresent(phaseStatus -> view.put("phaseStatus", phaseStatus));
    time(view, "startTime", start);
    time(view, "endTime", end);
    duration.ifPresent(seconds -> view.put("durationInSeconds", seconds));
    return view;
  }

  // the value of a plaintext variable alone: a PARAMETER_STORE or SECRETS_MANAGER value names a secret
  private static ObjectNode variable(EnvironmentVariable variable) {
    ObjectNode view = Json.object();
    variable.name().ifPresent(name -> view.put("name", name));
    String type = variable.typeAsString().orElse(PLAINTEXT);
    view.put("type", type);
    if (type.equals(PLAINTEXT)) {
      variable.value().ifPresent(value -> view.put("value", value));
    }
    return view;
  }

  private static void time(ObjectNode view, String member, Optional<Instant> time) {
    time.ifPresent(instant -> view.put(member, instant.toString()));
  }
}
