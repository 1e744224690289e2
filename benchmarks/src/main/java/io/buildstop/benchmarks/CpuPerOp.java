package io.buildstop.benchmarks;

import com.sun.management.ThreadMXBean;
import io.buildstop.aws.SdkBuilds;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.wire.BatchGetBuildsResponse;
import io.buildstop.wire.WireCodec;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The JMH benchmarks' single-thread operations timed by this thread's CPU time rather than the wall clock, with
 * this thread's allocation: on a machine that other builds load, a thread waiting for a core does not count. Also
 * the median wall time of single calls (each call timed with {@code System.nanoTime}, which adds about 20 ns).
 * No substitute for JMH's rigour (no fork per benchmark, no blackhole: results feed a checksum); a cross-check.
 *
 * <p>Run: {@code java -Xms3g -Xmx3g -cp benchmarks/target/benchmarks.jar io.buildstop.benchmarks.CpuPerOp}.
 */
public final class CpuPerOp {
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final int ROUNDS = 5;
  private static final int WARMUP_ROUNDS = 5;
  private static long checksum;

  private CpuPerOp() {}

  public static void main(String[] args) {
    System.out.printf(Locale.ROOT, "%-28s %10s %12s %12s %14s%n", "operation", "ops/round", "cpu ns/op",
        "wall ns/op", "B/op");
    Build running = Seeding.runningTemplate();
    Build stopped = Seeding.capturedStoppedBuild();
    Instant at = running.startTime().orElseThrow().plusSeconds(42);

    int pool = 200_000;
    String[] ids = Seeding.newIds(pool);
    Build[] runningBuilds = Arrays.stream(ids).map(id -> Seeding.withId(running, id)).toArray(Build[]::new);
    InMemoryCodeBuild[] backend = new InMemoryCodeBuild[1];
    // the pool of running builds is twice the default bound of builds held; all held whole, as a store within the
    // default bound holds them (the compact rows below measure the other case)
    measure("stop, transition", pool, () -> {
      backend[0] = InMemoryCodeBuild.builder().maxBuilds(pool).wholeCompleteBuilds(pool).build();
      for (Build build : runningBuilds) {
        backend[0].put(build);
      }
    }, i -> checksum += backend[0].stopBuild(ids[i]).get().phases().size());
    medianCall("stop, transition (median call)", pool, () -> {
      backend[0] = InMemoryCodeBuild.builder().maxBuilds(pool).wholeCompleteBuilds(pool).build();
      for (Build build : runningBuilds) {
        backend[0].put(build);
      }
    }, i -> checksum += backend[0].stopBuild(ids[i]).get().phases().size());

    for (int size : new int[] {1_000, 100_000}) {
      String[] stoppedIds = Seeding.newIds(size);
      Build[] stoppedBuilds = Arrays.stream(stoppedIds).map(id -> Seeding.withId(stopped, id)).toArray(Build[]::new);
      Runnable seed = () -> {
        backend[0] = InMemoryCodeBuild.create();
        for (Build build : stoppedBuilds) {
          backend[0].put(build);
        }
      };
      IntConsumer noop = i -> checksum += backend[0].stopBuild(stoppedIds[i % size]).get().phases().size();
      measure("stop, no-op, store " + size, pool, seed, noop);
      medianCall("stop, no-op, store " + size + " (median)", pool, seed, noop);
    }
    // the same no-op stops in a store that holds every complete build compact: each stop rebuilds the build
    String[] compactIds = Seeding.newIds(100_000);
    Build[] compactBuilds = Arrays.stream(compactIds).map(id -> Seeding.withId(stopped, id)).toArray(Build[]::new);
    Runnable compactSeed = () -> {
      backend[0] = InMemoryCodeBuild.builder().maxBuilds(pool).wholeCompleteBuilds(0).build();
      for (Build build : compactBuilds) {
        backend[0].put(build);
      }
    };
    IntConsumer compactNoop = i -> checksum += backend[0].stopBuild(compactIds[i % 100_000]).get().phases().size();
    measure("stop, no-op, compact 100000", pool, compactSeed, compactNoop);
    medianCall("stop, no-op, compact 100000 (median)", pool, compactSeed, compactNoop);

    measure("BuildId.parse", 1_000_000, () -> { }, i -> checksum += BuildId.parse(ids[i % pool]).get().buildUuid().length());
    measure("StopRules.stop, running", 1_000_000, () -> { }, i -> checksum += StopRules.stop(running, at).phases().size());
    measure("StopRules.stop, complete", 1_000_000, () -> { }, i -> checksum += StopRules.stop(stopped, at).phases().size());

    software.amazon.awssdk.services.codebuild.model.Build sdk = FullyPopulated.sdkBuild();
    Build domain = SdkBuilds.toDomain(sdk);
    measure("SdkToDomain, full build", 100_000, () -> { }, i -> checksum += SdkBuilds.toDomain(sdk).phases().size());
    measure("DomainToSdk, full build", 100_000, () -> { }, i -> checksum += SdkBuilds.toSdk(domain).phases().size());

    String text = Fixtures.read(Fixtures.BATCH_GET_BUILDS);
    BatchGetBuildsResponse response = WireCodec.BATCH_GET_BUILDS_RESPONSE.decode(text).get();
    measure("wire decode batch-get-builds", 20_000, () -> { },
        i -> checksum += WireCodec.BATCH_GET_BUILDS_RESPONSE.decode(text).get().builds().size());
    measure("wire encode batch-get-builds", 20_000, () -> { },
        i -> checksum += WireCodec.BATCH_GET_BUILDS_RESPONSE.encodeToString(response).length());
    System.out.println("checksum " + checksum);
  }

  private static void measure(String name, int ops, Runnable setup, IntConsumer op) {
    double[] cpu = new double[ROUNDS];
    double[] wall = new double[ROUNDS];
    double[] bytes = new double[ROUNDS];
    long thread = Thread.currentThread().getId();
    for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
      setup.run();
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long bytes0 = THREADS.getThreadAllocatedBytes(thread);
      long wall0 = System.nanoTime();
      for (int i = 0; i < ops; i++) {
        op.accept(i);
      }
      long wall1 = System.nanoTime();
      long cpu1 = THREADS.getCurrentThreadCpuTime();
      long bytes1 = THREADS.getThreadAllocatedBytes(thread);
      if (round >= 0) {
        cpu[round] = (double) (cpu1 - cpu0) / ops;
        wall[round] = (double) (wall1 - wall0) / ops;
        bytes[round] = (double) (bytes1 - bytes0) / ops;
      }
    }
    System.out.printf(Locale.ROOT, "%-28s %10d %12.0f %12.0f %14.0f%n", name, ops, median(cpu), median(wall),
        median(bytes));
  }

  private static void medianCall(String name, int ops, Runnable setup, IntConsumer op) {
    long[] calls = new long[ops];
    double[] medians = new double[ROUNDS];
    for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
      setup.run();
      for (int i = 0; i < ops; i++) {
        long start = System.nanoTime();
        op.accept(i);
        calls[i] = System.nanoTime() - start;
      }
      if (round >= 0) {
        Arrays.sort(calls);
        medians[round] = calls[ops / 2];
      }
    }
    System.out.printf(Locale.ROOT, "%-28s %10d %12s %12.0f %14s%n", name, ops, "-", median(medians), "-");
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
