package io.buildstop.benchmarks;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryCodeBuild;
import io.vavr.control.Either;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * {@code InMemoryCodeBuild.stopBuild(String)}: the whole port call (id parsing, the clock, the atomic update
 * applying the stop rule, the recorded call), on one thread and two.
 *
 * <ul>
 *   <li>{@code transition*}: every call stops a running build: each thread owns one build, which an
 *       invocation-level setup puts back running (untimed) before every call. Invocation-level setup costs JMH two
 *       timer reads per call (about 25 ns each here) that the score includes; {@code -prof gc} counts the setup's
 *       allocation too, which {@code restore1Thread} measures alone, so transition B/op minus restore B/op is the
 *       stop's own.
 *   <li>{@code noop*}: every call stops an already-stopped build, a different one each call, round robin over the
 *       store: the idempotent path (spec §4.4), which repeated load on a server mostly exercises.
 *   <li>{@code contended2Threads}: both threads stop the same build: after the first call, the no-op path, with
 *       both threads serialising on the same map bin.
 * </ul>
 *
 * <p>Each iteration starts with a new backend (re-putting the same build objects), so that every iteration starts
 * from the same heap. The re-seeding allocates about 100 B per stored build, which {@code -prof gc} spreads over
 * the iteration's calls. {@code history} compares the backend's default record of answered calls (the last 10,000)
 * with none ({@code buildstop serve}'s setting): every recorded call is a write to the one shared history.
 *
 * <p>{@code storeSize} is how many stopped builds (shaped like the stop-build capture) the store holds: the scale
 * goal compares 1,000 and 100,000.
 *
 * <p>{@code listeners} is how many build-event listeners the backend has, added after seeding so that the seeding's
 * own events are none. 0 (the default) leaves each change one {@code isListened()} check; {@code -p listeners=1}
 * measures emission (docs/build-events.md): events derived inside each change's atomic step (the restore's too),
 * queued, and handed to a listener that only counts them on the backend's event thread, which shares the cores
 * with the benchmark's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class StopBenchmark {

  /** A backend holding {@code storeSize} stopped builds. */
  @State(Scope.Benchmark)
  public static class Store {
    @Param({"1000", "100000"})
    public int storeSize;

    /** How many answered calls the backend keeps ({@code stopCallHistory}): its default, or none as {@code serve}. */
    @Param({"10000", "0"})
    public int history;

    /** How many build-event listeners the backend has: none by default, {@code -p listeners=1} for emission's cost. */
    @Param({"0"})
    public int listeners;

    InMemoryCodeBuild backend;
    final LongAdder heard = new LongAdder();
    String[] ids;
    Build[] builds;

    @Setup(Level.Trial)
    public void builds() {
      Build stopped = Seeding.capturedStoppedBuild();
      ids = Seeding.newIds(storeSize);
      builds = new Build[storeSize];
      for (int i = 0; i < storeSize; i++) {
        builds[i] = Seeding.withId(stopped, ids[i]);
      }
    }

    @Setup(Level.Iteration)
    public void seed() {
      backend = InMemoryCodeBuild.builder().stopCallHistory(history)
          .maxBuilds(Math.max(builds.length + 1_000, InMemoryCodeBuild.Builder.DEFAULT_MAX_BUILDS)).build();
      for (Build build : builds) {
        backend.put(build);
      }
      for (int i = 0; i < listeners; i++) {
        backend.addEventListener(event -> heard.increment());
      }
    }
  }

  /** One thread's running build, and its position in the stopped builds. */
  @State(Scope.Thread)
  public static class Mine {
    Build running;
    String runningId;
    int nextStopped;

    @Setup(Level.Trial)
    public void build(ThreadParams params) {
      build(params.getThreadIndex());
    }

    void build(int threadIndex) {
      runningId = Seeding.newId();
      running = Seeding.withId(Seeding.runningTemplate(), runningId);
      nextStopped = threadIndex * 7919;
    }

    String stopped(Store store) {
      if (nextStopped >= store.ids.length) {
        nextStopped = 0;
      }
      return store.ids[nextStopped++];
    }
  }

  /** Puts the thread's build back running before each call of a {@code transition*} benchmark. */
  @State(Scope.Thread)
  public static class Restored {
    @Setup(Level.Invocation)
    public void restore(Store store, Mine mine) {
      store.backend.put(mine.running);
    }
  }

  @Benchmark
  @Threads(1)
  @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
  public Either<StopFailure, Build> transition1Thread(Store store, Mine mine, Restored restored) {
    return store.backend.stopBuild(mine.runningId);
  }

  @Benchmark
  @Threads(2)
  public Either<StopFailure, Build> transition2Threads(Store store, Mine mine, Restored restored) {
    return store.backend.stopBuild(mine.runningId);
  }

  /** What the transition benchmarks' setup does per call, alone: to subtract from their B/op. */
  @Benchmark
  @Threads(1)
  public Either<StopFailure, Build> restore1Thread(Store store, Mine mine) {
    return store.backend.put(mine.running);
  }

  @Benchmark
  @Threads(1)
  @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
  public Either<StopFailure, Build> noop1Thread(Store store, Mine mine) {
    return store.backend.stopBuild(mine.stopped(store));
  }

  @Benchmark
  @Threads(2)
  public Either<StopFailure, Build> noop2Threads(Store store, Mine mine) {
    return store.backend.stopBuild(mine.stopped(store));
  }

  @Benchmark
  @Threads(2)
  public Either<StopFailure, Build> contended2Threads(Store store) {
    return store.backend.stopBuild(store.ids[0]);
  }
}
