package io.buildstop.cli.internal;

import picocli.CommandLine.Option;

/** {@code -h, --help} for a subcommand (the version belongs to {@code buildstop} itself). */
public final class HelpOption {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;
}
