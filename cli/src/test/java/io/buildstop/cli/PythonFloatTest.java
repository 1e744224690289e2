package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.buildstop.cli.internal.PythonFloat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("numbers with a fraction print as Python's repr(float)")
class PythonFloatTest {

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      // double (Java literal) | repr, as Python 3.11 printed it
      "0.0 | 0.0",
      "-0.0 | -0.0",
      "1.0 | 1.0",
      "0.1 | 0.1",
      "0.3333333333333333 | 0.3333333333333333",
      "1556906956.318 | 1556906956.318",
      "1556906973.75 | 1556906973.75",
      "1556906956.123456789 | 1556906956.1234567",
      "1e16 | 1e+16",
      "1e15 | 1000000000000000.0",
      "1e-4 | 0.0001",
      "1e-5 | 1e-05",
      "4.9e-324 | 5e-324",
      "1.7976931348623157e308 | 1.7976931348623157e+308",
      "9007199254740993.0 | 9007199254740992.0",
      "1e22 | 1e+22",
      "123456789012345680.0 | 1.2345678901234568e+17",
      "-2.5 | -2.5",
      "1152921504606846976.0 | 1.152921504606847e+18",
      "1.5e-7 | 1.5e-07",
      "0.00314159 | 0.00314159",
      "1556906956.999999 | 1556906956.999999",
  })
  void printsAsPython(double value, String python) {
    assertThat(PythonFloat.repr(value)).isEqualTo(python);
  }

  @Test
  void nonFiniteValuesPrintAsJsonDumpsWritesThem() {
    assertThat(PythonFloat.repr(Double.NaN)).isEqualTo("NaN");
    assertThat(PythonFloat.repr(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(PythonFloat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }

  @Tag("peers") // drives an independent peer: mvn verify -DexcludedGroups=peers leaves it out
  @Test
  @DisplayName("agrees with python3 on thousands of doubles: any bits, and timestamps to the milli- and nanosecond")
  void agreesWithPythonOnRandomDoubles() throws Exception {
    SplittableRandom random = new SplittableRandom(20190503L);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      double any = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(any)) {
        values.add(any);
      }
      values.add(random.nextLong(-2_208_988_800_000L, 7_258_118_400_000L) / 1000.0);
      values.add(random.nextLong(0, 4_102_444_800L) + random.nextInt(1_000_000_000) / 1e9);
    }
    StringBuilder input = new StringBuilder();
    values.forEach(value -> input.append(Double.toHexString(value)).append('\n'));

    List<String> python = python3("import sys\nfor line in sys.stdin: print(repr(float.fromhex(line.strip())))\n",
        input.toString());

    assertThat(python).hasSameSizeAs(values);
    for (int i = 0; i < values.size(); i++) {
      assertThat(PythonFloat.repr(values.get(i))).as("repr of %s", Double.toHexString(values.get(i)))
          .isEqualTo(python.get(i));
    }
  }

  private static List<String> python3(String program, String stdin) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder("python3", "-c", program).start();
    } catch (IOException e) {
      return fail("python3 is not on the PATH: this test checks buildstop's number printing against Python's, which "
          + "the AWS CLI runs on; install Python 3 (the AWS CLI needs it anyway)", e);
    }
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("python3 finished").isTrue();
    assertThat(process.exitValue()).as("python3's exit code").isZero();
    return out.join().lines().toList();
  }
}
