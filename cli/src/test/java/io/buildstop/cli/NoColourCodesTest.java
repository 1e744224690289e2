package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.internal.DemoBuilds;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("no ANSI colour codes where no terminal reads them")
class NoColourCodesTest {
  private static final String ESCAPE = "\u001b[";

  @Test
  void helpAndErrorsPrintedToAPipeCarryNoColourCodes() {
    List<String[]> runs = List.of(
        new String[] {"--help"}, new String[] {"stop", "--help"}, new String[] {"stop-superseded", "--help"},
        new String[] {"stop-runaway", "--help"}, new String[] {"demo-builds", "--help"},
        new String[] {"serve", "--help"}, new String[] {"help", "stop"}, new String[] {},
        new String[] {"frobnicate"}, new String[] {"stpo"}, new String[] {"--frobnicate"},
        new String[] {"stop"}, new String[] {"stop", "--id", DemoBuilds.RUNNING_IN_BUILD, "--endpoint-ur", "x"},
        new String[] {"stop", "--wait", "--timeout", "soon", "--id", DemoBuilds.RUNNING_IN_BUILD},
        new String[] {"stop", "--id", "my-demo-project:00000000-0000-0000-0000-000000000000"});

    for (String[] args : runs) {
      Cli.Result result = Cli.run(args);

      assertThat(result.out() + result.err()).as(String.join(" ", args)).doesNotContain(ESCAPE);
    }
  }

  @Test
  void theUsageOnStderrIsNeverColouredEvenWhenPicocliWouldColourStdout() {
    // picocli.ansi=true stands in for a terminal on stdin and stdout, which is all Ansi.AUTO looks at
    Cli.Result help = withPicocliAnsi("true", () -> Cli.run("--help"));
    Cli.Result noCommand = withPicocliAnsi("true", () -> Cli.run());

    assertThat(help.out()).as("stdout on a terminal").contains(ESCAPE);
    assertThat(noCommand.err()).startsWith("Usage: buildstop").doesNotContain(ESCAPE);
  }

  private static Cli.Result withPicocliAnsi(String value, Supplier<Cli.Result> run) {
    String before = System.getProperty("picocli.ansi");
    System.setProperty("picocli.ansi", value);
    try {
      return run.get();
    } finally {
      if (before == null) {
        System.clearProperty("picocli.ansi");
      } else {
        System.setProperty("picocli.ansi", before);
      }
    }
  }
}
