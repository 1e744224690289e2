package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

@DisplayName("the examples in every command's --help")
class HelpExamplesTest {

  static Stream<String> commandsWithExamples() {
    CommandLine buildstop = Cli.commandLine(Cli.AT_CAPTURE_STOP);
    List<String> commands = new ArrayList<>(List.of(""));
    buildstop.getSubcommands().forEach((name, subcommand) -> {
      if (subcommand.getCommandSpec().usageMessage().footer().length > 0) {
        commands.add(name);
      }
    });
    return commands.stream();
  }

  @ParameterizedTest(name = "buildstop {0} --help")
  @MethodSource("commandsWithExamples")
  void everyExampleLineIsPrintedWholeNeverWrappedInsideAWord(String command) {
    CommandLine help = helpOf(command);
    UsageMessageSpec usage = help.getCommandSpec().usageMessage();

    String printed = help.getUsageMessage(Help.Ansi.OFF);
    String heading = String.format(usage.footerHeading());

    assertThat(printed).contains(heading);
    assertThat(printed.substring(printed.lastIndexOf(heading) + heading.length()).lines())
        .as("the examples as --help prints them, line for line as written")
        .containsExactly(usage.footer());
  }

  @ParameterizedTest(name = "buildstop {0} --help")
  @MethodSource("commandsWithExamples")
  void everyBuildstopExampleIsACommandBuildstopAccepts(String command) {
    List<String[]> examples = buildstopExamples(helpOf(command).getCommandSpec().usageMessage().footer());

    assertThat(examples).isNotEmpty();
    for (String[] example : examples) {
      assertThatCode(() -> Cli.commandLine(Cli.AT_CAPTURE_STOP).parseArgs(example))
          .as("buildstop " + String.join(" ", example))
          .doesNotThrowAnyException();
    }
  }

  private static CommandLine helpOf(String command) {
    CommandLine buildstop = Cli.commandLine(Cli.AT_CAPTURE_STOP);
    return command.isEmpty() ? buildstop : buildstop.getSubcommands().get(command);
  }

  // each example as a shell reads it: continued lines joined, comments and a trailing & dropped; buildstop's only
  private static List<String[]> buildstopExamples(String[] footer) {
    List<String[]> examples = new ArrayList<>();
    StringBuilder example = new StringBuilder();
    for (String line : footer) {
      example.append(line.strip());
      if (line.endsWith("\\")) {
        example.setLength(example.length() - 1);
        continue;
      }
      String command = example.toString().replaceFirst("\\s+#.*$", "").replaceFirst("\\s*&$", "");
      example.setLength(0);
      String[] words = command.split("\\s+");
      if (words[0].equals("buildstop")) {
        examples.add(Arrays.copyOfRange(words, 1, words.length));
      }
    }
    return examples;
  }
}
