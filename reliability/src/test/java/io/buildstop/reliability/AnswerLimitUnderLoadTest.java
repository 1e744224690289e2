package io.buildstop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildstop.server.CodeBuildServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Answer amplification (issue 17.1): 100 builds that each carry 200 KB of environment variables make a BatchGetBuilds
 * of their 100 ids a 20 MB answer, over the default 16 MiB limit on an answer. 8 clients ask for it at once, again
 * and again, each on one kept-alive connection: every such call is refused with a typed 500 {@code InternalFailure}
 * without the answer being produced, and the next request on the same connection (a BatchGetBuilds of 5 of them) is
 * answered 200; the server never fails. Counts go to {@code target/reliability/answer-limit.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnswerLimitUnderLoadTest {
  private static final int BUILDS = 100;
  private static final int CLIENTS = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Counts counts = new Counts();

  @Test
  void anAnswerOverTheLimitIsATyped500AndEachConnectionCarriesOn() throws Exception {
    try (CodeBuildServer server = CodeBuildServer.builder().start()) {
      List<String> ids = bigBuilds(server);
      int rounds = Scale.times(4);
      AtomicInteger refused = new AtomicInteger();
      AtomicInteger answered = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
          running.add(clients.submit(() -> {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
              socket.setSoTimeout(60_000);
              for (int round = 0; round < rounds; round++) {
                Answer tooLarge = exchange(socket, batchGetBuilds(ids));
                assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(500);
                assertThat(JSON.readTree(tooLarge.body()).get("__type").asText()).isEqualTo("InternalFailure");
                assertThat(tooLarge.body()).contains("maxAnswerBytes");
                refused.incrementAndGet();
                Answer small = exchange(socket, batchGetBuilds(ids.subList(round, round + 5)));
                assertThat(small.status()).isEqualTo(200);
                assertThat(JSON.readTree(small.body()).get("builds")).hasSize(5);
                answered.incrementAndGet();
              }
            }
            return null;
          }));
        }
        for (Future<?> client : running) {
          client.get(180, TimeUnit.SECONDS);
        }
      } finally {
        clients.shutdownNow();
      }

      counts.add("BatchGetBuilds of 100 builds of 200 KB each refused 500 InternalFailure", refused.get());
      counts.add("BatchGetBuilds of 5 of them on the same connections answered 200", answered.get());
      assertThat(refused.get()).isEqualTo(CLIENTS * rounds);
      assertThat(server.failure()).isEmpty();
    }
  }

  // builds started over HTTP, each with 200 KB of environment variables: 20 MB in all
  private static List<String> bigBuilds(CodeBuildServer server) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String project = "answer-limit";
    post(http, server, "CreateProject", "{\"name\":\"" + project + "\",\"source\":"
        + "{\"type\":\"NO_SOURCE\",\"buildspec\":\"version: 0.2\"},\"artifacts\":{\"type\":\"NO_ARTIFACTS\"},"
        + "\"environment\":{\"type\":\"LINUX_CONTAINER\",\"image\":\"aws/codebuild/standard:7.0\","
        + "\"computeType\":\"BUILD_GENERAL1_SMALL\"},\"serviceRole\":\"arn:aws:iam::123456789012:role/r\"}");
    List<String> four = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      four.add("{\"name\":\"BIG" + i + "\",\"value\":\"" + "v".repeat(50_000) + "\"}");
    }
    String variables = "[" + String.join(",", four) + "]";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < BUILDS; i++) {
      JsonNode started = post(http, server, "StartBuild", "{\"projectName\":\"" + project + "\","
          + "\"environmentVariablesOverride\":" + variables + "}");
      ids.add(started.get("build").get("id").asText());
    }
    return ids;
  }

  private static JsonNode post(HttpClient http, CodeBuildServer server, String operation, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> reply = http.send(HttpRequest.newBuilder(server.endpoint()).timeout(Duration.ofSeconds(30))
        .header("X-Amz-Target", "CodeBuild_20161006." + operation)
        .header("Content-Type", "application/x-amz-json-1.1")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    return JSON.readTree(reply.body());
  }

  private static String batchGetBuilds(List<String> ids) {
    String body = "{\"ids\":[\"" + String.join("\",\"", ids) + "\"]}";
    return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
        + "X-Amz-Target: CodeBuild_20161006.BatchGetBuilds\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
  }

  private record Answer(int status, String body) {}

  // one request and its answer on a kept-alive connection; the connection must stay open
  private static Answer exchange(Socket socket, String request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.UTF_8));
    out.flush();
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("the connection closed after " + head.toString(StandardCharsets.ISO_8859_1));
      }
      head.write(next);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : text.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).trim());
      }
      assertThat(line.toLowerCase(java.util.Locale.ROOT)).isNotEqualTo("connection: close");
    }
    byte[] body = in.readNBytes(length);
    return new Answer(Integer.parseInt(text.substring(9, 12)), new String(body, StandardCharsets.UTF_8));
  }

  @AfterAll
  void report() throws IOException {
    counts.write("answer-limit.txt");
  }
}
