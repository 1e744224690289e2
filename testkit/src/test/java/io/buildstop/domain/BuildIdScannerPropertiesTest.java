package io.buildstop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.testkit.generators.BuildIds;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The hand-written {@link BuildId} scanner against the regular expressions it replaced ({@link RegexBuildIdOracle}):
 * the same verdict, the same reason and the same id for every input, above all for near-misses of an ARN.
 */
@DisplayName("BuildId scanner = CodeBuild's patterns")
class BuildIdScannerPropertiesTest {

  /** Inputs assembled from the pieces the patterns care about, so most of them are near-misses of an id or ARN. */
  Gen<String> nearMisses() {
    Gen<String> piece = Gens.anyOf(
        Gens.oneOf("arn:", "aws", "aws-cn", "AWS", "arn:aws:", "arn:aws-us-gov:", "codebuild", "codebuild:",
            "CodeBuild:", ":", "::", "build/", "build", "/", "-", "_", "us-east-1", "us_east", "eu-9", "123456789012",
            "12345678901", "1234567890123", "my-project", "p", "x_y", "1a2b-3c", " ", "\t", "\u007f", "\u00e9", ""),
        Gens.strings(Gens.ALPHANUMERIC + ":-_/", 0, 6),
        Gens.strings("0123456789", 11, 13));
    return Gens.lists(piece, 0, 12).map(pieces -> String.join("", pieces));
  }

  Gen<String> wellFormedArns() {
    return BuildIds.buildArnPrefixes().flatMap(prefix -> nearMisses().map(rest -> prefix + rest));
  }

  /** ARNs whose every component is right or slightly wrong. */
  Gen<String> arnShaped() {
    Gen<String> arnHead = Gens.oneOf("arn:aws", "arn:aws-cn", "arn:aws-", "arn:awsx", "arn:aws1", "arn:AWS", "arn:")
        .zip(Gens.oneOf(":codebuild:", ":codebuild", ":CodeBuild:", ":s3:", "codebuild:", ":codebuild::"),
            Gens.oneOf("us-east-1", "", "US", "eu_1", "a", "-", "9"),
            Gens.oneOf(":", "", "::"),
            (partition, service, region, colon) -> partition + service + region + colon);
    Gen<String> arnTail = Gens.<String>anyOf(Gens.strings("0123456789", 0, 14), Gens.oneOf("12345678901x", "x23456789012"))
        .zip(Gens.oneOf(":build/", ":build", "build/", ":project/", ":build//", ":build/:"),
            Gens.oneOf("", "ab:c", "a:c", "ab:", "ab", "my-project:1a2b", "arn:aws:x"),
            (account, resource, id) -> account + resource + id);
    return arnHead.zip(arnTail, String::concat);
  }

  Gen<String> longInputs() {
    return Gens.strings("ab-_:", 140, 300).map(tail -> "p" + tail);
  }

  @Test
  void nearMissesGetTheOraclesVerdict() {
    Property.tries(5000).forAll(nearMisses(), input -> {
      assertSameVerdict(input);
    });
  }

  @Test
  void buildArnsAroundAnythingGetTheOraclesVerdict() {
    Property.tries(2000).forAll(wellFormedArns(), input -> {
      assertSameVerdict(input);
    });
  }

  @Test
  void arnShapedInputsGetTheOraclesVerdict() {
    Property.tries(3000).forAll(arnShaped(), input -> {
      assertSameVerdict(input);
    });
  }

  @Test
  void arbitraryStringsGetTheOraclesVerdict() {
    Property.tries(1000).forAll(Gens.anyStrings(), input -> {
      assertSameVerdict(input);
    });
  }

  @Test
  void longInputsGetTheOraclesVerdict() {
    Property.tries(1000).forAll(longInputs(), input -> {
      assertSameVerdict(input);
      assertSameVerdict("arn:aws:codebuild:us-east-1:123456789012:build/" + input);
    });
  }

  @Test
  void projectNamesGetTheOraclesVerdict() {
    Property.tries(2000).forAll(nearMisses(), name -> {
      assertThat(BuildId.parseProjectName(name).isRight()).isEqualTo(RegexBuildIdOracle.isProjectName(name));
    });
  }

  @Test
  void theBoundariesOfEachRuleGetTheOraclesVerdict() {
    String name150 = "a".repeat(150);
    for (String input : new String[] {null, "", "a:b", "ab:", "ab:c", "a-:x", "-a:x", "_a:x", name150 + ":x",
        "a" + name150 + ":x", "ab:" + "u".repeat(252), "ab:" + "u".repeat(253), "arn:aws", "arn:aws:", "arn:awsx",
        "arn:aws-:codebuild:r:123456789012:build/ab:c", "arn:aws:codebuild::123456789012:build/ab:c",
        "arn:aws:codebuild:r:123456789012:build/", "arn:aws:codebuild:r:123456789012:build/ab",
        "arn:aws:codebuild:r:123456789012:build/ab:", "arn:aws:codebuild:R:123456789012:build/ab:c",
        "arn:aws:s3:::bucket", "arn:aws:codebuild:r:1234567890123:build/ab:c",
        "arn:aws:codebuild:r:12345678901:build/ab:c", "arn:aws:codebuild:r:123456789012:project/ab", "ARN:aws:codebuild:r:1:build/ab:c",
        "arn:aws:codebuild:r:123456789012:build/arn:aws:codebuild:r:123456789012:build/ab:c",
        "x".repeat(2048), "x".repeat(2049)}) {
      assertSameVerdict(input);
    }
  }

  @Test
  void everyPrintableCharacterInEveryComponentGetsTheOraclesVerdict() {
    // the edges of each character class ('a', 'z', '0', '9', '-' and their neighbours) in every place they matter
    for (char c = 0x20; c < 0x7f; c++) {
      for (String input : new String[] {
          "arn:aws" + c + ":codebuild:us-east-1:123456789012:build/ab:c",
          "arn:aws-" + c + "x:codebuild:us-east-1:123456789012:build/ab:c",
          "arn:aws:codebuild:" + c + ":123456789012:build/ab:c",
          "arn:aws:codebuild:us" + c + "1:123456789012:build/ab:c",
          "arn:aws:codebuild:r:12345678901" + c + ":build/ab:c",
          "arn:aws:codebuild:r:" + c + "23456789012:build/ab:c",
          "arn:aws:codebuild:r:123456789012:build/" + c + "b:c",
          c + "b:x", "a" + c + ":x", "ab" + c + ":x", "ab:" + c, "ab:x" + c}) {
        assertSameVerdict(input);
      }
    }
  }

  private static void assertSameVerdict(String input) {
    Either<StopFailure, BuildId> parsed = BuildId.parse(input);
    Optional<InvalidBuildIdReason> expected = RegexBuildIdOracle.reasonToReject(input);

    assertThat(parsed.swap().toJavaOptional().flatMap(BuildIdScannerPropertiesTest::reasonOf)).as("reason for %s", input)
        .isEqualTo(expected);
    parsed.forEach(id -> assertThat(id.value()).as("id of %s", input).isEqualTo(RegexBuildIdOracle.idOf(input)));
  }

  private static Optional<InvalidBuildIdReason> reasonOf(StopFailure failure) {
    return failure instanceof StopFailure.InvalidInput invalid ? invalid.reason() : Optional.empty();
  }
}
