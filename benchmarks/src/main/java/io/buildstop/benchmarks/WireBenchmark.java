package io.buildstop.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildstop.wire.BatchGetBuildsResponse;
import io.buildstop.wire.WireCodec;
import io.buildstop.wire.WireError;
import io.vavr.control.Either;
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

/**
 * The wire codec on the captured {@code batch-get-builds} response (two builds, 10.6 KB of pretty-printed JSON):
 * from and to text, which is what the server does per request, and from and to Jackson's tree alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class WireBenchmark {
  String text;
  JsonNode tree;
  BatchGetBuildsResponse response;

  @Setup
  public void fixture() throws Exception {
    text = Fixtures.read(Fixtures.BATCH_GET_BUILDS);
    tree = new ObjectMapper().readTree(text);
    response = WireCodec.BATCH_GET_BUILDS_RESPONSE.decode(text)
        .getOrElseThrow(error -> new IllegalStateException("the fixture does not decode: " + error));
  }

  @Benchmark
  public Either<WireError, BatchGetBuildsResponse> decodeText() {
    return WireCodec.BATCH_GET_BUILDS_RESPONSE.decode(text);
  }

  @Benchmark
  public String encodeText() {
    return WireCodec.BATCH_GET_BUILDS_RESPONSE.encodeToString(response);
  }

  @Benchmark
  public Either<WireError, BatchGetBuildsResponse> decodeTree() {
    return WireCodec.BATCH_GET_BUILDS_RESPONSE.decode(tree);
  }

  @Benchmark
  public JsonNode encodeTree() {
    return WireCodec.BATCH_GET_BUILDS_RESPONSE.encode(response);
  }
}
