package io.buildstop.cli.internal;

import picocli.CommandLine.Option;

/** How a command prints its result: the option every command that prints CodeBuild's answer shares. */
public final class OutputOptions {

  /** The formats {@code --output} names; {@code json} is what {@code aws --output json} prints. */
  public enum Format {
    /** The AWS CLI's JSON: {@link AwsCliJson}. */
    json
  }

  @Option(names = "--output", paramLabel = "json", defaultValue = "json",
      description = "The output format: json (the default), exactly as `aws codebuild` prints it.")
  Format format = Format.json;

  /** The chosen format. */
  public Format format() {
    return format;
  }
}
