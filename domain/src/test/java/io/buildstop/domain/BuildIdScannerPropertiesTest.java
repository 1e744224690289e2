package io.buildstop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.arbitraries.BuildArbitraries;
import io.vavr.control.Either;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written {@link BuildId} scanner against the regular expressions it replaced ({@link RegexBuildIdOracle}):
 * the same verdict, the same reason and the same id for every input, above all for near-misses of an ARN.
 */
@Label("BuildId scanner = CodeBuild's patterns")
class BuildIdScannerPropertiesTest {

  /** Inputs assembled from the pieces the patterns care about, so most of them are near-misses of an id or ARN. */
  @Provide
  Arbitrary<String> nearMisses() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("arn:", "aws", "aws-cn", "AWS", "arn:aws:", "arn:aws-us-gov:", "codebuild", "codebuild:",
            "CodeBuild:", ":", "::", "build/", "build", "/", "-", "_", "us-east-1", "us_east", "eu-9", "123456789012",
            "12345678901", "1234567890123", "my-project", "p", "x_y", "1a2b-3c", " ", "\t", "\u007f", "\u00e9", ""),
        Arbitraries.strings().alpha().numeric().withChars(":-_/").ofMaxLength(6),
        Arbitraries.strings().numeric().ofMinLength(11).ofMaxLength(13));
    return piece.list().ofMaxSize(12).map(pieces -> String.join("", pieces));
  }

  @Provide
  Arbitrary<String> wellFormedArns() {
    return BuildArbitraries.buildArnPrefixes().flatMap(prefix -> nearMisses().map(rest -> prefix + rest));
  }

  /** ARNs whose every component is right or slightly wrong. */
  @Provide
  Arbitrary<String> arnShaped() {
    return net.jqwik.api.Combinators.combine(
            Arbitraries.of("arn:aws", "arn:aws-cn", "arn:aws-", "arn:awsx", "arn:aws1", "arn:AWS", "arn:"),
            Arbitraries.of(":codebuild:", ":codebuild", ":CodeBuild:", ":s3:", "codebuild:", ":codebuild::"),
            Arbitraries.of("us-east-1", "", "US", "eu_1", "a", "-", "9"),
            Arbitraries.of(":", "", "::"),
            Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(14),
                Arbitraries.of("12345678901x", "x23456789012")),
            Arbitraries.of(":build/", ":build", "build/", ":project/", ":build//", ":build/:"),
            Arbitraries.of("", "ab:c", "a:c", "ab:", "ab", "my-project:1a2b", "arn:aws:x"))
        .as((partition, service, region, colon, account, resource, id) ->
            partition + service + region + colon + account + resource + id);
  }

  @Provide
  Arbitrary<String> longInputs() {
    return Arbitraries.strings().withChars("ab-_:").ofMinLength(140).ofMaxLength(300)
        .map(tail -> "p" + tail);
  }

  @Property(tries = 5000)
  void nearMissesGetTheOraclesVerdict(@ForAll("nearMisses") String input) {
    assertSameVerdict(input);
  }

  @Property(tries = 2000)
  void buildArnsAroundAnythingGetTheOraclesVerdict(@ForAll("wellFormedArns") String input) {
    assertSameVerdict(input);
  }

  @Property(tries = 3000)
  void arnShapedInputsGetTheOraclesVerdict(@ForAll("arnShaped") String input) {
    assertSameVerdict(input);
  }

  @Property(tries = 1000)
  void arbitraryStringsGetTheOraclesVerdict(@ForAll String input) {
    assertSameVerdict(input);
  }

  @Property(tries = 1000)
  void longInputsGetTheOraclesVerdict(@ForAll("longInputs") String input) {
    assertSameVerdict(input);
    assertSameVerdict("arn:aws:codebuild:us-east-1:123456789012:build/" + input);
  }

  @Property(tries = 2000)
  void projectNamesGetTheOraclesVerdict(@ForAll("nearMisses") String name) {
    assertThat(BuildId.parseProjectName(name).isRight()).isEqualTo(RegexBuildIdOracle.isProjectName(name));
  }

  @Example
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

  @Example
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
