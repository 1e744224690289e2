package io.buildstop.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.CodeBuildServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * What the JUnit 5 extension costs a test class (issue 16): the time to start an in-process endpoint as the
 * extension does (an {@link InMemoryCodeBuild} and a {@link CodeBuildServer} over it), and to have it answer its
 * first request, against the JDK {@link HttpServer}'s own start with one trivial handler, in the same JVM and run;
 * and the in-process CodeBuild alone, which is all a test without an endpoint gets. The first start in the JVM
 * (class loading, JIT) is reported apart from the rest; rounds alternate between the kinds. Each server is closed
 * before the next starts.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.buildstop.benchmarks.StartupTime [rounds]} (200 by default).
 */
public final class StartupTime {
  private static final byte[] LIST_BUILDS = ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      + "X-Amz-Target: CodeBuild_20161006.ListBuilds\r\nContent-Type: application/x-amz-json-1.1\r\n"
      + "Content-Length: 2\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);

  private StartupTime() {}

  public static void main(String[] args) {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    String[] names = {"JDK HttpServer: create, start", "CodeBuildServer: backend, start",
        "CodeBuildServer: backend, start, first answer", "InMemoryCodeBuild alone (no endpoint)"};
    long[][] nanos = new long[names.length][rounds];
    long[] first = new long[names.length];
    for (int round = -1; round < rounds; round++) {
      for (int kind = 0; kind < names.length; kind++) {
        long took = time(kind);
        if (round < 0) {
          first[kind] = took;
        } else {
          nanos[kind][round] = took;
        }
      }
    }
    System.out.printf("%-48s %10s %10s %10s %10s%n", "start-up, ms (" + rounds + " rounds after the first)",
        "first", "median", "p90", "max");
    for (int kind = 0; kind < names.length; kind++) {
      long[] sorted = nanos[kind].clone();
      Arrays.sort(sorted);
      System.out.printf("%-48s %10.3f %10.3f %10.3f %10.3f%n", names[kind], first[kind] / 1e6,
          sorted[rounds / 2] / 1e6, sorted[(int) (rounds * 0.9)] / 1e6, sorted[rounds - 1] / 1e6);
    }
  }

  private static long time(int kind) {
    long start = System.nanoTime();
    switch (kind) {
      case 0 -> {
        HttpServer http = jdkServer();
        long took = System.nanoTime() - start;
        http.stop(0);
        return took;
      }
      case 1 -> {
        CodeBuildServer server = CodeBuildServer.builder().backend(InMemoryCodeBuild.create()).start();
        long took = System.nanoTime() - start;
        server.close();
        return took;
      }
      case 2 -> {
        CodeBuildServer server = CodeBuildServer.builder().backend(InMemoryCodeBuild.create()).start();
        answer(server.endpoint());
        long took = System.nanoTime() - start;
        server.close();
        return took;
      }
      default -> {
        Supplier<InMemoryCodeBuild> inProcess = InMemoryCodeBuild::create;
        InMemoryCodeBuild codeBuild = inProcess.get();
        long took = System.nanoTime() - start;
        if (codeBuild.builds().size() != 0) {
          throw new IllegalStateException("a new CodeBuild holds builds");
        }
        return took;
      }
    }
  }

  private static HttpServer jdkServer() {
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
      http.createContext("/", exchange -> {
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      http.start();
      return http;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // one ListBuilds over a new connection, read to the end of the answer
  private static void answer(URI endpoint) {
    try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(LIST_BUILDS);
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] status = in.readNBytes(12);
      if (!new String(status, StandardCharsets.US_ASCII).endsWith("200")) {
        throw new IllegalStateException("ListBuilds answered " + new String(status, StandardCharsets.US_ASCII));
      }
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
