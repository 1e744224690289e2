package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CodeBuildServer.stop(gracePeriod): stops accepting, finishes the requests in flight, then closes")
class GracefulStopTest {
  private static final String BODY = "{\"sortOrder\": \"ASCENDING\"}";

  @Test
  void aRequestInFlightWhenTheStopBeginsIsAnsweredAndNoNewConnectionIsAccepted() throws Exception {
    CodeBuildServer server = CodeBuildServer.builder().start();
    try (Socket inFlight = new Socket("127.0.0.1", server.port())) {
      // the headers and half the body: a worker is reading it when the stop begins
      send(inFlight, head() + BODY.substring(0, 5));
      Thread.sleep(300); // lets the JDK's dispatcher hand the exchange to a worker; no assertion on time

      CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> server.stop(Duration.ofSeconds(30)));
      awaitRefused(server.port());
      send(inFlight, BODY.substring(5));

      assertThat(readAnswer(inFlight)).startsWith("HTTP/1.1 200 OK");
      assertThat(stopped.get(20, TimeUnit.SECONDS)).isTrue();
    }
    assertThatThrownBy(() -> new Socket("127.0.0.1", server.port()).close()).isInstanceOf(ConnectException.class);
  }

  @Test
  void aRequestStillInFlightAtTheEndOfTheGracePeriodIsCutOff() throws Exception {
    CodeBuildServer server = CodeBuildServer.builder().start();
    try (Socket stalled = new Socket("127.0.0.1", server.port())) {
      send(stalled, head() + BODY.substring(0, 5));
      Thread.sleep(300);
      long started = System.nanoTime();

      boolean finished = server.stop(Duration.ofMillis(500));

      assertThat(finished).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      assertThat(stalled.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void withNothingInFlightItStopsAtOnceAndAgainIsHarmless() {
    CodeBuildServer server = CodeBuildServer.builder().start();
    assertThat(RawHttp.call(server.endpoint(), "ListBuilds", "{}").status()).isEqualTo(200);
    long started = System.nanoTime();

    assertThat(server.stop(Duration.ofSeconds(30))).isTrue();
    assertThat(server.stop(Duration.ofSeconds(30))).isTrue();
    server.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  private static String head() {
    return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
        + "X-Amz-Target: CodeBuild_20161006.ListBuilds\r\nContent-Length: " + BODY.length() + "\r\n\r\n";
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String readAnswer(Socket socket) throws IOException {
    socket.setSoTimeout(20_000);
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    int read = in.read(buffer);
    return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.US_ASCII);
  }

  // the listening socket is closed once a new connection is refused
  private static void awaitRefused(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try {
        new Socket("127.0.0.1", port).close();
      } catch (IOException refused) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the server still accepted connections 20 s after the stop began");
  }
}
