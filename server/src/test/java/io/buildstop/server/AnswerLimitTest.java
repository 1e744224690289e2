package io.buildstop.server;

import static io.buildstop.server.RawHttp.call;
import static io.buildstop.server.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildstop.server.RawHttp.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.CodeBuildException;

/**
 * Answers are bounded (issue 17.1): an answer larger than {@code maxAnswerBytes} (a BatchGetBuilds of builds that
 * each carry a lot) is not produced; it is a typed 500 that says why, and the connection carries the next request.
 */
@DisplayName("the limit on an answer")
class AnswerLimitTest {
  private static final int LIMIT = 64 * 1024;
  private static final String EIGHT_KB = "x".repeat(8 * 1024);

  @Test
  void aBatchGetBuildsLargerThanTheLimitIsATyped500AndTheConnectionCarriesOn() throws Exception {
    try (CodeBuildServer server = CodeBuildServer.builder().maxAnswerBytes(LIMIT).start()) {
      List<String> ids = bigBuilds(server, 20);

      try (RawSocket socket = new RawSocket(server)) {
        RawSocket.Answer tooLarge = socket.send(request("BatchGetBuilds", ids)).answer();
        RawSocket.Answer fits = socket.send(request("BatchGetBuilds", ids.subList(0, 2))).answer();
        RawSocket.Answer stopped = socket.send(RawSocket.stopBuild(json("{'id': '" + ids.get(0) + "'}"))).answer();

        assertThat(tooLarge.status()).isEqualTo(500);
        assertThat(tooLarge.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(tooLarge.header("Connection")).isNull();
        JsonNode error = RawHttp.JSON.readTree(tooLarge.body());
        assertThat(error.get("__type").asText()).isEqualTo("InternalFailure");
        assertThat(error.get("message").asText()).contains("larger than this server's limit of 65536 bytes",
            "maxAnswerBytes", "fewer builds");
        assertThat(tooLarge.body()).doesNotContain(EIGHT_KB.substring(0, 64));
        assertThat(fits.status()).isEqualTo(200);
        assertThat(RawHttp.JSON.readTree(fits.body()).get("builds")).hasSize(2);
        assertThat(stopped.status()).isEqualTo(200);
      }
    }
  }

  @Test
  void theAwsSdkReadsItAsInternalFailure() {
    try (CodeBuildServer server = CodeBuildServer.builder().maxAnswerBytes(LIMIT).start();
        CodeBuildClient client = SdkClients.withoutRetries(server.endpoint(), "x", "x")) {
      List<String> ids = bigBuilds(server, 20);

      assertThatThrownBy(() -> client.batchGetBuilds(r -> r.ids(ids)))
          .isInstanceOfSatisfying(CodeBuildException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
          });
      assertThat(client.batchGetBuilds(r -> r.ids(ids.subList(0, 3))).builds()).hasSize(3);
    }
  }

  @Test
  void theDefaultLetsAHundredOrdinaryBuildsThrough() {
    try (CodeBuildServer server = CodeBuildServer.builder().start()) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        ids.add(server.backend().startBuild("ordinary").get().id().orElseThrow());
      }

      Reply reply = call(server.endpoint(), "BatchGetBuilds", body(ids));

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().get("builds")).hasSize(100);
      assertThat(CodeBuildServer.Builder.DEFAULT_MAX_ANSWER_BYTES).isEqualTo(16 * 1024 * 1024);
    }
  }

  @Test
  void theLimitHoldsAtLeastOneBuild() {
    assertThatThrownBy(() -> CodeBuildServer.builder().maxAnswerBytes(4095))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4096");
  }

  // builds started over HTTP, each with 8 KiB of environment variables
  private static List<String> bigBuilds(CodeBuildServer server, int count) {
    String project = Projects.freshName();
    assertThat(call(server.endpoint(), "CreateProject", Projects.minimal(project)).status()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Reply started = call(server.endpoint(), "StartBuild", json("{'projectName': '" + project + "',"
          + " 'environmentVariablesOverride': [{'name': 'BIG', 'value': '" + EIGHT_KB + "'}]}"));
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      ids.add(started.json().get("build").get("id").asText());
    }
    return ids;
  }

  private static String body(List<String> ids) {
    return "{\"ids\": [\"" + String.join("\", \"", ids) + "\"]}";
  }

  private static String request(String operation, List<String> ids) {
    String body = body(ids);
    return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
        + "X-Amz-Target: CodeBuild_20161006." + operation + "\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
  }
}
