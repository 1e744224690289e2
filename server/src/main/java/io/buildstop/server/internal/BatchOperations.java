package io.buildstop.server.internal;

import io.buildstop.api.BatchGetBuildBatchesResult;
import io.buildstop.domain.lifecycle.BatchDeletion;
import io.buildstop.domain.lifecycle.RetryBuildBatchType;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.Project;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.wire.MemberReader;
import io.buildstop.wire.WireCodec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * StartBuildBatch, StopBuildBatch, RetryBuildBatch, DeleteBuildBatch and BatchGetBuildBatches over the in-memory
 * backend, which does each in one atomic
 * step (a batch with its members): this reads the request's members, calls it and writes its answer through {@link
 * WireCodec#BUILD_BATCH}, and holds no lock or state of its own.
 */
public final class BatchOperations {
  private final InMemoryCodeBuild backend;
  private final Arns arns;

  /** Operations on this backend's batches. */
  public BatchOperations(InMemoryCodeBuild backend, Arns arns) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.arns = Objects.requireNonNull(arns, "arns");
  }

  /**
   * StartBuildBatch: {@code {"buildBatch": ...}}, the batch started from the batch section of {@code
   * buildspecOverride} or of the project's inline buildspec, configured from the project with the request's overrides
   * applied by StartBuild's rules ({@link StartBuildInput}: source, environment and its variables, timeouts, service
   * role, cache, logs, {@code buildBatchConfigOverride}...), which its members inherit; ResourceNotFoundException for
   * an unknown project, InvalidInputException for an override the service model refuses or a buildspec without a
   * valid batch section. Its {@code idempotencyToken} is honoured as StartBuild's: the same token and parameters within
   * five minutes answer the batch the first call started; other parameters, IdempotentParameterMismatchException.
   */
  public Reply startBuildBatch(Operation.Call call) {
    String name = MemberReader.validate(call.input(), input -> {
      Optional<String> projectName = input.requiredNonEmpty("projectName");
      StartBuildInput.check(input, StartBuildInput.Starting.BUILD_BATCH);
      return projectName.map(Arns::projectName).orElse("");
    }).getOrElseThrow(ServiceError::invalid);
    Project stored = backend.project(name)
        .orElseThrow(() -> ServiceError.resourceNotFound("Project cannot be found: " + arns.project(name)));
    Project project = StartBuildInput.effectiveProject(stored, call.input(), StartBuildInput.Starting.BUILD_BATCH);
    String buildspec = project.source().flatMap(source -> source.buildspec())
        .orElseThrow(() -> ServiceError.invalidInput(
            "A batch build needs a buildspec with a batch section: send buildspecOverride, or give the project one"));
    BuildBatch configuration =
        configuration(project, StartBuildInput.debugSessionEnabled(call.input()), call.initiator());
    BuildBatch batch = StartBuildInput.idempotencyToken(call.input())
        .map(token -> backend.startBuildBatch(configuration, buildspec, token,
            StartBuildInput.parameters(call.input())))
        .orElseGet(() -> backend.startBuildBatch(configuration, buildspec))
        .getOrElseThrow(BuildOperations::refusal);
    return answer(batch);
  }

  /** StopBuildBatch: the port's answer, {@code {"buildBatch": ...}}, or its failure as CodeBuild's error. */
  public Reply stopBuildBatch(Operation.Call call) {
    String id = MemberReader.validate(call.input(), input -> input.requiredNonEmpty("id").orElse(""))
        .getOrElseThrow(ServiceError::invalid);
    return answer(backend.stopBuildBatch(id).getOrElseThrow(BuildOperations::refusal));
  }

  /**
   * RetryBuildBatch: {@code {"buildBatch": ...}}, the batch retried in place (docs/batch-rules.md §5a), or, for a
   * repeated {@code idempotencyToken}, the batch its first call retried, as it is now. InvalidInputException for a
   * missing or malformed id, an unknown {@code retryType} or a batch that cannot be retried (running or succeeded);
   * ResourceNotFoundException for an unknown batch; IdempotentParameterMismatchException for a token repeated with
   * other parameters. The model makes {@code id} optional; a retry names its batch, so here it is required.
   */
  public Reply retryBuildBatch(Operation.Call call) {
    RetryRequest request = MemberReader.validate(call.input(), input -> new RetryRequest(
        input.requiredNonEmpty("id").orElse(""),
        input.enumValue("retryType", Enums.RETRY_BUILD_BATCH_TYPES).flatMap(RetryBuildBatchType::fromWireValue),
        input.string("idempotencyToken"))).getOrElseThrow(ServiceError::invalid);
    BuildBatch batch = request.idempotencyToken()
        .map(token -> backend.retryBuildBatch(request.id(), request.retryType(), token,
            StartBuildInput.parameters(call.input())))
        .orElseGet(() -> backend.retryBuildBatch(request.id(), request.retryType()))
        .getOrElseThrow(BuildOperations::refusal);
    return answer(batch);
  }

  /**
   * DeleteBuildBatch: {@code {"statusCode": "BATCH_DELETED", "buildsDeleted": [...], "buildsNotDeleted": [...]}},
   * builds by ARN, as the AWS CLI's {@code delete-build-batch} example; a running member is not deleted (statusCode
   * BUILD_IN_PROGRESS, buildstop's policy). InvalidInputException for a missing, malformed or unknown id, the only
   * error CodeBuild documents for it.
   */
  public Reply deleteBuildBatch(Operation.Call call) {
    String id = MemberReader.validate(call.input(), input -> input.requiredNonEmpty("id").orElse(""))
        .getOrElseThrow(ServiceError::invalid);
    BatchDeletion deletion = backend.deleteBuildBatch(id).getOrElseThrow(BuildOperations::refusal);
    return out -> {
      out.writeStartObject();
      out.writeStringField("statusCode", deletion.statusCode());
      BuildOperations.writeDeletedBuilds(out, deletion.buildsDeleted(), deletion.buildsNotDeleted());
      out.writeEndObject();
    };
  }

  /** BatchGetBuildBatches: {@code {"buildBatches": [...], "buildBatchesNotFound": [...]}}, in request order. */
  public Reply batchGetBuildBatches(Operation.Call call) {
    List<String> ids = MemberReader.validate(call.input(), input -> input.requiredStrings("ids", 1, 100))
        .getOrElseThrow(ServiceError::invalid);
    BatchGetBuildBatchesResult result = backend.batchGetBuildBatches(ids).getOrElseThrow(BuildOperations::refusal);
    return out -> {
      out.writeStartObject();
      out.writeArrayFieldStart("buildBatches");
      for (BuildBatch batch : result.buildBatches()) {
        WireCodec.BUILD_BATCH.write(batch, out);
      }
      out.writeEndArray();
      out.writeArrayFieldStart("buildBatchesNotFound");
      for (String notFound : result.buildBatchesNotFound()) {
        out.writeString(notFound);
      }
      out.writeEndArray();
      out.writeEndObject();
    };
  }

  private record RetryRequest(String id, Optional<RetryBuildBatchType> retryType, Optional<String> idempotencyToken) {}

  // a batch's configuration is its (effective) project's, as CodeBuild copies it (the StartBuildBatch response)
  private static BuildBatch configuration(Project project, Optional<Boolean> debugSessionEnabled, String initiator) {
    BuildBatch.Builder batch = BuildBatch.builder()
        .projectName(project.name())
        .initiator(initiator)
        .sourceVersion(project.sourceVersion())
        .source(project.source())
        .cache(project.cache())
        .environment(project.environment())
        .serviceRole(project.serviceRole())
        .logConfig(project.logsConfig())
        .buildTimeoutInMinutes(project.timeoutInMinutes())
        .queuedTimeoutInMinutes(project.queuedTimeoutInMinutes())
        .vpcConfig(project.vpcConfig())
        .encryptionKey(project.encryptionKey())
        .buildBatchConfig(project.buildBatchConfig())
        .debugSessionEnabled(debugSessionEnabled);
    if (project.hasSecondarySources()) {
      batch.secondarySources(project.secondarySources()).hasSecondarySources(true);
    }
    if (project.hasSecondarySourceVersions()) {
      batch.secondarySourceVersions(project.secondarySourceVersions()).hasSecondarySourceVersions(true);
    }
    if (project.hasFileSystemLocations()) {
      batch.fileSystemLocations(project.fileSystemLocations()).hasFileSystemLocations(true);
    }
    return batch.build();
  }

  private static Reply answer(BuildBatch batch) {
    return out -> {
      out.writeStartObject();
      out.writeFieldName("buildBatch");
      WireCodec.BUILD_BATCH.write(batch, out);
      out.writeEndObject();
    };
  }
}
