package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.RawSocket.Answer;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reading a request has deadlines (issue 17.3): its line and headers from its first byte, its body from the end of
 * its headers, and the wait for the next request on a kept-alive connection. Over raw sockets with short deadlines;
 * the upper bounds are generous (a loaded machine), the lower bounds are the deadlines themselves.
 */
@DisplayName("a client cannot keep a connection past its deadlines")
class DeadlinesTest {
  private static final Duration HEAD = Duration.ofMillis(400);
  private static final Duration BODY = Duration.ofMillis(400);
  private static final Duration IDLE = Duration.ofMillis(1500);
  private static final Duration GENEROUS = Duration.ofSeconds(8);

  private final CodeBuildServer server = CodeBuildServer.builder().backend(InMemoryCodeBuild.create())
      .requestHeadTimeout(HEAD).requestBodyTimeout(BODY).idleTimeout(IDLE).start();

  @AfterEach
  void stopTheServer() {
    server.close();
  }

  @Test
  void aRequestLineCutShortIsAnswered408AtTheHeadDeadlineAndClosed() throws IOException {
    try (RawSocket client = new RawSocket(server)) {
      client.send("POST / HT");

      Answer answer = client.answer();
      Duration closed = client.awaitClosed(GENEROUS);

      assertThat(answer.status()).isEqualTo(408);
      assertThat(answer.body()).contains("\"__type\":\"RequestTimeoutException\"");
      assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
      assertThat(closed).isGreaterThanOrEqualTo(HEAD).isLessThan(HEAD.plus(GENEROUS));
    }
  }

  @Test
  void headersSentByteByByteAreCutAtTheHeadDeadlineWhateverTheyKeepSending() throws Exception {
    try (RawSocket client = new RawSocket(server)) {
      client.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
      // a byte every 50 ms: an idle timeout, which every byte restarts, would never end this
      long started = System.nanoTime();
      try {
        while (System.nanoTime() - started < GENEROUS.toNanos()) {
          client.send("a");
          Thread.sleep(50);
        }
      } catch (SocketException closedByTheServer) {
        // what the test waits for
      }

      Duration closed = client.awaitClosed(GENEROUS);

      assertThat(closed).isGreaterThanOrEqualTo(HEAD).isLessThan(GENEROUS);
    }
  }

  @Test
  void aDeclaredBodySentSlowlyIsAnswered408AtTheBodyDeadline() throws Exception {
    try (RawSocket client = new RawSocket(server)) {
      client.send(RawSocket.STOP_HEAD + "Content-Length: 100\r\n\r\n{\"id\":");
      long started = System.nanoTime();
      try {
        while (System.nanoTime() - started < GENEROUS.toNanos()) {
          client.send(" ");
          Thread.sleep(50);
        }
      } catch (SocketException closedByTheServer) {
        // what the test waits for
      }

      Duration closed = client.awaitClosed(GENEROUS);

      assertThat(closed).isGreaterThanOrEqualTo(BODY).isLessThan(GENEROUS);
    }
    assertThat(server.backend().stopCalls()).isEmpty();
  }

  @Test
  void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeoutWithoutAnAnswer() throws IOException {
    try (RawSocket client = new RawSocket(server)) {
      long started = System.nanoTime();

      String sent = client.untilClosed();

      assertThat(sent).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(IDLE)
          .isLessThan(IDLE.plus(GENEROUS));
    }
  }

  @Test
  void theHeadDeadlineRunsFromARequestsFirstByteNotFromTheLastAnswer() throws Exception {
    String id = server.backend().startBuild("deadlines").get().id().orElseThrow();
    try (RawSocket client = new RawSocket(server)) {
      assertThat(client.send(RawSocket.stopBuild("{\"id\":\"" + id + "\"}")).answer().status()).isEqualTo(200);
      // longer than the head deadline, shorter than the idle one: the connection waits, no request is late
      Thread.sleep(HEAD.multipliedBy(2).toMillis());

      assertThat(client.send(RawSocket.stopBuild("{\"id\":\"" + id + "\"}")).answer().status()).isEqualTo(200);
    }
  }

  @Test
  void clientsThatStallHoldNoThreadSoAnotherIsAnsweredAtOnce() throws IOException {
    try (CodeBuildServer oneThread = CodeBuildServer.builder().workerThreads(1)
        .requestHeadTimeout(Duration.ofSeconds(60)).start()) {
      List<RawSocket> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < 32; i++) {
          stalled.add(new RawSocket(oneThread).send("POST / HT"));
        }
        // the JDK server this replaced gave each such connection a worker until it sent the rest: this hung
        RawHttp.Reply reply = RawHttp.call(oneThread.endpoint(), "ListBuilds", "{}");

        assertThat(reply.status()).isEqualTo(200);
      } finally {
        for (RawSocket socket : stalled) {
          socket.close();
        }
      }
    }
  }

  @Test
  void aDeadlineMustBePositive() {
    CodeBuildServer.Builder builder = CodeBuildServer.builder();

    for (Duration wrong : new Duration[] {Duration.ZERO, Duration.ofMillis(-1)}) {
      assertThatThrownBy(() -> builder.requestHeadTimeout(wrong)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("requestHeadTimeout");
      assertThatThrownBy(() -> builder.requestBodyTimeout(wrong)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("requestBodyTimeout");
      assertThatThrownBy(() -> builder.idleTimeout(wrong)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("idleTimeout");
    }
  }
}
