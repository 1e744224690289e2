package io.buildstop.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CodeBuild endpoint that answers what a test scripts, over real HTTP/1.1 on plain sockets (keep-alive, one
 * thread per connection): per request a status and JSON body after a delay, or a TCP reset ({@code SO_LINGER} 0)
 * instead of an answer. Sockets rather than the JDK's HTTP server, because only a socket can send a real reset.
 */
final class FaultEndpoint implements AutoCloseable {
  /** What to do with the n-th request (from 1). */
  @FunctionalInterface
  interface Script {
    Answer answer(int request);
  }

  /** An answer: a status and JSON body after a delay, or a reset connection. */
  record Answer(int status, String body, long delayMillis, boolean resets) {
    static Answer json(int status, String body) {
      return new Answer(status, body, 0, false);
    }

    static Answer error(int status, String type, String message) {
      return json(status, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    static Answer resetConnection() {
      return new Answer(0, "", 0, true);
    }

    Answer after(long millis) {
      return new Answer(status, body, millis, resets);
    }
  }

  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Script script = n -> Answer.json(200, "{}");

  private FaultEndpoint() throws IOException {
    server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptAll, "fault-endpoint-acceptor");
    acceptor.setDaemon(true);
    threads.add(acceptor);
    acceptor.start();
  }

  static FaultEndpoint start() {
    try {
      return new FaultEndpoint();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FaultEndpoint answering(Script script) {
    this.script = script;
    return this;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  int requests() {
    return requests.get();
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        Thread connection = new Thread(() -> serve(socket), "fault-endpoint-connection");
        connection.setDaemon(true);
        threads.add(connection);
        connection.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (true) {
        int length = readHead(in);
        if (length < 0) {
          return;
        }
        in.readNBytes(length);
        Answer answer = script.answer(requests.incrementAndGet());
        if (answer.delayMillis() > 0) {
          Thread.sleep(answer.delayMillis());
        }
        if (answer.resets()) {
          socket.setSoLinger(true, 0);
          return;
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + answer.status() + " X\r\nContent-Type: application/x-amz-json-1.1\r\n"
            + "x-amzn-RequestId: fault-endpoint\r\nContent-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away (its timeout) or we closed: nothing more to answer
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(socket);
      threads.remove(Thread.currentThread());
    }
  }

  /** Reads a request head; returns its Content-Length (0 if none), or -1 at the end of the stream. */
  private static int readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return -1;
      }
      head.write(b);
      matched = (b == '\r' || b == '\n') && (matched % 2 == 0 ? b == '\r' : b == '\n') ? matched + 1 : 0;
    }
    int length = 0;
    for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return length;
  }

  /** Threads still serving a connection (the acceptor included until closed). */
  int liveThreads() {
    return (int) threads.stream().filter(Thread::isAlive).count();
  }

  @Override
  public void close() {
    try {
      server.close();
      for (Socket socket : open) {
        socket.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
