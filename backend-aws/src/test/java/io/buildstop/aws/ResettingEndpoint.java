package io.buildstop.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An endpoint that resets every connection: it reads the start of the request, then closes the socket with
 * {@code SO_LINGER} 0, so the client gets a TCP RST ("Connection reset") instead of an answer.
 */
final class ResettingEndpoint implements AutoCloseable {
  private final ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();

  private ResettingEndpoint() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::resetAll, "resetting-endpoint");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static ResettingEndpoint start() {
    try {
      return new ResettingEndpoint();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** How many connections were accepted, and reset. */
  int connections() {
    return connections.get();
  }

  private void resetAll() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        connections.incrementAndGet();
        InputStream in = socket.getInputStream();
        in.read(new byte[8192]);
        socket.setSoLinger(true, 0);
      } catch (IOException e) {
        // the server closed, or the client went away first: either way nothing to answer
      }
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
