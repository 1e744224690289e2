package io.buildstop.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code buildstop stop --wait} command that {@code stop}'s hints give (and {@code buildstop stop-batch --wait},
 * {@code stop-batch}'s): the command's own options as the user gave them (the backend's: {@code --backend}, {@code --endpoint-url}, {@code --region}, {@code --profile}, the call
 * timeouts; and {@code --timeout}), so that, pasted into a shell, it waits for the same build on the same CodeBuild.
 * The one place both hints get it from.
 */
final class WaitCommandLine {
  // what the command sets itself (--wait, the --id last), and what a wait must not do (--dry-run stops nothing)
  private static final Set<String> NOT_CARRIED = Set.of("--wait", "--id", "--dry-run", "--help");
  // words a POSIX shell reads as themselves; any other is single-quoted
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private WaitCommandLine() {}

  /** {@code buildstop stop --wait}, the options of {@code given} in the order given, then {@code --id id}. */
  static String of(ParseResult given, String id) {
    return of("stop", given, id);
  }

  /** {@code buildstop <command> --wait}, the options of {@code given} in the order given, then {@code --id id}. */
  static String of(String command, ParseResult given, String id) {
    List<String> words = new ArrayList<>(List.of("buildstop", command, "--wait"));
    for (OptionSpec option : new LinkedHashSet<>(given.matchedOptions())) {
      String name = option.longestName();
      if (NOT_CARRIED.contains(name)) {
        continue;
      }
      words.add(name);
      if (option.arity().max() > 0) {
        words.addAll(option.originalStringValues());
      }
    }
    words.add("--id");
    words.add(id);
    return words.stream().map(WaitCommandLine::shellWord).collect(Collectors.joining(" "));
  }

  private static String shellWord(String word) {
    return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
