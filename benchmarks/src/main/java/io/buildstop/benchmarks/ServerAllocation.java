package io.buildstop.benchmarks;

import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.benchmarks.engines.JettyCandidate;
import io.buildstop.server.CodeBuildServer;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Heap bytes and CPU time the server's process spends per StopBuild request, summed over every thread but the
 * client's ({@code com.sun.management.ThreadMXBean}): a figure that, unlike req/s, does not depend on how loaded
 * this shared machine is. One client on one kept-alive connection sends the requests one after the other, rotating
 * over {@code N} builds seeded running (so after the first pass each stop is the idempotent path, as under
 * {@code bench/server-load.sh}); it prints the median of the measured rounds.
 *
 * <p>Usage: {@code ServerAllocation [N [REQUESTS_PER_ROUND [ROUNDS [ceiling|jetty]]]]}, defaults 1,000, 20,000 and 5
 * (after as many warm-up rounds). With {@code ceiling}, the same requests go to a JDK {@code HttpServer} that reads
 * the body into an array of its length and answers {@link Ceiling}'s fixed body instead: what the JDK server itself
 * allocates per exchange. With {@code jetty}, to the same dispatcher on Jetty ({@code JettyCandidate}): the engine
 * compared with the server's own (BENCHMARKS.md, "Server engines").
 */
public final class ServerAllocation {
  private ServerAllocation() {}

  public static void main(String[] args) throws IOException {
    int seed = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    boolean ceiling = args.length > 3 && args[3].equals("ceiling");
    boolean jetty = args.length > 3 && args[3].equals("jetty");
    InMemoryCodeBuild backend = InMemoryCodeBuild.create();
    byte[][] stops = new byte[seed][];
    for (int i = 0; i < seed; i++) {
      stops[i] = stopRequest(backend.startBuild(Seeding.PROJECT).get().id().orElseThrow());
    }
    Optional<HttpServer> trivial = ceiling ? Optional.of(ceiling()) : Optional.empty();
    Optional<org.eclipse.jetty.server.Server> candidate = Optional.empty();
    if (jetty) {
      try {
        candidate = Optional.of(JettyCandidate.start(0, JettyCandidate.dispatcher(backend), 30_000));
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
    int jettyPort = candidate.map(s -> ((org.eclipse.jetty.server.ServerConnector) s.getConnectors()[0])
        .getLocalPort()).orElse(-1);
    try (CodeBuildServer server = CodeBuildServer.builder().backend(backend).start();
        Socket socket = new Socket("127.0.0.1", jetty ? jettyPort
            : trivial.map(http -> http.getAddress().getPort()).orElse(server.port()))) {
      socket.setTcpNoDelay(true);
      Client client = new Client(socket);
      Threads threads = new Threads();
      long[] bytes = new long[rounds];
      long[] cpu = new long[rounds];
      long[] user = new long[rounds];
      int responseLength = 0;
      for (int round = -rounds; round < rounds; round++) {
        long bytesBefore = threads.allocatedBytes();
        long cpuBefore = threads.cpuNanos();
        long userBefore = threads.userNanos();
        for (int i = 0; i < requests; i++) {
          responseLength = client.exchange(stops[i % seed]);
        }
        if (round >= 0) {
          bytes[round] = (threads.allocatedBytes() - bytesBefore) / requests;
          cpu[round] = (threads.cpuNanos() - cpuBefore) / requests;
          user[round] = (threads.userNanos() - userBefore) / requests;
        }
      }
      Arrays.sort(bytes);
      Arrays.sort(cpu);
      Arrays.sort(user);
      System.out.printf(Locale.ROOT, (ceiling ? "ceiling (JDK server, fixed body), " : jetty ? "jetty, " : "") + "StopBuild, %d builds, %d requests x %d rounds, response body %d B:"
              + " %d B, %d ns CPU (%d ns user) per request in the server's threads (median round; rounds %d..%d B)%n",
          seed, requests, rounds, responseLength, bytes[rounds / 2], cpu[rounds / 2], user[rounds / 2], bytes[0],
          bytes[rounds - 1]);
    } finally {
      candidate.ifPresent(server -> {
        try {
          server.stop();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      trivial.ifPresent(http -> {
        http.stop(0);
        ((ExecutorService) http.getExecutor()).shutdownNow();
      });
    }
  }

  private static HttpServer ceiling() throws IOException {
    // FACTS: without it each kept-alive request waits ~44 ms; read once, when the JDK's server classes load
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    http.setExecutor(Executors.newFixedThreadPool(4));
    http.createContext("/", exchange -> {
      try (exchange) {
        // the body read as the server reads a declared one, so that the two differ only in what lies between
        int length = Integer.parseInt(exchange.getRequestHeaders().getFirst("Content-Length"));
        exchange.getRequestBody().readNBytes(new byte[length], 0, length);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(200, Ceiling.BODY.length);
        exchange.getResponseBody().write(Ceiling.BODY);
      }
    });
    http.start();
    return http;
  }

  private static byte[] stopRequest(String id) {
    String body = "{\"id\":\"" + id + "\"}";
    return ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
        + "X-Amz-Target: CodeBuild_20161006.StopBuild\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Every live thread of this process but the caller's, which is the client. */
  private static final class Threads {
    private final com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long client = Thread.currentThread().getId();

    long allocatedBytes() {
      long[] ids = others();
      return Arrays.stream(bean.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
    }

    long cpuNanos() {
      long[] ids = others();
      return Arrays.stream(bean.getThreadCpuTime(ids)).filter(t -> t > 0).sum();
    }

    // CPU time less the kernel's (the socket calls), where a change in our code shows above the noise
    long userNanos() {
      return Arrays.stream(others()).map(bean::getThreadUserTime).filter(t -> t > 0).sum();
    }

    private long[] others() {
      return Arrays.stream(bean.getAllThreadIds()).filter(id -> id != client).toArray();
    }
  }

  /** HTTP/1.1 on one kept-alive connection: a request out, the response read to the end of its body. */
  private static final class Client {
    private final OutputStream out;
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final byte[] body = new byte[1 << 16];

    Client(Socket socket) throws IOException {
      this.out = socket.getOutputStream();
      this.in = new java.io.BufferedInputStream(socket.getInputStream());
    }

    int exchange(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      String status = readLine();
      if (!status.startsWith("HTTP/1.1 200")) {
        throw new IOException("expected 200, got " + status);
      }
      int length = -1;
      for (String header = readLine(); !header.isEmpty(); header = readLine()) {
        if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Integer.parseInt(header.substring(15).trim());
        }
      }
      if (length < 0 || length > body.length || in.readNBytes(body, 0, length) != length) {
        throw new IOException("expected a body with a Content-Length of at most " + body.length);
      }
      return length;
    }

    private String readLine() throws IOException {
      line.reset();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("the server closed the connection");
        }
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.US_ASCII);
    }
  }
}
