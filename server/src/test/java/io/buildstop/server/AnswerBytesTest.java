package io.buildstop.server;

import static io.buildstop.server.RawHttp.call;
import static io.buildstop.server.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.RawHttp.Reply;
import io.buildstop.wire.BatchGetBuildsResponse;
import io.buildstop.wire.WireCodec;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The builds' answers are streamed, not built as trees first: their bodies must be, byte for byte, what the wire's
 * trees serialise to with a default {@link ObjectMapper}, as the server used to send them.
 */
class AnswerBytesTest {
  private static final ObjectMapper DEFAULT = new ObjectMapper();

  private final CodeBuildServer server = CodeBuildServer.start(InMemoryCodeBuild.create());

  @AfterEach
  void stopTheServer() {
    server.close();
  }

  @Test
  void aStopBuildAnswerIsTheTextOfTheResponsesTree() throws Exception {
    Build running = server.backend().startBuildInPhase("answer-bytes", BuildPhaseType.BUILD).get();

    Reply reply = call(server.endpoint(), "StopBuild", json("{'id': '" + running.id().orElseThrow() + "'}"));

    Build stopped = stored(running);
    assertThat(reply.body()).isEqualTo(treeText(WireCodec.STOP_BUILD_RESPONSE.encode(stopped)));
  }

  @Test
  void aStartBuildAnswerIsTheTextOfTheResponsesTree() throws Exception {
    String project = Projects.freshName();
    assertThat(call(server.endpoint(), "CreateProject", Projects.minimal(project)).status()).isEqualTo(200);

    Reply reply = call(server.endpoint(), "StartBuild", json("{'projectName': '" + project + "'}"));

    Build started = WireCodec.STOP_BUILD_RESPONSE.decode(reply.body()).get();
    assertThat(reply.body()).isEqualTo(treeText(WireCodec.STOP_BUILD_RESPONSE.encode(stored(started))));
  }

  @Test
  void aBatchGetBuildsAnswerIsTheTextOfTheResponsesTree() throws Exception {
    Build first = server.backend().startBuildInPhase("answer-bytes", BuildPhaseType.BUILD).get();
    Build second = server.backend().startCompletedBuild("answer-bytes", StatusType.FAILED).get();
    String missing = "answer-bytes:00000000-0000-0000-0000-000000000000";

    Reply reply = call(server.endpoint(), "BatchGetBuilds", json("{'ids': ['" + second.id().orElseThrow() + "', '"
        + missing + "', '" + first.arn().orElseThrow() + "']}"));

    BatchGetBuildsResponse expected = BatchGetBuildsResponse.of(List.of(second, first), List.of(missing));
    assertThat(reply.body()).isEqualTo(treeText(WireCodec.BATCH_GET_BUILDS_RESPONSE.encode(expected)));
  }

  private Build stored(Build build) {
    return server.backend().build(BuildId.parse(build.id().orElseThrow()).get()).orElseThrow();
  }

  private static String treeText(JsonNode tree) throws Exception {
    return DEFAULT.writeValueAsString(tree);
  }
}
