package io.buildstop.server;

import static io.buildstop.server.RawHttp.call;
import static io.buildstop.server.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.wire.WireCodec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batch operations over the wire, without a peer: what StartBuildBatch, StopBuildBatch, RetryBuildBatch,
 * DeleteBuildBatch, BatchGetBuildBatches and the batch listings answer, read back losslessly through {@link WireCodec#BUILD_BATCH}, and CodeBuild's errors.
 */
class BatchOperationsTest {
  private static final String GRAPH = "version: 0.2\\nbatch:\\n  build-graph:\\n    - identifier: first\\n"
      + "    - identifier: second\\n      depend-on: [first]\\n";

  private final InMemoryCodeBuild backend = InMemoryCodeBuild.create();
  private final CodeBuildServer server = CodeBuildServer.builder().backend(backend).start();

  @AfterEach
  void stop() {
    server.close();
  }

  private static JsonNode tree(String body) {
    try {
      return RawHttp.JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private BuildBatch batchOf(RawHttp.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return WireCodec.BUILD_BATCH.decode(reply.json().get("buildBatch")).get();
  }

  private BuildBatch started() {
    server.createProject("wired");
    return batchOf(call(server.endpoint(), "StartBuildBatch",
        json("{'projectName': 'wired', 'buildspecOverride': '" + GRAPH + "'}")));
  }

  @Test
  void startBuildBatchAnswersTheBatchTheBackendHolds() {
    BuildBatch batch = started();

    assertThat(batch.buildBatchStatusAsString()).contains("IN_PROGRESS");
    assertThat(Optional.of(batch)).isEqualTo(backend.buildBatch(BuildId.parse(batch.id().orElseThrow()).get()));
  }

  @Test
  void stopBuildBatchAnswersTheStoppedBatchAndASecondStopTheSame() {
    BuildBatch batch = started();
    backend.advanceBuildBatch(batch.id().orElseThrow()).get();
    backend.advanceBuildBatch(batch.id().orElseThrow()).get();

    BuildBatch stopped = batchOf(call(server.endpoint(), "StopBuildBatch",
        json("{'id': '" + batch.id().orElseThrow() + "'}")));
    BuildBatch again = batchOf(call(server.endpoint(), "StopBuildBatch",
        json("{'id': '" + batch.arn().orElseThrow() + "'}")));

    assertThat(stopped.buildBatchStatusAsString()).contains("STOPPED");
    assertThat(again).isEqualTo(stopped);
    assertThat(backend.buildBatch(BuildId.parse(batch.id().orElseThrow()).get())).contains(stopped);
  }

  @Test
  void batchGetBuildBatchesAnswersTheBatchesAndTheIdsNotFound() {
    BuildBatch batch = started();

    RawHttp.Reply reply = call(server.endpoint(), "BatchGetBuildBatches",
        json("{'ids': ['" + batch.id().orElseThrow() + "', 'wired:unknown']}"));

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(WireCodec.BUILD_BATCH.decode(body.get("buildBatches").get(0)).get()).isEqualTo(batch);
    assertThat(body.get("buildBatchesNotFound").get(0).asText()).isEqualTo("wired:unknown");
  }

  @Test
  void theListingsListTheBatchIds() {
    BuildBatch batch = started();

    assertThat(call(server.endpoint(), "ListBuildBatchesForProject", json("{'projectName': 'wired'}"))
        .json().get("ids").get(0).asText()).isEqualTo(batch.id().orElseThrow());
    assertThat(call(server.endpoint(), "ListBuildBatches", "{}").json().get("ids").get(0).asText())
        .isEqualTo(batch.id().orElseThrow());
  }

  @Test
  void startBuildBatchAppliesItsOverridesByStartBuildsRules() {
    server.createProject("wired");

    BuildBatch batch = batchOf(call(server.endpoint(), "StartBuildBatch", json("{'projectName': 'wired', "
        + "'buildspecOverride': '" + GRAPH + "', 'sourceVersion': 'refs/heads/feature', "
        + "'imageOverride': 'aws/codebuild/standard:6.0', 'computeTypeOverride': 'BUILD_GENERAL1_LARGE', "
        + "'environmentVariablesOverride': [{'name': 'STAGE', 'value': 'test'}], "
        + "'buildTimeoutInMinutesOverride': 30, 'queuedTimeoutInMinutesOverride': 20, "
        + "'serviceRoleOverride': 'arn:aws:iam::123456789012:role/batch-role', "
        + "'buildBatchConfigOverride': {'combineArtifacts': true, 'timeoutInMins': 45, "
        + "'batchReportMode': 'REPORT_AGGREGATED_BATCH', 'restrictions': {'maximumBuildsAllowed': 10}}, "
        + "'debugSessionEnabled': true}")));

    assertThat(batch.sourceVersion()).contains("refs/heads/feature");
    assertThat(batch.environment().orElseThrow().image()).contains("aws/codebuild/standard:6.0");
    assertThat(batch.environment().orElseThrow().computeTypeAsString()).contains("BUILD_GENERAL1_LARGE");
    assertThat(batch.environment().orElseThrow().environmentVariables())
        .anySatisfy(variable -> assertThat(variable.name()).contains("STAGE"));
    assertThat(batch.buildTimeoutInMinutes()).contains(30);
    assertThat(batch.queuedTimeoutInMinutes()).contains(20);
    assertThat(batch.serviceRole()).contains("arn:aws:iam::123456789012:role/batch-role");
    assertThat(batch.buildBatchConfig().orElseThrow().combineArtifacts()).contains(true);
    assertThat(batch.buildBatchConfig().orElseThrow().timeoutInMins()).contains(45);
    assertThat(batch.buildBatchConfig().orElseThrow().batchReportModeAsString()).contains("REPORT_AGGREGATED_BATCH");
    assertThat(batch.debugSessionEnabled()).contains(true);
    // the members inherit them
    backend.advanceBuildBatch(batch.id().orElseThrow()).get();
    backend.advanceBuildBatch(batch.id().orElseThrow()).get();
    Build first = backend.buildBatchRun(BuildId.parse(batch.id().orElseThrow()).get()).orElseThrow()
        .member("first").orElseThrow();
    assertThat(first.sourceVersion()).contains("refs/heads/feature");
    assertThat(first.timeoutInMinutes()).contains(30);
    assertThat(first.environment().orElseThrow().image()).contains("aws/codebuild/standard:6.0");
    assertThat(first.environment().orElseThrow().environmentVariables())
        .anySatisfy(variable -> assertThat(variable.name()).contains("STAGE"));
  }

  @Test
  void startBuildBatchWithARepeatedTokenStartsOneBatch() {
    server.createProject("wired");
    String request = "{'projectName': 'wired', 'buildspecOverride': '" + GRAPH + "', 'idempotencyToken': 'once'}";

    BuildBatch first = batchOf(call(server.endpoint(), "StartBuildBatch", json(request)));
    BuildBatch again = batchOf(call(server.endpoint(), "StartBuildBatch", json(request)));
    RawHttp.Reply other = call(server.endpoint(), "StartBuildBatch", json("{'projectName': 'wired', "
        + "'buildspecOverride': '" + GRAPH + "', 'idempotencyToken': 'once', 'sourceVersion': 'v2'}"));

    assertThat(again).isEqualTo(first);
    assertThat(other.type()).isEqualTo("IdempotentParameterMismatchException");
    assertThat(backend.buildBatchCount()).isEqualTo(1);
  }

  @Test
  void startBuildBatchRefusesAnInvalidOverrideAsStartBuildDoesAndStartsNothing() {
    server.createProject("wired");
    String start = "{'projectName': 'wired', 'buildspecOverride': '" + GRAPH + "', ";

    for (String override : List.of("'buildTimeoutInMinutesOverride': 4", "'queuedTimeoutInMinutesOverride': 481",
        "'computeTypeOverride': 'BUILD_HUGE'", "'environmentVariablesOverride': [{'name': 'NO_VALUE'}]",
        "'buildBatchConfigOverride': {'batchReportMode': 'REPORT_NOTHING'}",
        "'buildBatchConfigOverride': {'combineArtifacts': 'yes'}", "'imageOverride': ''",
        "'gitCloneDepthOverride': -1")) {
      RawHttp.Reply refused = call(server.endpoint(), "StartBuildBatch", json(start + override + "}"));

      assertThat(refused.status()).as(override).isEqualTo(400);
      assertThat(refused.type()).as(override).isEqualTo("InvalidInputException");
    }
    assertThat(backend.buildBatchCount()).isZero();
  }

  /** The started batch with its first member failed: the batch FAILED, the second member never ran. */
  private BuildBatch failed() {
    BuildBatch batch = started();
    String id = batch.id().orElseThrow();
    backend.advanceBuildBatch(id).get();
    backend.advanceBuildBatch(id).get();
    Build first = backend.buildBatchRun(BuildId.parse(id).get()).orElseThrow().member("first").orElseThrow();
    backend.complete(first.id().orElseThrow(), StatusType.FAILED).get();
    return backend.buildBatch(BuildId.parse(id).get()).orElseThrow();
  }

  @Test
  void retryBuildBatchAnswersTheBatchRetriedInPlace() {
    BuildBatch failed = failed();

    BuildBatch retried = batchOf(call(server.endpoint(), "RetryBuildBatch",
        json("{'id': '" + failed.arn().orElseThrow() + "', 'retryType': 'RETRY_FAILED_BUILDS'}")));

    assertThat(retried.id()).isEqualTo(failed.id());
    assertThat(retried.buildBatchNumber()).isEqualTo(failed.buildBatchNumber());
    assertThat(retried.buildBatchStatusAsString()).contains("IN_PROGRESS");
    assertThat(retried.currentPhaseAsString()).contains("SUBMITTED");
    assertThat(retried.phases().get(retried.phases().size() - 2).phaseStatusAsString()).contains("RETRY");
    assertThat(retried.buildGroups().get(0).priorBuildSummaryList()).containsExactly(
        failed.buildGroups().get(0).currentBuildSummary().orElseThrow());
    assertThat(backend.buildBatch(BuildId.parse(failed.id().orElseThrow()).get())).contains(retried);
  }

  @Test
  void retryBuildBatchWithARepeatedTokenRetriesOnce() {
    BuildBatch failed = failed();
    String request = "{'id': '" + failed.id().orElseThrow() + "', 'idempotencyToken': 'once'}";

    BuildBatch first = batchOf(call(server.endpoint(), "RetryBuildBatch", json(request)));
    BuildBatch again = batchOf(call(server.endpoint(), "RetryBuildBatch", json(request)));
    RawHttp.Reply other = call(server.endpoint(), "RetryBuildBatch", json("{'id': '" + failed.id().orElseThrow()
        + "', 'idempotencyToken': 'once', 'retryType': 'RETRY_ALL_BUILDS'}"));

    assertThat(again).isEqualTo(first);
    assertThat(other.type()).isEqualTo("IdempotentParameterMismatchException");
  }

  @Test
  void retryBuildBatchOfARunningBatchIsInvalidInputAndChangesNothing() {
    BuildBatch running = started();

    RawHttp.Reply refused = call(server.endpoint(), "RetryBuildBatch",
        json("{'id': '" + running.id().orElseThrow() + "'}"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.type()).isEqualTo("InvalidInputException");
    assertThat(refused.body()).contains("Only batch builds that have failed can be retried");
    assertThat(backend.buildBatch(BuildId.parse(running.id().orElseThrow()).get())).contains(running);
  }

  @Test
  void deleteBuildBatchAnswersTheBuildsDeletedAndTheBatchIsThenNotFound() {
    BuildBatch failed = failed();
    String id = failed.id().orElseThrow();
    String firstArn = failed.buildGroups().get(0).currentBuildSummary().orElseThrow().arn().orElseThrow();

    RawHttp.Reply reply = call(server.endpoint(), "DeleteBuildBatch", json("{'id': '" + id + "'}"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json()).isEqualTo(tree(json(
        "{'statusCode': 'BATCH_DELETED', 'buildsDeleted': ['" + firstArn + "'], 'buildsNotDeleted': []}")));
    assertThat(call(server.endpoint(), "BatchGetBuildBatches", json("{'ids': ['" + id + "']}"))
        .json().get("buildBatchesNotFound").get(0).asText()).isEqualTo(id);
    assertThat(call(server.endpoint(), "BatchGetBuilds", json("{'ids': ['" + firstArn + "']}"))
        .json().get("buildsNotFound").get(0).asText()).isEqualTo(firstArn);
    assertThat(call(server.endpoint(), "ListBuildBatches", "{}").json().get("ids")).isEmpty();
    assertThat(call(server.endpoint(), "StopBuildBatch", json("{'id': '" + id + "'}")).type())
        .isEqualTo("ResourceNotFoundException");
    assertThat(call(server.endpoint(), "DeleteBuildBatch", json("{'id': '" + id + "'}")).type())
        .isEqualTo("InvalidInputException");
  }

  @Test
  void deleteBuildBatchLeavesARunningMemberAsBuildInProgress() {
    BuildBatch batch = started();
    backend.advanceBuildBatch(batch.id().orElseThrow()).get();
    BuildBatch running = backend.advanceBuildBatch(batch.id().orElseThrow()).get();
    String firstArn = running.buildGroups().get(0).currentBuildSummary().orElseThrow().arn().orElseThrow();

    JsonNode answer = call(server.endpoint(), "DeleteBuildBatch",
        json("{'id': '" + batch.id().orElseThrow() + "'}")).json();

    assertThat(answer.get("buildsDeleted")).isEmpty();
    assertThat(answer.get("buildsNotDeleted")).isEqualTo(tree(json(
        "[{'id': '" + firstArn + "', 'statusCode': 'BUILD_IN_PROGRESS'}]")));
    assertThat(backend.builds()).extracting(build -> build.arn().orElseThrow()).isEqualTo(List.of(firstArn));
  }

  @Test
  void theErrorsAreCodeBuilds() {
    server.createProject("wired");

    assertThat(call(server.endpoint(), "StopBuildBatch", "{}").type()).isEqualTo("InvalidInputException");
    assertThat(call(server.endpoint(), "StopBuildBatch", json("{'id': 'no-separator'}")).type())
        .isEqualTo("InvalidInputException");
    RawHttp.Reply unknown = call(server.endpoint(), "StopBuildBatch", json("{'id': 'wired:unknown'}"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.type()).isEqualTo("ResourceNotFoundException");
    assertThat(call(server.endpoint(), "StartBuildBatch", json("{'projectName': 'nobody'}")).type())
        .isEqualTo("ResourceNotFoundException");
    assertThat(call(server.endpoint(), "StartBuildBatch",
        json("{'projectName': 'wired', 'buildspecOverride': 'version: 0.2'}")).type())
        .isEqualTo("InvalidInputException");
    assertThat(call(server.endpoint(), "BatchGetBuildBatches", json("{'ids': []}")).type())
        .isEqualTo("InvalidInputException");
    assertThat(call(server.endpoint(), "ListBuildBatchesForProject", json("{'projectName': 'nobody'}")).type())
        .isEqualTo("ResourceNotFoundException");
    assertThat(call(server.endpoint(), "RetryBuildBatch", "{}").type()).isEqualTo("InvalidInputException");
    assertThat(call(server.endpoint(), "RetryBuildBatch", json("{'id': 'wired:unknown', 'retryType': 'SOME'}"))
        .type()).isEqualTo("InvalidInputException");
    assertThat(call(server.endpoint(), "RetryBuildBatch", json("{'id': 'wired:unknown'}")).type())
        .isEqualTo("ResourceNotFoundException");
    assertThat(call(server.endpoint(), "DeleteBuildBatch", "{}").type()).isEqualTo("InvalidInputException");
    assertThat(call(server.endpoint(), "DeleteBuildBatch", json("{'id': 'no-separator'}")).type())
        .isEqualTo("InvalidInputException");
    assertThat(backend.buildBatchCount()).isZero();
  }
}
