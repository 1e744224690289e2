package io.buildstop.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A CodeBuild endpoint the test scripts, over real HTTP: a JDK {@link HttpServer} on {@code 127.0.0.1}, port 0. It
 * records every request (target, body, headers) and answers with scripted replies: exact bytes, AWS JSON errors,
 * delays, a connection closed without an answer. The replies are taken in turn; the last one repeats.
 */
final class LocalCodeBuildEndpoint implements AutoCloseable {
  /** AWS JSON 1.1, CodeBuild's protocol (spec §1). */
  static final String AMZ_JSON = "application/x-amz-json-1.1";

  static {
    // FACTS: without it every request on a kept-alive connection waits ~44 ms (Nagle plus delayed ACK); it is read
    // once, when the server classes load, so it must be set before the first HttpServer exists
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** One request as it reached the server. */
  record Request(String method, String path, String target, String contentType, String authorization, String body) {}

  /** How the server answers one request. */
  @FunctionalInterface
  interface Reply {
    void answer(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Deque<Reply> script = new ArrayDeque<>();

  private LocalCodeBuildEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "local-codebuild-endpoint");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A started endpoint that answers {@code {}} until told otherwise. */
  static LocalCodeBuildEndpoint start() {
    try {
      return new LocalCodeBuildEndpoint().answering(json(200, "{}"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers with these replies in turn, repeating the last. */
  synchronized LocalCodeBuildEndpoint answering(Reply... replies) {
    script.clear();
    script.addAll(Arrays.asList(replies));
    return this;
  }

  /** Every request so far, in arrival order. */
  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** A stopper builder aimed at this endpoint: region us-east-1, credentials x/x, timeouts that a loaded machine meets. */
  AwsBuildStopper.Builder stopper() {
    return AwsBuildStopper.builder()
        .endpointOverride(uri())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .apiCallAttemptTimeout(Duration.ofSeconds(5))
        .apiCallTimeout(Duration.ofSeconds(20));
  }

  /** A 200 with these exact bytes as CodeBuild's JSON. */
  static Reply ok(byte[] body) {
    return bytes(200, AMZ_JSON, body);
  }

  /** This status with this JSON text. */
  static Reply json(int status, String body) {
    return bytes(status, AMZ_JSON, body.getBytes(StandardCharsets.UTF_8));
  }

  /** An AWS JSON error: {@code {"__type": code, "message": message}} (spec §1). */
  static Reply error(int status, String code, String message) {
    return json(status, "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}");
  }

  /** This status, content type and body, exactly, with a request id as AWS sends one. */
  static Reply bytes(int status, String contentType, byte[] body) {
    return exchange -> {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    };
  }

  /** Waits, then answers; a stopped server interrupts the wait and drops the connection. */
  static Reply delayed(Duration delay, Reply then) {
    return exchange -> {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.close();
        return;
      }
      then.answer(exchange);
    };
  }

  /** Closes the connection before any response byte: the client reads end of stream where a status line belongs. */
  static Reply closeWithoutAnswer() {
    return HttpExchange::close;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    requests.add(new Request(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getPath(),
        header(exchange, "X-Amz-Target").orElse(""),
        header(exchange, "Content-Type").orElse(""),
        header(exchange, "Authorization").orElse(""),
        body));
    nextReply().answer(exchange);
  }

  private synchronized Reply nextReply() {
    return script.size() > 1 ? script.removeFirst() : script.getFirst();
  }

  private static Optional<String> header(HttpExchange exchange, String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
