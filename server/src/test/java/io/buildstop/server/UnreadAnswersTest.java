package io.buildstop.server;

import static io.buildstop.server.RawHttp.call;
import static io.buildstop.server.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.server.RawHttp.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An answer its client does not read is not kept for ever (issue 17.1, bounded answers): once the idle timeout has
 * passed since it was queued, the connection closes and what is still queued is dropped. A 12 MB answer, far more
 * than the sockets' buffers hold, to a client that reads nothing for three idle timeouts, is cut short.
 */
@DisplayName("an answer nobody reads")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnreadAnswersTest {
  private static final Duration IDLE = Duration.ofSeconds(1);

  private CodeBuildServer server;
  private List<String> ids;

  @BeforeAll
  void aServerWithLargeBuilds() {
    server = CodeBuildServer.builder().idleTimeout(IDLE).requestHeadTimeout(Duration.ofSeconds(20)).start();
    String project = Projects.freshName();
    assertThat(call(server.endpoint(), "CreateProject", Projects.minimal(project)).status()).isEqualTo(200);
    String value = "u".repeat(200_000);
    ids = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Reply started = call(server.endpoint(), "StartBuild", json("{'projectName': '" + project + "',"
          + " 'environmentVariablesOverride': [{'name': 'BIG', 'value': '" + value + "'}]}"));
      assertThat(started.status()).isEqualTo(200);
      ids.add(started.json().get("build").get("id").asText());
    }
  }

  @AfterAll
  void stopTheServer() {
    server.close();
  }

  @ParameterizedTest(name = "Connection: {0}")
  @ValueSource(strings = {"keep-alive", "close"})
  void isCutShortOnceTheIdleTimeoutHasPassed(String connection) throws IOException, InterruptedException {
    String body = "{\"ids\": [\"" + String.join("\", \"", ids) + "\"]}";
    try (Socket socket = new Socket()) {
      // a small receive window, so that most of the answer stays queued in the server
      socket.setReceiveBufferSize(64 * 1024);
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
      socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: " + connection
          + "\r\nContent-Type: application/x-amz-json-1.1\r\nX-Amz-Target: CodeBuild_20161006.BatchGetBuilds\r\n"
          + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));

      Thread.sleep(3 * IDLE.toMillis());
      socket.setSoTimeout(20_000);
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] chunk = new byte[64 * 1024];
      try {
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
          received.write(chunk, 0, n);
        }
      } catch (IOException reset) {
        // dropped with a reset: what came before it is what was received
      }

      String text = received.toString(StandardCharsets.ISO_8859_1);
      int endOfHead = text.indexOf("\r\n\r\n");
      assertThat(endOfHead).as("the answer's head arrived").isPositive();
      assertThat(text).startsWith("HTTP/1.1 200 ");
      long declared = Long.parseLong(text.substring(0, endOfHead).replaceAll("(?is).*content-length: *([0-9]+).*",
          "$1"));
      assertThat(declared).isGreaterThan(10_000_000);
      assertThat((long) text.length() - endOfHead - 4).as("body bytes received").isLessThan(declared);
    }
    // the server goes on answering
    assertThat(call(server.endpoint(), "BatchGetBuilds", json("{'ids': ['" + ids.get(0) + "']}")).status())
        .isEqualTo(200);
    assertThat(server.failure()).isEmpty();
  }

  @Test
  void aClientThatReadsItsAnswerGetsAllOfIt() {
    Reply reply = call(server.endpoint(), "BatchGetBuilds", "{\"ids\": [\"" + String.join("\", \"", ids) + "\"]}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("builds")).hasSize(60);
  }
}
