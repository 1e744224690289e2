package io.buildstop.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A CodeBuild endpoint on 127.0.0.1 that answers every call with what the test says, over real HTTP (a JDK
 * HttpServer, no dependency), and records what it was asked.
 */
final class StubCodeBuild implements AutoCloseable {

  /** One answer: status, body, and how long to wait before sending it. */
  record Answer(int status, String body, Duration delay) {
    static Answer ok(String body) {
      return new Answer(200, body, Duration.ZERO);
    }

    static Answer error(int status, String type, String message) {
      return new Answer(status, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}", Duration.ZERO);
    }
  }

  /** One request as it arrived. */
  record Request(String target, String contentType, String authorization, String body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private StubCodeBuild(Function<Request, Answer> answers) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> answer(exchange, answers));
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  static StubCodeBuild answering(Function<Request, Answer> answers) throws IOException {
    return new StubCodeBuild(answers);
  }

  static StubCodeBuild answering(Answer answer) throws IOException {
    return new StubCodeBuild(request -> answer);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void answer(HttpExchange exchange, Function<Request, Answer> answers) throws IOException {
    try (exchange) {
      Request request = new Request(
          exchange.getRequestHeaders().getFirst("X-Amz-Target"),
          exchange.getRequestHeaders().getFirst("Content-Type"),
          exchange.getRequestHeaders().getFirst("Authorization"),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      requests.add(request);
      Answer answer = answers.apply(request);
      if (!answer.delay().isZero()) {
        Thread.sleep(answer.delay().toMillis());
      }
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type",
          answer.body().startsWith("{") ? "application/x-amz-json-1.1" : "text/html");
      exchange.getResponseHeaders().set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
      exchange.sendResponseHeaders(answer.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (a timeout test): nothing to answer
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
