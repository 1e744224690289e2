package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.DemoBuilds;
import io.buildstop.cli.internal.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("every duration option is between its bounds: at most 44h, and at least 1ms where it must take time")
class DurationBoundsTest {
  private static final String STOPPABLE_ENDPOINT = "http://127.0.0.1:9";

  // the command line up to the duration option; each is complete with a duration after it
  static Stream<Arguments> everyDurationOption() {
    return Stream.of(
        Arguments.of("--lifecycle", List.of("serve", "--lifecycle")),
        Arguments.of("--stop-latency", List.of("serve", "--stop-latency")),
        Arguments.of("--shutdown-timeout", List.of("serve", "--shutdown-timeout")),
        Arguments.of("--request-head-timeout", List.of("serve", "--request-head-timeout")),
        Arguments.of("--request-body-timeout", List.of("serve", "--request-body-timeout")),
        Arguments.of("--idle-timeout", List.of("serve", "--idle-timeout")),
        Arguments.of("--timeout", List.of("stop", "--wait", "--id", DemoBuilds.RUNNING_IN_BUILD, "--timeout")),
        Arguments.of("--older-than", List.of("stop-runaway", "--project", "my-demo-project", "--older-than")),
        Arguments.of("--api-call-timeout", List.of("stop", "--endpoint-url", STOPPABLE_ENDPOINT, "--id",
            DemoBuilds.RUNNING_IN_BUILD, "--api-call-timeout")),
        Arguments.of("--api-call-attempt-timeout", List.of("stop", "--endpoint-url", STOPPABLE_ENDPOINT, "--id",
            DemoBuilds.RUNNING_IN_BUILD, "--api-call-attempt-timeout")));
  }

  static Stream<Arguments> everyDurationOptionWithAValueTooLong() {
    return everyDurationOption().flatMap(option -> Stream.of("3000000h", "PT9000000000000H", "45h", "PT44H0.001S",
            "999999999h")
        .map(tooLong -> Arguments.of(option.get()[0], option.get()[1], tooLong)));
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("everyDurationOptionWithAValueTooLong")
  void aDurationLongerThanAnyBuildCanLiveIsAUsageErrorThatNamesTheBound(String option, List<String> command,
      String tooLong) {
    Cli.Result result = Cli.run(with(command, tooLong));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("buildstop: Invalid value for option '" + option + "': '" + tooLong
        + "' is too long: a duration here is at most 44h, as long as a CodeBuild build can live (queued 8h, then "
        + "36h)").doesNotContain("Exception");
  }

  @ParameterizedTest(name = "{0} 44h")
  @MethodSource("everyDurationOption")
  void theLongestDurationIsAccepted(String option, List<String> command) {
    Cli.Result result = Cli.run(with(command, "44h"));

    // the stops against the port that answers nothing are unavailable (7), not a usage error
    assertThat(result.exitCode()).as(result.toString()).isIn(ExitCodes.OK, ExitCodes.UNAVAILABLE);
    assertThat(result.err()).doesNotContain("Invalid value");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyDurationOption")
  void aZeroDurationIsAUsageErrorWhereTheOptionMustTakeTime(String option, List<String> command) {
    Cli.Result result = Cli.run(with(command, "0ms"));

    if (List.of("--lifecycle", "--timeout", "--api-call-timeout", "--api-call-attempt-timeout",
        "--request-head-timeout", "--request-body-timeout", "--idle-timeout").contains(option)) {
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
      assertThat(result.err()).startsWith("buildstop: Invalid value for option '" + option + "': '0ms' is too "
          + "short: a duration here is at least 1ms");
    } else {
      assertThat(result.err()).as(result.toString()).doesNotContain("Invalid value");
    }
  }

  private static String[] with(List<String> command, String duration) {
    List<String> all = new ArrayList<>(command);
    all.add(duration);
    return all.toArray(String[]::new);
  }
}
