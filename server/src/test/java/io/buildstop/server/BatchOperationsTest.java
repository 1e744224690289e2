package io.buildstop.server;

import static io.buildstop.server.RawHttp.call;
import static io.buildstop.server.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.wire.WireCodec;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batch operations over the wire, without a peer: what StartBuildBatch, StopBuildBatch, BatchGetBuildBatches and
 * the batch listings answer, read back losslessly through {@link WireCodec#BUILD_BATCH}, and CodeBuild's errors.
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
    assertThat(backend.buildBatchCount()).isZero();
  }
}
