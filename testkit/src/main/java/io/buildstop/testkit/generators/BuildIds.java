package io.buildstop.testkit.generators;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.InvalidBuildIdReason;
import io.buildstop.testkit.properties.Gens;
import java.util.Arrays;
import java.util.UUID;
import org.quicktheories.core.Gen;

/**
 * Build ids and build ARNs: valid ones as CodeBuild makes them, and invalid ones that break exactly one rule of
 * {@link BuildId#parse(String)}, for each {@link InvalidBuildIdReason} (spec §4.7, §4.8).
 */
public final class BuildIds {
  private static final String PROJECT_CHARACTERS = Gens.ALPHANUMERIC + "-_";

  private BuildIds() {}

  /** Project names as CodeBuild accepts them: {@code [A-Za-z0-9][A-Za-z0-9\-_]{1,149}}. */
  public static Gen<String> projectNames() {
    return Gens.strings(Gens.ALPHANUMERIC, 1, 1).zip(Gens.strings(PROJECT_CHARACTERS, 1, 149), String::concat);
  }

  /** Build uuids as CodeBuild makes them: lower-case UUIDs. */
  public static Gen<String> buildUuids() {
    return Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE).zip(Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE),
        (high, low) -> new UUID(high, low).toString());
  }

  /** {@code arn:<partition>:codebuild:<region>:<account>:build/} in the partitions aws, aws-cn and aws-us-gov. */
  public static Gen<String> buildArnPrefixes() {
    return Gens.oneOf("aws", "aws-cn", "aws-us-gov").zip(
        Gens.oneOf("us-east-1", "us-west-2", "eu-central-1", "ap-southeast-2", "cn-north-1", "us-gov-west-1"),
        Gens.strings("0123456789", 12, 12),
        (partition, region, account) -> "arn:" + partition + ":codebuild:" + region + ":" + account + ":build/");
  }

  /** Valid build ids. */
  public static Gen<BuildId> buildIds() {
    return projectNames().zip(buildUuids(), BuildId::new);
  }

  /** Build ARNs holding a valid build id, in every partition. */
  public static Gen<String> buildArns() {
    return buildArnPrefixes().zip(buildIds(), (prefix, id) -> prefix + id.value());
  }

  /** Strings that {@link BuildId#parse(String)} rejects, for every {@link InvalidBuildIdReason} but MISSING. */
  public static Gen<String> invalidIds() {
    return Gens.oneOf(Arrays.stream(InvalidBuildIdReason.values())
            .filter(reason -> reason != InvalidBuildIdReason.MISSING)
            .toList())
        .flatMap(BuildIds::invalidIds);
  }

  /**
   * Strings that {@link BuildId#parse(String)} rejects for {@code reason} and no other; for
   * {@link InvalidBuildIdReason#MISSING}, always {@code null}, the one null this API makes.
   */
  public static Gen<String> invalidIds(InvalidBuildIdReason reason) {
    return switch (reason) {
      case MISSING -> random -> null;
      case EMPTY -> Gens.constant("");
      case TOO_LONG -> Gens.anyOf(
          shortProjects().zip(Gens.ints(BuildId.MAX_LENGTH, 400), (project, length) -> project + ":"
              + "x".repeat(length - project.length())),
          Gens.ints(BuildId.MAX_ARN_LENGTH + 1, BuildId.MAX_ARN_LENGTH + 300).map("a"::repeat));
      case CONTROL_CHARACTER -> inserted(Gens.weighted(31, Gens.chars('\u0000', '\u001f'), 1, Gens.constant('\u007f')));
      case NON_ASCII -> inserted(Gens.weighted(
          3, Gens.chars('\u0080', '\u00ff'), 1, Gens.chars('\u0100', '\ud7ff'), 1, Gens.chars('\ue000', '\uffff')));
      case WHITESPACE -> Gens.anyOf(inserted(Gens.constant(' ')), Gens.ints(1, 5).map(" "::repeat));
      case MISSING_SEPARATOR -> Gens.strings(PROJECT_CHARACTERS + ".", 1, 40);
      case INVALID_PROJECT_NAME -> Gens.anyOf(
              Gens.oneOf("-", "_").zip(Gens.strings(PROJECT_CHARACTERS, 1, 20), String::concat),
              Gens.strings(Gens.ALPHANUMERIC, 1, 1),
              Gens.strings(Gens.ALPHANUMERIC, 151, 200),
              Gens.strings(Gens.ALPHANUMERIC, 1, 5).zip(Gens.strings(".!@#$%&*()+=/\\\"'", 1, 3),
                  Gens.strings(Gens.ALPHANUMERIC, 0, 5), (a, bad, b) -> a + bad + b))
          .zip(buildUuids(), (project, uuid) -> project + ":" + uuid);
      case EMPTY_BUILD_UUID -> Gens.anyOf(projectNames(), shortProjects()).map(project -> project + ":");
      case NOT_A_BUILD_ARN -> Gens.anyOf(
          buildIds().map(id -> "arn:aws:codebuild:us-east-1:123456789012:project/" + id.projectName()),
          buildIds().map(id -> "arn:aws:s3:::" + id.projectName()),
          buildIds().map(id -> "arn:aws:codebuild:us-east-1:12345:build/" + id.value()),
          buildIds().map(id -> "arn:aws-cn:codebuild:cn-north-1:123456789012:" + id.value()));
    };
  }

  private static Gen<String> shortProjects() {
    return Gens.strings(Gens.ALPHANUMERIC, 2, 20);
  }

  // a valid id or build ARN with one character put in at any position
  private static Gen<String> inserted(Gen<Character> bad) {
    Gen<String> valid = Gens.anyOf(buildIds().map(BuildId::value), buildArns());
    return valid.zip(bad, Gens.ints(0, 1000), (id, character, at) -> {
      int position = at % (id.length() + 1);
      return id.substring(0, position) + character + id.substring(position);
    });
  }
}
