package io.buildstop.server.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.buildstop.api.BatchGetBuildsResult;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BatchDeletion;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.Project;
import io.buildstop.memory.BatchDeleteBuildsResult;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.wire.BatchGetBuildsResponse;
import io.buildstop.wire.MemberReader;
import io.buildstop.wire.WireCodec;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * StartBuild, BatchGetBuilds, StopBuild, RetryBuild and BatchDeleteBuilds over the in-memory backend, which does each in one atomic step: this
 * reads the request's members, calls it and writes its answer, and holds no lock or state of its own.
 */
public final class BuildOperations {
  private final InMemoryCodeBuild backend;
  private final Arns arns;

  /** Operations on this backend's builds and projects. */
  public BuildOperations(InMemoryCodeBuild backend, Arns arns) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.arns = Objects.requireNonNull(arns, "arns");
  }

  /** StartBuild: {@code {"build": ...}} as the start-build capture, or ResourceNotFoundException. */
  public Reply startBuild(Operation.Call call) {
    String name = MemberReader.validate(call.input(), input -> {
      Optional<String> projectName = input.requiredNonEmpty("projectName");
      StartBuildInput.check(input);
      return projectName.map(Arns::projectName).orElse("");
    }).getOrElseThrow(ServiceError::invalid);
    Project project = backend.project(name)
        .orElseThrow(() -> ServiceError.resourceNotFound("Project cannot be found: " + arns.project(name)));
    NewBuild newBuild = new NewBuild(StartBuildInput.effectiveProject(project, call.input()),
        StartBuildInput.debugSessionEnabled(call.input()), arns);
    Build configuration = newBuild.configuration(call.initiator());
    Build build = StartBuildInput.idempotencyToken(call.input())
        .map(token -> backend.startBuild(configuration, newBuild::finish, token,
            StartBuildInput.parameters(call.input())))
        .orElseGet(() -> backend.startBuild(configuration, newBuild::finish))
        .getOrElseThrow(BuildOperations::refusal);
    return out -> WireCodec.STOP_BUILD_RESPONSE.write(build, out);
  }

  /** BatchGetBuilds: the builds found and the ids (or ARNs) not found, in request order. */
  public Reply batchGetBuilds(Operation.Call call) {
    List<String> ids = MemberReader.validate(call.input(), input -> input.requiredStrings("ids", 1, 100))
        .getOrElseThrow(ServiceError::invalid);
    // each id once, as the port reads them: 100 ids of one large build answer it once, not 100 times
    BatchGetBuildsResult result = backend.batchGetBuilds(ids).getOrElseThrow(BuildOperations::refusal);
    BatchGetBuildsResponse response = BatchGetBuildsResponse.of(result.builds(), result.buildsNotFound());
    return out -> WireCodec.BATCH_GET_BUILDS_RESPONSE.write(response, out);
  }

  /** StopBuild: the port's answer, {@code {"build": ...}}, or its {@link StopFailure} as CodeBuild's error. */
  public Reply stopBuild(Operation.Call call) {
    String id = MemberReader.validate(call.input(), input -> input.requiredNonEmpty("id").orElse(""))
        .getOrElseThrow(ServiceError::invalid);
    Build build = backend.stopBuild(id).getOrElseThrow(BuildOperations::refusal);
    return out -> WireCodec.STOP_BUILD_RESPONSE.write(build, out);
  }

  /**
   * RetryBuild: {@code {"build": ...}}, a new build of the finished build's configuration, started now by the
   * caller (its {@code initiator}), as the retry-build example answers ({@link
   * io.buildstop.domain.lifecycle.BuildRetryRules}). Its {@code idempotencyToken} is honoured as StartBuild's.
   * InvalidInputException for a missing or malformed id, a build still running or a member of a batch;
   * ResourceNotFoundException for an unknown build or a deleted project; IdempotentParameterMismatchException for a
   * token repeated with other parameters. The model makes {@code id} optional; a retry names its build, so here it is
   * required.
   */
  public Reply retryBuild(Operation.Call call) {
    String id = MemberReader.validate(call.input(), input -> {
      input.string("idempotencyToken");
      return input.requiredNonEmpty("id").orElse("");
    }).getOrElseThrow(ServiceError::invalid);
    Optional<String> initiator = Optional.of(call.initiator());
    Build build = StartBuildInput.idempotencyToken(call.input())
        .map(token -> backend.retryBuild(id, initiator, token, StartBuildInput.parameters(call.input())))
        .orElseGet(() -> backend.retryBuild(id, initiator))
        .getOrElseThrow(BuildOperations::refusal);
    return out -> WireCodec.STOP_BUILD_RESPONSE.write(build, out);
  }

  /**
   * BatchDeleteBuilds: {@code {"buildsDeleted": [ARNs], "buildsNotDeleted": [{"id", "statusCode"}]}}, as the AWS
   * CLI's batch-delete-builds example: finished builds are deleted, running ones answered BUILD_IN_PROGRESS; a
   * member its batch holds answered BUILD_IN_BATCH and ids no build has answered as deleted (buildstop's policy).
   * InvalidInputException for no ids, over 100 or a malformed one.
   */
  public Reply batchDeleteBuilds(Operation.Call call) {
    List<String> ids = MemberReader.validate(call.input(), input -> input.requiredStrings("ids", 1, 100))
        .getOrElseThrow(ServiceError::invalid);
    BatchDeleteBuildsResult result = backend.batchDeleteBuilds(ids).getOrElseThrow(BuildOperations::refusal);
    return out -> {
      out.writeStartObject();
      writeDeletedBuilds(out, result.buildsDeleted(), result.buildsNotDeleted());
      out.writeEndObject();
    };
  }

  /** A failure of the port as CodeBuild's error: every case a 400 but an unavailable backend, a 500. */
  static ServiceError refusal(StopFailure failure) {
    return switch (failure.code()) {
      case INVALID_INPUT -> ServiceError.invalidInput(failure.message());
      case RESOURCE_NOT_FOUND -> ServiceError.resourceNotFound(failure.message());
      case THROTTLED -> ServiceError.of(400, "ThrottlingException", failure.message());
      case ACCESS_DENIED -> ServiceError.of(400,
          failure instanceof StopFailure.AccessDenied denied ? denied.errorCode() : "AccessDeniedException",
          failure.message());
      case LIMIT_EXCEEDED -> ServiceError.of(400, "AccountLimitExceededException", failure.message());
      case PARAMETER_MISMATCH -> ServiceError.of(400, "IdempotentParameterMismatchException", failure.message());
      // the one 5xx the server sends: a backend failure (injected with failNextCalls), which clients retry
      case UNAVAILABLE -> ServiceError.of(500, "InternalFailure", failure.message());
    };
  }

  /**
   * The members BatchDeleteBuilds and DeleteBuildBatch share, written once: {@code "buildsDeleted"}, the ARNs, and
   * {@code "buildsNotDeleted"}, each {@code {"id", "statusCode"}}.
   */
  static void writeDeletedBuilds(JsonGenerator out, List<String> deleted,
      List<BatchDeletion.BuildNotDeleted> notDeleted) throws IOException {
    out.writeArrayFieldStart("buildsDeleted");
    for (String arn : deleted) {
      out.writeString(arn);
    }
    out.writeEndArray();
    out.writeArrayFieldStart("buildsNotDeleted");
    for (BatchDeletion.BuildNotDeleted build : notDeleted) {
      out.writeStartObject();
      out.writeStringField("id", build.id());
      out.writeStringField("statusCode", build.statusCode());
      out.writeEndObject();
    }
    out.writeEndArray();
  }
}
