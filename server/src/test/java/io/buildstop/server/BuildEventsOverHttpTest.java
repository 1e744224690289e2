package io.buildstop.server;

import static io.buildstop.server.RawHttp.call;
import static io.buildstop.server.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.buildstop.domain.events.BuildEvent;
import io.buildstop.domain.events.BuildPhaseChange;
import io.buildstop.domain.events.BuildStateChange;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.server.RawHttp.Reply;
import io.buildstop.wire.WireCodec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 19.3: the endpoint's build events, over real HTTP: {@code GET /_buildstop/events} answers the recent ones,
 * and {@code eventsTo} ({@code buildstop serve --events-to}) POSTs each to a receiver, here the JDK's HTTP server on
 * the loopback.
 */
@DisplayName("build events from the endpoint")
class BuildEventsOverHttpTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** A receiver of POSTed events that answers {@code 503} to the first {@code refusals} of them. */
  static final class Receiver implements AutoCloseable {
    private final HttpServer http;
    private final List<BuildEvent> received = new ArrayList<>();
    private final List<String> contentTypes = new ArrayList<>();
    private final AtomicInteger refusals;

    Receiver(int refusals) throws IOException {
      this.refusals = new AtomicInteger(refusals);
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      http.createContext("/events", exchange -> {
        try (InputStream body = exchange.getRequestBody()) {
          String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
          if (this.refusals.getAndDecrement() > 0) {
            exchange.sendResponseHeaders(503, -1);
            return;
          }
          synchronized (this) {
            received.add(WireCodec.BUILD_EVENT.decode(text).getOrElseThrow(
                error -> new AssertionError("not an event: " + error)));
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            notifyAll();
          }
          exchange.sendResponseHeaders(204, -1);
        } finally {
          exchange.close();
        }
      });
      http.start();
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/events");
    }

    synchronized List<BuildEvent> await(Predicate<BuildEvent> matching, int count) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (matching(matching).size() < count && System.nanoTime() < deadline) {
        wait(100);
      }
      return matching(matching);
    }

    synchronized List<BuildEvent> matching(Predicate<BuildEvent> matching) {
      return received.stream().filter(matching).collect(Collectors.toList());
    }

    synchronized List<String> contentTypes() {
      return List.copyOf(contentTypes);
    }

    @Override
    public void close() {
      http.stop(0);
    }
  }

  private static Predicate<BuildEvent> of(Build build) {
    return event -> event.resources().contains(build.arn().orElseThrow());
  }

  // what a build started (and advanced) so far emitted: its IN_PROGRESS state change, a phase change per closed phase
  private static int startEvents(Build build) {
    return 1 + (int) build.phases().stream().filter(phase -> phase.phaseStatus().isPresent()).count();
  }

  private static String stop(CodeBuildServer server, Build build) {
    Reply reply = call(server.endpoint(), "StopBuild", json("{'id': '" + build.id().orElseThrow() + "'}"));
    assertThat(reply.status()).isEqualTo(200);
    return reply.json().path("build").path("buildStatus").asText();
  }

  @Test
  void aStopThroughTheEndpointDeliversOnePhaseChangeAndOneStoppedStateChangeAndASecondStopNone() throws Exception {
    try (Receiver receiver = new Receiver(0);
        CodeBuildServer server = CodeBuildServer.builder().eventsTo(receiver.url()).start()) {
      Build running = server.backend().startBuildInPhase("events-to", BuildPhaseType.BUILD).get();
      List<BuildEvent> started = receiver.await(of(running), startEvents(running));

      assertThat(stop(server, running)).isEqualTo("STOPPED");
      List<BuildEvent> afterTheStop = receiver.await(of(running), started.size() + 2);
      assertThat(stop(server, running)).isEqualTo("STOPPED");
      // events go out in the order emitted: once a build started after the second stop is heard of, anything the
      // second stop emitted would have been too
      Build marker = server.backend().startBuild("events-to-marker").get();
      receiver.await(of(marker), startEvents(marker));

      List<BuildEvent> stopEvents = receiver.matching(of(running)).subList(started.size(),
          receiver.matching(of(running)).size());
      assertThat(started).hasSize(startEvents(running));
      assertThat(afterTheStop).hasSize(started.size() + 2);
      assertThat(stopEvents).hasSize(2);
      assertThat(stopEvents.get(0)).isInstanceOfSatisfying(BuildPhaseChange.class, phase -> {
        assertThat(phase.detail().completedPhaseAsString()).contains("BUILD");
        assertThat(phase.detail().completedPhaseStatusAsString()).contains("STOPPED");
      });
      assertThat(stopEvents.get(1)).isInstanceOfSatisfying(BuildStateChange.class, state ->
          assertThat(state.detail().buildStatusAsString()).contains("STOPPED"));
      assertThat(receiver.contentTypes()).allMatch("application/json"::equals);
      // the receiver holds an event before it answers, the poster counts it once answered
      long received = receiver.matching(event -> true).size();
      JsonNode status = awaitStatus(server, sent -> sent.path("eventsTo").path("delivered").asLong() >= received);
      assertThat(status.path("eventsTo").path("delivered").asLong()).isEqualTo(received);
      assertThat(status.path("eventsTo").path("dropped").asLong()).isZero();
      assertThat(status.path("eventsTo").path("url").asText()).isEqualTo(receiver.url().toString());
    }
  }

  @Test
  void aRefusedPostIsRetriedAndTheEventDeliveredOnce() throws Exception {
    try (Receiver receiver = new Receiver(2);
        CodeBuildServer server = CodeBuildServer.builder().eventsTo(receiver.url()).start()) {
      Build started = server.backend().startBuild("events-to-retried").get();

      List<BuildEvent> events = receiver.await(of(started), 2);
      Build marker = server.backend().startBuild("events-to-marker").get();
      receiver.await(of(marker), startEvents(marker));

      assertThat(receiver.matching(of(started)).stream().map(BuildEvent::id)).doesNotHaveDuplicates()
          .hasSize(events.size());
      assertThat(events.get(0)).isInstanceOf(BuildStateChange.class);
      long received = receiver.matching(event -> true).size();
      JsonNode sent = awaitStatus(server, status -> status.path("eventsTo").path("delivered").asLong() >= received)
          .path("eventsTo");
      assertThat(sent.path("retried").asLong()).isEqualTo(2);
      assertThat(sent.path("failed").asLong()).isZero();
      assertThat(sent.path("lastFailure").asText()).isEqualTo("HTTP 503");
    }
  }

  @Test
  void theEventsPathAnswersTheRecentEventsAsEventBridgeDeliversThem() {
    try (CodeBuildServer server = CodeBuildServer.builder().recentEvents(3).start()) {
      Build running = server.backend().startBuildInPhase("events-path", BuildPhaseType.BUILD).get();
      stop(server, running);
      assertThat(server.backend().awaitEventDelivery(WAIT)).isTrue();
      List<BuildEvent> expected = server.recentEvents();

      Reply reply = RawHttp.send(HttpRequest.newBuilder(server.endpoint().resolve("/_buildstop/events"))
          .timeout(Duration.ofSeconds(10)).GET().build());

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.header("Content-Type")).isEqualTo("application/json");
      JsonNode array = reply.json();
      assertThat(array.isArray()).isTrue();
      List<BuildEvent> answered = new ArrayList<>();
      array.forEach(item -> answered.add(WireCodec.BUILD_EVENT.decode(item).get()));
      assertThat(answered).isEqualTo(expected).hasSize(3);
      assertThat(answered.get(2)).isInstanceOfSatisfying(BuildStateChange.class, state ->
          assertThat(state.detail().buildStatusAsString()).contains("STOPPED"));
    }
  }

  @Test
  void theEventsPathAnswersGetOnlyAndAResetEmptiesIt() {
    try (CodeBuildServer server = CodeBuildServer.builder().start()) {
      server.backend().startBuild("events-reset").get();
      assertThat(server.backend().awaitEventDelivery(WAIT)).isTrue();
      assertThat(server.recentEvents()).isNotEmpty();
      Reply post = RawHttp.send(HttpRequest.newBuilder(server.endpoint().resolve("/_buildstop/events"))
          .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("[]")).build());

      server.reset();

      assertThat(post.status()).isEqualTo(405);
      assertThat(post.header("Allow")).isEqualTo("GET");
      assertThat(server.recentEvents()).isEmpty();
    }
  }

  @Test
  void eventsToTakesAnAbsoluteHttpUrlOnly() {
    assertThatIllegalArgumentException().isThrownBy(() ->
        CodeBuildServer.builder().eventsTo(URI.create("file:///tmp/events")));
    assertThatIllegalArgumentException().isThrownBy(() -> CodeBuildServer.builder().eventsTo(URI.create("/events")));
    assertThatIllegalArgumentException().isThrownBy(() -> CodeBuildServer.builder().recentEvents(0));
  }

  // the status once it satisfies the condition, or as it is after the wait
  private static JsonNode awaitStatus(CodeBuildServer server, Predicate<JsonNode> condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonNode status = status(server);
    while (!condition.test(status) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        break;
      }
      status = status(server);
    }
    return status;
  }

  private static JsonNode status(CodeBuildServer server) {
    return RawHttp.send(HttpRequest.newBuilder(server.endpoint().resolve("/_buildstop/status"))
        .timeout(Duration.ofSeconds(10)).GET().build()).json();
  }
}
