package io.buildstop.benchmarks.engines;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * What embedding the server costs a test, in a fresh JVM (BENCHMARKS.md, "Server engines"): the time to start it on
 * 127.0.0.1 and a free port, to its first answer (a ListBuilds over the JDK's HttpClient), and to close it.
 * Only the server's public API and the JDK are named, so that the class also compiles against an older build of
 * the server ({@code bench/engines.sh} compiles it against the JDK-server build); {@code jetty} starts
 * {@link JettyCandidate} by reflection instead.
 *
 * <p>Usage: {@code StartupTime server|jetty}.
 */
public final class StartupTime {
  private StartupTime() {}

  public static void main(String[] args) throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long started = System.nanoTime();
    AutoCloseable server;
    URI endpoint;
    if (args[0].equals("jetty")) {
      Class<?> candidate = Class.forName("io.buildstop.benchmarks.engines.JettyCandidate");
      Object backend = Class.forName("io.buildstop.memory.InMemoryCodeBuild").getMethod("create").invoke(null);
      Object dispatcher = candidate.getMethod("dispatcher", backend.getClass()).invoke(null, backend);
      Method start = candidate.getMethod("start", int.class, dispatcher.getClass(), long.class);
      Object jetty = start.invoke(null, 0, dispatcher, 30_000L);
      Object connector = ((Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty))[0];
      endpoint = URI.create("http://127.0.0.1:" + connector.getClass().getMethod("getLocalPort").invoke(connector)
          + "/");
      server = () -> jetty.getClass().getMethod("stop").invoke(jetty);
    } else {
      io.buildstop.server.CodeBuildServer codeBuild = io.buildstop.server.CodeBuildServer.builder().start();
      endpoint = codeBuild.endpoint().resolve("/");
      server = codeBuild;
    }
    long up = System.nanoTime();
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint)
        .header("X-Amz-Target", "CodeBuild_20161006.ListBuilds").header("Content-Type", "application/x-amz-json-1.1")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    long answered = System.nanoTime();
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("ListBuilds answered " + answer.statusCode());
    }
    server.close();
    long closed = System.nanoTime();
    System.out.printf(Locale.ROOT, "start %d ms, first answer %d ms, close %d ms, JVM start to first answer %d ms%n",
        (up - started) / 1_000_000, (answered - up) / 1_000_000, (closed - answered) / 1_000_000,
        System.currentTimeMillis() - jvmStart - (closed - answered) / 1_000_000);
  }
}
