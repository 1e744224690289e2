package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryCodeBuild;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How much of the connection a request's body is, byte for byte on a raw socket: exactly its Content-Length, up to
 * the server's limit, whatever else the client sends or fails to send.
 */
class RequestBodyTest {
  private static final int LIMIT = 64;
  private static final String TARGET = "X-Amz-Target: CodeBuild_20161006.StopBuild\r\n";
  private static final String HEAD = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n";

  private final CodeBuildServer server = CodeBuildServer.builder()
      .backend(InMemoryCodeBuild.create()).maxRequestBytes(LIMIT).start();

  @AfterEach
  void stopTheServer() {
    server.close();
  }

  @Test
  void aDeclaredBodyOfExactlyTheLimitIsReadAndOneByteMoreIs413() throws IOException {
    Build build = server.backend().startBuild("request-body").get();
    String atTheLimit = padded("{\"id\":\"" + build.id().orElseThrow() + "\"}", LIMIT);

    try (Socket socket = connect()) {
      send(socket, declared(atTheLimit));
      assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200 ").contains("\"buildStatus\":\"STOPPED\"");
    }
    try (Socket socket = connect()) {
      send(socket, declared(atTheLimit + " "));
      assertThat(readAnswer(socket)).startsWith("HTTP/1.1 413 ");
    }
  }

  @Test
  void whatFollowsTheContentLengthIsTheNextRequestOnTheConnection() throws IOException {
    Build first = server.backend().startBuild("request-body").get();
    Build second = server.backend().startBuild("request-body").get();

    try (Socket socket = connect()) {
      send(socket, declared("{\"id\":\"" + first.id().orElseThrow() + "\"}")
          + declared("{\"id\":\"" + second.id().orElseThrow() + "\"}"));

      assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200 ").contains(first.id().orElseThrow());
      assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200 ").contains(second.id().orElseThrow());
    }
  }

  @Test
  void aBodyCutShortOfItsContentLengthIsNotAnsweredAndChangesNothing() throws IOException {
    Build build = server.backend().startBuild("request-body").get();
    String body = "{\"id\":\"" + build.id().orElseThrow() + "\"}";
    HashSet<Build> before = new HashSet<>(server.backend().builds());

    try (Socket socket = connect()) {
      send(socket, HEAD + TARGET + "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 20));
      socket.shutdownOutput();

      assertThat(socket.getInputStream().readAllBytes()).isEmpty();
    }
    assertThat(new HashSet<>(server.backend().builds())).isEqualTo(before);
    assertThat(server.backend().stopCalls()).isEmpty();
  }

  @Test
  void aChunkedBodyOverTheLimitIs413AndOneWithinItIsRead() throws IOException {
    Build build = server.backend().startBuild("request-body").get();
    String body = padded("{\"id\":\"" + build.id().orElseThrow() + "\"}", LIMIT);

    try (Socket socket = connect()) {
      send(socket, chunked(body));
      assertThat(readAnswer(socket)).startsWith("HTTP/1.1 200 ").contains("\"buildStatus\":\"STOPPED\"");
      send(socket, chunked(body + " "));
      assertThat(readAnswer(socket)).startsWith("HTTP/1.1 413 ");
    }
  }

  @Test
  void aChunkedBodyThatAlsoDeclaresALengthIsRefusedByTheJdkServerBeforeItIsRead() throws IOException {
    Build build = server.backend().startBuild("request-body").get();
    String body = "{\"id\":\"" + build.id().orElseThrow() + "\"}";

    try (Socket socket = connect()) {
      send(socket, chunked(body).replace("\r\n\r\n", "\r\nContent-Length: 5\r\n\r\n"));

      assertThat(readAnswer(socket)).startsWith("HTTP/1.1 400 ");
    }
    assertThat(server.backend().stopCalls()).isEmpty();
  }

  private static String padded(String json, int length) {
    return json + " ".repeat(length - json.length());
  }

  private static String declared(String body) {
    return HEAD + TARGET + "Content-Length: " + body.length() + "\r\n\r\n" + body;
  }

  // two chunks, so that the body is not one read
  private static String chunked(String body) {
    int half = body.length() / 2;
    return HEAD + TARGET + "Transfer-Encoding: chunked\r\n\r\n"
        + Integer.toHexString(half) + "\r\n" + body.substring(0, half) + "\r\n"
        + Integer.toHexString(body.length() - half) + "\r\n" + body.substring(half) + "\r\n0\r\n\r\n";
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(server.endpoint().getHost(), server.port());
    socket.setSoTimeout(5000);
    return socket;
  }

  private static void send(Socket socket, String request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** One answer, head and body, read to the end of its Content-Length. */
  private static String readAnswer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("the connection closed after " + head);
      }
      head.write(next);
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    int length = Integer.parseInt(text.replaceAll("(?s).*[Cc]ontent-[Ll]ength: (\\d+).*", "$1"));
    return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
