package io.buildstop.benchmarks;

import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** {@code StopRules.stop(build, at)} alone: the pure rule, without a store, a clock or id parsing. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class StopRulesBenchmark {
  Build running;
  Build stopped;
  Instant at;

  @Setup
  public void builds() {
    running = Seeding.runningTemplate();
    stopped = Seeding.capturedStoppedBuild();
    at = running.startTime().orElseThrow().plusSeconds(42);
  }

  /** A running build in BUILD stops: its phase closes, COMPLETED follows, five members change. */
  @Benchmark
  public Build stopRunning() {
    return StopRules.stop(running, at);
  }

  /** A complete build comes back unchanged (spec §4.3). */
  @Benchmark
  public Build stopComplete() {
    return StopRules.stop(stopped, at);
  }
}
