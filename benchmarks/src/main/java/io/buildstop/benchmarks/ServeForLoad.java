package io.buildstop.benchmarks;

import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.CodeBuildServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Our server for {@code bench/server-load.sh}: {@link CodeBuildServer} on {@code 127.0.0.1:PORT} with its
 * defaults and a backend configured as {@code buildstop serve} configures it, optionally pre-seeded with {@code N} running builds through the backend's public API
 * ({@code startBuild}), their ids written one per line to {@code IDS}. Prints {@code READY} and serves until killed.
 *
 * <p>Usage: {@code ServeForLoad PORT [N IDS]}; {@code -Dbuildstop.seedState=stopped} seeds builds started then
 * stopped (a store of complete builds) instead of running ones; {@code -Dbuildstop.workers=W} overrides the number
 * of worker threads,
 * {@code -Dbuildstop.deadline.ms=MS} sets the request head, body and idle deadlines together.
 */
public final class ServeForLoad {
  private ServeForLoad() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int port = Integer.parseInt(args[0]);
    int seed = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    // configured as `buildstop serve` configures it: no StopBuild call history, which no HTTP client can read
    InMemoryCodeBuild backend = InMemoryCodeBuild.builder().stopCallHistory(0)
        .maxBuilds(Math.max(seed + 1_000_000, InMemoryCodeBuild.Builder.DEFAULT_MAX_BUILDS)).build();
    if (seed > 0) {
      long start = System.nanoTime();
      boolean stopped = "stopped".equals(System.getProperty("buildstop.seedState", "running"));
      List<String> ids = new ArrayList<>(seed);
      for (int i = 0; i < seed; i++) {
        String id = backend.startBuild(Seeding.PROJECT).get().id().orElseThrow();
        if (stopped) {
          backend.stopBuild(id).get();
        }
        ids.add(id);
      }
      System.out.printf(Locale.ROOT, "seeded %d %s builds in %.0f ms (%d held compact)%n", seed,
          stopped ? "stopped" : "running", (System.nanoTime() - start) / 1e6, backend.compactBuilds());
      Files.write(Path.of(args[2]), ids, StandardCharsets.UTF_8);
    }
    CodeBuildServer.Builder builder = CodeBuildServer.builder().backend(backend).port(port)
        .workerThreads(Integer.getInteger("buildstop.workers", CodeBuildServer.DEFAULT_WORKER_THREADS));
    Long deadline = Long.getLong("buildstop.deadline.ms");
    if (deadline != null) {
      builder.requestHeadTimeout(Duration.ofMillis(deadline)).requestBodyTimeout(Duration.ofMillis(deadline))
          .idleTimeout(Duration.ofMillis(deadline));
    }
    CodeBuildServer server = builder.start();
    System.out.println("READY " + server.endpoint());
    System.out.flush();
    Thread.currentThread().join();
  }
}
