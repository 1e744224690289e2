package io.buildstop.benchmarks;

import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.wire.WireCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Heap retained per build, and the time to seed them, for {@code count} builds (100,000 by default) in an {@link
 * InMemoryCodeBuild}. Three shapes, each in a fresh backend:
 *
 * <ul>
 *   <li>{@code decoded}: every build decoded from the captured stop-build response's text with its own id and ARN,
 *       so builds share nothing but what the JVM interns: the upper bound for the typical build;
 *   <li>{@code shared}: the captured build copied with a new id and ARN ({@code withId}/{@code withArn}), its
 *       nested values shared, as the JMH benchmarks seed;
 *   <li>{@code started}: {@code startBuild(project)}, the backend's own StartBuild (the start-build capture's shape).
 * </ul>
 *
 * <p>Retained heap is the used heap after repeated full collections with the backend reachable, minus the same
 * with it empty, divided by {@code count}. With {@code -Dbuildstop.histogram=N}, the N largest classes of the live
 * heap follow each line (the JVM's {@code GC.class_histogram}): what the bytes are. With {@code
 * -Dbuildstop.wholeCompleteBuilds=N}, the backend holds only the newest N complete builds whole (0: every complete
 * build compact, when it can). Run: {@code java -cp
 * benchmarks/target/benchmarks.jar io.buildstop.benchmarks.SeedMemory [count] [decoded|shared|started|stopped ...]}.
 */
public final class SeedMemory {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private SeedMemory() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    String[] shapes = args.length > 1
        ? java.util.Arrays.copyOfRange(args, 1, args.length)
        : new String[] {"decoded", "shared", "started", "decoded", "shared", "started"};
    System.out.printf(Locale.ROOT, "%-8s %9s %12s %14s %14s%n", "shape", "builds", "seed ms", "retained MB",
        "bytes/build");
    for (String shape : shapes) {
      measure(shape, count);
    }
  }

  static void measure(String shape, int count) {
    String captured = Fixtures.read(Fixtures.STOP_BUILD);
    Build template = Seeding.capturedStoppedBuild();
    String capturedId = template.id().orElseThrow();
    String capturedArn = template.arn().orElseThrow();
    InMemoryCodeBuild backend = InMemoryCodeBuild.builder().maxBuilds(Math.max(count, 1))
        .wholeCompleteBuilds(Integer.getInteger("buildstop.wholeCompleteBuilds",
            InMemoryCodeBuild.Builder.DEFAULT_WHOLE_COMPLETE_BUILDS))
        .build();
    long before = usedAfterGc();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      switch (shape) {
        case "decoded" -> {
          String id = Seeding.newId();
          String text = captured.replace(capturedArn, "arn:aws:codebuild:us-east-1:123456789012:build/" + id)
              .replace(capturedId, id);
          backend.put(WireCodec.STOP_BUILD_RESPONSE.decode(text).get());
        }
        case "shared" -> backend.put(Seeding.withId(template, Seeding.PROJECT + ":" + UUID.randomUUID()));
        case "started" -> backend.startBuild(Seeding.PROJECT).get();
        // started, then stopped by id as a StopBuild request names it: what a load of stops leaves held
        case "stopped" -> backend.stopBuild(new String(backend.startBuild(Seeding.PROJECT).get().id().orElseThrow()))
            .get();
        default -> throw new IllegalArgumentException("shape: decoded, shared, started or stopped, not " + shape);
      }
    }
    long seedNanos = System.nanoTime() - start;
    long after = usedAfterGc();
    if (backend.builds().size() != count) {
      throw new IllegalStateException("seeded " + backend.builds().size() + " builds, not " + count);
    }
    long retained = after - before;
    System.out.printf(Locale.ROOT, "%-8s %9d %12.0f %14.1f %14.0f   compact: %d%n", shape, count, seedNanos / 1e6,
        retained / 1e6, (double) retained / count, backend.compactBuilds());
    int top = Integer.getInteger("buildstop.histogram", 0);
    if (top > 0) {
      System.out.println(histogram(top));
    }
    Reference.reachabilityFence(backend);
  }

  private static String histogram(int top) {
    try {
      String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      return text.lines().limit(top + 2L).collect(Collectors.joining(System.lineSeparator()));
    } catch (JMException e) {
      return "no class histogram: " + e;
    }
  }

  private static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
