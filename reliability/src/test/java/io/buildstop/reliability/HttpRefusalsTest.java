package io.buildstop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.CodeBuildServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HTTP as a real server answers it (issue 17.4), over and over and from several clients at once: every body over
 * the limit is answered 413, 2 MB ones included, whether the client sends it all before reading (the JDK's
 * HttpClient, a raw socket that pauses half way) or chunked; and each of the HTTP layer's other answers — chunked
 * with trailers served, 431, 505, {@code Expect: 100-continue}, 417, unsupported codings, bare LF — comes every time,
 * as CodeBuild's typed JSON error. No refusal changes a build. Counts go to
 * {@code target/reliability/http-refusals.txt}; {@code -Pstress} runs ten times as many.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the HTTP layer's answers reach the client, every time")
class HttpRefusalsTest {
  private static final int CLIENTS = 8;
  private static final int TWO_MEGABYTES = 2 * 1024 * 1024;
  private static final String HEAD = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
      + "X-Amz-Target: CodeBuild_20161006.StopBuild\r\n";
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private final Map<String, Long> counts = new TreeMap<>();
  private final CodeBuildServer server = CodeBuildServer.start(InMemoryCodeBuild.create());
  private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

  @Test
  void everyBodyOverTheLimitIsAnswered413EvenTwoMegabytesSentBeforeTheAnswerIsRead() throws Exception {
    byte[] body = new byte[TWO_MEGABYTES];
    Arrays.fill(body, (byte) ' ');
    String running = server.backend().startBuild("refusals").get().id().orElseThrow();
    Set<Build> before = new HashSet<>(server.backend().builds());
    int each = Scale.times(12);
    List<Future<?>> done = new ArrayList<>();
    for (int client = 0; client < CLIENTS; client++) {
      int way = client % 4;
      done.add(clients.submit(() -> {
        for (int i = 0; i < each; i++) {
          String answer = switch (way) {
            case 0 -> viaHttpClient(HttpRequest.BodyPublishers.ofByteArray(body));
            case 1 -> viaHttpClient(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
            case 2 -> viaSocket(HEAD + "Content-Length: " + body.length + "\r\n\r\n", body);
            default -> viaSocket(HEAD + "Transfer-Encoding: chunked\r\n\r\n", chunked(body));
          };
          assertThat(answer).startsWith("413 ").contains("\"__type\":\"RequestEntityTooLargeException\"");
          count("413 for a 2 MB body, " + List.of("HttpClient with Content-Length", "HttpClient chunked",
              "socket with Content-Length, pausing half way", "socket chunked, pausing half way").get(way), 1);
        }
        return null;
      }));
    }
    for (Future<?> client : done) {
      client.get(5, TimeUnit.MINUTES);
    }
    assertThat(new HashSet<>(server.backend().builds())).isEqualTo(before);
    assertThat(server.backend().stopCalls()).isEmpty();
    assertThat(viaSocket(HEAD + "Content-Length: " + ("{\"id\":\"" + running + "\"}").length() + "\r\n\r\n",
        ("{\"id\":\"" + running + "\"}").getBytes(StandardCharsets.US_ASCII))).startsWith("200 ");
  }

  /** One exchange of the HTTP layer, and what it must answer. */
  private record Edge(String name, String request, String continued, int status, String type) {}

  @Test
  void eachOfTheHttpLayersAnswersComesEveryTime() throws Exception {
    String id = server.backend().startBuild("refusals").get().id().orElseThrow();
    String body = "{\"id\":\"" + id + "\"}";
    String many = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "X-H" + i + ": v\r\n")
        .collect(Collectors.joining());
    List<Edge> edges = List.of(
        new Edge("chunked with trailers", HEAD + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body
            .length()) + "\r\n" + body + "\r\n0\r\nX-Checksum: abc\r\n\r\n", "", 200, null),
        new Edge("101 headers", HEAD + many + "Content-Length: 2\r\n\r\n{}", "", 431,
            "RequestHeaderFieldsTooLargeException"),
        new Edge("20 KB of headers", HEAD + "X-Big: " + "a".repeat(20_000) + "\r\nContent-Length: 2\r\n\r\n{}", "",
            431, "RequestHeaderFieldsTooLargeException"),
        new Edge("HTTP/9.9", HEAD.replace("HTTP/1.1", "HTTP/9.9") + "Content-Length: 2\r\n\r\n{}", "", 505,
            "HttpVersionNotSupportedException"),
        new Edge("Expect: 100-continue, 2 MB declared", HEAD + "Expect: 100-continue\r\nContent-Length: "
            + TWO_MEGABYTES + "\r\n\r\n", "", 413, "RequestEntityTooLargeException"),
        new Edge("Expect: 100-continue within the limit", HEAD + "Expect: 100-continue\r\nContent-Length: "
            + body.length() + "\r\n\r\n", body, 200, null),
        new Edge("Expect: something else", HEAD + "Expect: tea\r\nContent-Length: 2\r\n\r\n{}", "", 417,
            "ExpectationFailedException"),
        new Edge("Transfer-Encoding: gzip", HEAD + "Transfer-Encoding: gzip\r\n\r\n" + body, "", 400,
            "BadRequestException"),
        new Edge("Content-Encoding: gzip", HEAD + "Content-Encoding: gzip\r\nContent-Length: " + body.length()
            + "\r\n\r\n" + body, "", 415, "UnsupportedMediaTypeException"),
        new Edge("bare LF", "POST / HTTP/1.1\nHost: 127.0.0.1\nContent-Length: 2\n\n{}", "", 400,
            "BadRequestException"));
    int each = Scale.times(25);
    List<Future<?>> done = new ArrayList<>();
    for (Edge edge : edges) {
      done.add(clients.submit(() -> {
        for (int i = 0; i < each; i++) {
          String answer = exchange(edge);
          assertThat(answer).as(edge.name()).startsWith(edge.status() + " ");
          if (edge.type() != null) {
            assertThat(answer).as(edge.name()).contains("\"__type\":\"" + edge.type() + "\"")
                .containsIgnoringCase("content-type: application/x-amz-json-1.1");
          }
          count(edge.status() + " for " + edge.name(), 1);
        }
        return null;
      }));
    }
    for (Future<?> edge : done) {
      edge.get(5, TimeUnit.MINUTES);
    }
  }

  // the status and the rest of the answer; for Expect: 100-continue within the limit, the 100 must come first
  private String exchange(Edge edge) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(edge.request().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      if (!edge.continued().isEmpty()) {
        assertThat(readAnswer(in)).startsWith("100 ");
        out.write(edge.continued().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
      String answer = readAnswer(in);
      assertThat(answer).doesNotContain("100 Continue");
      return answer;
    }
  }

  private String viaHttpClient(HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.endpoint())
        .timeout(Duration.ofSeconds(30)).header("X-Amz-Target", "CodeBuild_20161006.StopBuild")
        .header("Content-Type", "application/x-amz-json-1.1").POST(body).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  // the head, half the body, a pause, the rest, and only then the answer
  private String viaSocket(String head, byte[] body) throws IOException, InterruptedException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body, 0, body.length / 2);
      out.flush();
      Thread.sleep(50);
      out.write(body, body.length / 2, body.length - body.length / 2);
      out.flush();
      return readAnswer(socket.getInputStream());
    }
  }

  private static byte[] chunked(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += 64 * 1024) {
      int size = Math.min(64 * 1024, body.length - at);
      out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, at, size);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  // "STATUS REASON\r\nheaders\r\n\r\nbody", without "HTTP/1.1 "
  private static String readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("the connection closed after " + head.toString(StandardCharsets.ISO_8859_1));
      }
      head.write(next);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int at = text.toLowerCase(Locale.ROOT).indexOf("content-length:");
    int length = at < 0 ? 0 : Integer.parseInt(text.substring(at + 15, text.indexOf("\r\n", at)).trim());
    return text.substring(9) + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private void count(String what, long amount) {
    synchronized (counts) {
      counts.merge(what, amount, Long::sum);
    }
  }

  @AfterAll
  void stopTheServerAndReport() throws IOException {
    clients.shutdownNow();
    server.close();
    Path report = Path.of("target", "reliability", "http-refusals.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining("\n", "", "\n")));
  }
}
