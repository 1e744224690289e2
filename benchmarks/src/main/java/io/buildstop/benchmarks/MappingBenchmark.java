package io.buildstop.benchmarks;

import io.buildstop.aws.SdkBuilds;
import io.buildstop.domain.model.Build;
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

/** The AWS backend's mapping of a fully populated build ({@link FullyPopulated}), SDK to domain and back. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MappingBenchmark {
  software.amazon.awssdk.services.codebuild.model.Build sdk;
  Build domain;

  @Setup
  public void builds() {
    sdk = FullyPopulated.sdkBuild();
    domain = SdkBuilds.toDomain(sdk);
  }

  @Benchmark
  public Build sdkToDomain() {
    return SdkBuilds.toDomain(sdk);
  }

  @Benchmark
  public software.amazon.awssdk.services.codebuild.model.Build domainToSdk() {
    return SdkBuilds.toSdk(domain);
  }
}
