package io.buildstop.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** HTTP/1.1 over a raw socket to 127.0.0.1: byte for byte what a test sends, and each answer as it comes. */
final class RawSocket implements AutoCloseable {
  static final String STOP_HEAD = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
      + "X-Amz-Target: CodeBuild_20161006.StopBuild\r\n";

  private final Socket socket;
  private final long opened = System.nanoTime();

  RawSocket(CodeBuildServer server) throws IOException {
    socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(10_000);
  }

  /** One answer: status line, headers (lower-case names), body. */
  record Answer(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  RawSocket send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawSocket send(byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
    return this;
  }

  /** A StopBuild of {@code body} with its Content-Length. */
  static String stopBuild(String body) {
    return STOP_HEAD + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
  }

  /** The next answer, read to the end of its Content-Length. */
  Answer answer() throws IOException {
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
    Answer headOnly = new Answer(Integer.parseInt(text.substring(9, 12)), text, "");
    String length = headOnly.header("Content-Length");
    byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    return new Answer(headOnly.status(), text, new String(body, StandardCharsets.UTF_8));
  }

  /**
   * Waits for the server to close the connection, reading and keeping what it sends meanwhile; a reset counts as
   * closed too.
   *
   * @return how long after the socket opened the server closed it
   * @throws AssertionError if it is still open after {@code atMost}
   */
  Duration awaitClosed(Duration atMost) throws IOException {
    socket.setSoTimeout((int) atMost.toMillis());
    InputStream in = socket.getInputStream();
    try {
      while (in.read() >= 0) {
        // what the server sends before it closes is not asked for here
      }
    } catch (SocketTimeoutException stillOpen) {
      throw new AssertionError("the connection was still open after " + atMost);
    } catch (IOException reset) {
      // closed with a reset
    }
    return Duration.ofNanos(System.nanoTime() - opened);
  }

  /** Everything the server sends until it closes the connection, as text. */
  String untilClosed() throws IOException {
    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
