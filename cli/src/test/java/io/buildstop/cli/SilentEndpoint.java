package io.buildstop.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local socket that accepts every connection and never answers, nor closes one, until the test ends. */
final class SilentEndpoint implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();

  private SilentEndpoint(ServerSocket server) {
    this.server = server;
    Thread acceptor = new Thread(this::acceptForever, "silent-endpoint");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static SilentEndpoint start() {
    try {
      return new SilentEndpoint(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  int connections() {
    return accepted.size();
  }

  private void acceptForever() {
    while (!server.isClosed()) {
      try {
        accepted.add(server.accept());
      } catch (IOException closed) {
        return; // the test ended: close() closed the socket
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : accepted) {
      socket.close();
    }
  }
}
