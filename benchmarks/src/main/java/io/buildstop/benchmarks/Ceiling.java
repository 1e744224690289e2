package io.buildstop.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.buildstop.server.CodeBuildServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The ceiling for {@code bench/server-load.sh}: the JDK {@link HttpServer} doing nothing but read the request and
 * answer a fixed 2 KB JSON body, with nodelay and as many worker threads as {@code CodeBuildServer}'s default
 * ({@link CodeBuildServer#DEFAULT_WORKER_THREADS}; {@code -Dbuildstop.workers=W} overrides both). Prints
 * {@code READY} and serves until killed.
 *
 * <p>Usage: {@code java -Dsun.net.httpserver.nodelay=true -cp benchmarks.jar io.buildstop.benchmarks.Ceiling PORT}.
 */
public final class Ceiling {
  static final byte[] BODY = body();

  private Ceiling() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 128);
    http.setExecutor(Executors.newFixedThreadPool(
        Integer.getInteger("buildstop.workers", CodeBuildServer.DEFAULT_WORKER_THREADS)));
    ThreadLocal<byte[]> buffer = ThreadLocal.withInitial(() -> new byte[8192]);
    http.createContext("/", exchange -> {
      // read and drop the body into a buffer the thread keeps: the least a server can do with it
      try (InputStream in = exchange.getRequestBody()) {
        byte[] chunk = buffer.get();
        while (in.read(chunk) >= 0) {
          // nothing to do with the bytes
        }
      }
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(200, BODY.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(BODY);
      }
    });
    http.start();
    System.out.println("READY http://127.0.0.1:" + http.getAddress().getPort());
    System.out.flush();
    Thread.currentThread().join();
  }

  // a JSON object of exactly 2,048 bytes
  static byte[] body() {
    String prefix = "{\"build\":{\"id\":\"bench-project:00000000-0000-0000-0000-000000000000\",\"padding\":\"";
    String suffix = "\"}}";
    return (prefix + "x".repeat(2048 - prefix.length() - suffix.length()) + suffix).getBytes(StandardCharsets.UTF_8);
  }
}
