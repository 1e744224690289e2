package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.RawSocket.Answer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP as a real server answers it (issue 17.4), over raw sockets: a refused body reaches the client, chunked bodies
 * with trailers are served, header limits are 431, versions other than 1.x are 505, {@code Expect: 100-continue} is
 * honoured, and codings the server does not decode are typed 4xx errors. Every refusal is CodeBuild's JSON error.
 */
@DisplayName("HTTP as a real server answers it")
class HttpConformanceTest {
  private static final int TWO_MEGABYTES = 2 * 1024 * 1024;
  private static CodeBuildServer server;

  @BeforeAll
  static void startTheServer() {
    server = CodeBuildServer.start(InMemoryCodeBuild.create());
  }

  @AfterAll
  static void stopTheServer() {
    server.close();
  }

  private static String runningId() {
    return server.backend().startBuild("conformance").get().id().orElseThrow();
  }

  private static void assertTyped(Answer answer, int status, String type) {
    assertThat(answer.status()).as(answer.head() + answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
    assertThat(answer.body()).contains("\"__type\":\"" + type + "\"").contains("\"message\":\"");
  }

  @Nested
  @DisplayName("a body over the limit is answered 413, and the client reads it")
  class RefusedBodies {

    @Test
    void aClientThatSendsTwoMegabytesBeforeReadingReads413() throws Exception {
      byte[] half = new byte[TWO_MEGABYTES / 2];
      Arrays.fill(half, (byte) ' ');
      for (int i = 0; i < 10; i++) {
        try (RawSocket client = new RawSocket(server)) {
          // the whole body, as a client that looks at no answer before its request is sent, and pauses on the way
          // (a server that closes with bytes unread resets the connection: the write fails, or the reset destroys
          // the answer before it is read)
          client.send(RawSocket.STOP_HEAD + "Content-Length: " + TWO_MEGABYTES + "\r\n\r\n").send(half);
          Thread.sleep(100);
          client.send(half);

          Answer answer = client.answer();

          assertTyped(answer, 413, "RequestEntityTooLargeException");
          assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
          assertThat(client.untilClosed()).isEmpty();
        }
      }
    }

    @Test
    void aChunkedTwoMegabyteBodyIs413AsSoonAsItPassesTheLimit() throws IOException {
      byte[] chunk = (Integer.toHexString(64 * 1024) + "\r\n" + " ".repeat(64 * 1024) + "\r\n")
          .getBytes(StandardCharsets.US_ASCII);
      try (RawSocket client = new RawSocket(server)) {
        client.send(RawSocket.STOP_HEAD + "Transfer-Encoding: chunked\r\n\r\n");
        for (int sent = 0; sent < TWO_MEGABYTES; sent += 64 * 1024) {
          client.send(chunk);
        }
        client.send("0\r\n\r\n");

        assertTyped(client.answer(), 413, "RequestEntityTooLargeException");
      }
    }

    @Test
    void theJdkClientSendingTwoMegabytesReads413EveryTime() {
      byte[] body = new byte[TWO_MEGABYTES];
      Arrays.fill(body, (byte) ' ');
      for (int i = 0; i < 10; i++) {
        RawHttp.Reply declared = RawHttp.send(RawHttp.request(server.endpoint(), "StopBuild")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        RawHttp.Reply chunked = RawHttp.send(RawHttp.request(server.endpoint(), "StopBuild")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.type()).isEqualTo("RequestEntityTooLargeException");
        assertThat(chunked.status()).isEqualTo(413);
      }
    }
  }

  @Test
  void aChunkedBodyWithTrailersIsServed() throws IOException {
    String body = "{\"id\":\"" + runningId() + "\"}";
    try (RawSocket client = new RawSocket(server)) {
      client.send(RawSocket.STOP_HEAD + "Transfer-Encoding: chunked\r\nTrailer: X-Checksum\r\n\r\n"
          + Integer.toHexString(5) + ";ext=1\r\n" + body.substring(0, 5) + "\r\n"
          + Integer.toHexString(body.length() - 5) + "\r\n" + body.substring(5) + "\r\n"
          + "0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n");

      Answer answer = client.answer();

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).contains("\"buildStatus\":\"STOPPED\"");
      // and the connection carries the next request
      assertThat(client.send(RawSocket.stopBuild(body)).answer().status()).isEqualTo(200);
    }
  }

  @Test
  void tooManyHeadersAre431() throws IOException {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      many.append("X-Header-").append(i).append(": v\r\n");
    }
    try (RawSocket client = new RawSocket(server)) {
      assertTyped(client.send(RawSocket.STOP_HEAD + many + "Content-Length: 2\r\n\r\n{}").answer(), 431,
          "RequestHeaderFieldsTooLargeException");
    }
  }

  @Test
  void headersTooLargeAre431() throws IOException {
    try (RawSocket client = new RawSocket(server)) {
      assertTyped(client.send(RawSocket.STOP_HEAD + "X-Large: " + "a".repeat(20_000) + "\r\nContent-Length: 2\r\n\r\n{}")
          .answer(), 431, "RequestHeaderFieldsTooLargeException");
    }
  }

  @Test
  void aRequestLineTooLongIs414() throws IOException {
    try (RawSocket client = new RawSocket(server)) {
      assertTyped(client.send("POST /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n").answer(), 414,
          "RequestUriTooLongException");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"HTTP/9.9", "HTTP/2.0", "HTTP/0.9"})
  void aVersionOtherThanOneIs505(String version) throws IOException {
    try (RawSocket client = new RawSocket(server)) {
      assertTyped(client.send(RawSocket.stopBuild("{}").replace("HTTP/1.1", version)).answer(), 505,
          "HttpVersionNotSupportedException");
    }
  }

  @Test
  void http10IsAnsweredAndClosed() throws IOException {
    try (RawSocket client = new RawSocket(server)) {
      String answer = client.send(RawSocket.stopBuild("{\"id\":\"" + runningId() + "\"}")
          .replace("HTTP/1.1", "HTTP/1.0")).untilClosed();

      assertThat(answer).startsWith("HTTP/1.1 200 OK").contains("\"buildStatus\":\"STOPPED\"");
    }
  }

  @Nested
  @DisplayName("Expect: 100-continue")
  class ExpectContinue {

    @Test
    void aDeclaredBodyOverTheLimitIs413WithoutContinue() throws IOException {
      try (RawSocket client = new RawSocket(server)) {
        String answer = client.send(RawSocket.STOP_HEAD + "Expect: 100-continue\r\nContent-Length: " + TWO_MEGABYTES
            + "\r\n\r\n").untilClosed();

        assertThat(answer).startsWith("HTTP/1.1 413 ").doesNotContain("100 Continue")
            .contains("\"__type\":\"RequestEntityTooLargeException\"");
      }
    }

    @Test
    void aBodyWithinTheLimitGetsContinueThenItsAnswer() throws IOException {
      String body = "{\"id\":\"" + runningId() + "\"}";
      try (RawSocket client = new RawSocket(server)) {
        client.send(RawSocket.STOP_HEAD + "Expect: 100-continue\r\nContent-Length: " + body.length() + "\r\n\r\n");

        assertThat(client.answer().status()).isEqualTo(100);
        assertThat(client.send(body).answer().status()).isEqualTo(200);
      }
    }

    @Test
    void anyOtherExpectationIs417() throws IOException {
      try (RawSocket client = new RawSocket(server)) {
        assertTyped(client.send(RawSocket.STOP_HEAD + "Expect: a-miracle\r\nContent-Length: 2\r\n\r\n{}").answer(),
            417, "ExpectationFailedException");
      }
    }
  }

  @Nested
  @DisplayName("codings the server does not decode are typed 4xx errors")
  class Codings {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Transfer-Encoding: gzip|400|BadRequestException",
        "Transfer-Encoding: chunked, gzip|400|BadRequestException",
        "Content-Encoding: gzip|415|UnsupportedMediaTypeException",
        "Content-Encoding: br|415|UnsupportedMediaTypeException"})
    void aCodingNotDecodedIsATypedError(String header, int status, String type) throws IOException {
      String body = "{\"id\":\"" + runningId() + "\"}";
      try (RawSocket client = new RawSocket(server)) {
        assertTyped(client.send(RawSocket.STOP_HEAD + header + "\r\nContent-Length: " + body.length() + "\r\n\r\n"
            + body).answer(), status, type);
      }
      assertThat(server.backend().build(io.buildstop.domain.BuildId.parse(
          body.substring(7, body.length() - 2)).get()).orElseThrow().buildComplete()).contains(false);
    }

    @Test
    void gzipBeforeChunkedIs415AndTheConnectionCarriesTheNextRequest() throws IOException {
      try (RawSocket client = new RawSocket(server)) {
        assertTyped(client.send(RawSocket.STOP_HEAD + "Transfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
            .answer(), 415, "UnsupportedMediaTypeException");
        assertThat(client.send(RawSocket.stopBuild("{\"id\":\"" + runningId() + "\"}")).answer().status())
            .isEqualTo(200);
      }
    }

    @Test
    void theIdentityContentCodingIsServed() throws IOException {
      String body = "{\"id\":\"" + runningId() + "\"}";
      try (RawSocket client = new RawSocket(server)) {
        assertThat(client.send(RawSocket.STOP_HEAD + "Content-Encoding: identity\r\nContent-Length: " + body.length()
            + "\r\n\r\n" + body).answer().status()).isEqualTo(200);
      }
    }
  }

  @Test
  void bareLineFeedsAreRefusedAtOnce() throws IOException {
    try (RawSocket client = new RawSocket(server)) {
      assertTyped(client.send("POST / HTTP/1.1\nHost: 127.0.0.1\nX-Amz-Target: CodeBuild_20161006.ListBuilds\n")
          .answer(), 400, "BadRequestException");
    }
  }
}
