package io.buildstop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.testkit.generators.BuildIds;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import io.vavr.control.Try;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** BuildId.parse over arbitrary input (spec §4.7, §4.8). */
@DisplayName("BuildId")
class BuildIdPropertiesTest {

  Gen<String> arnPrefixes() {
    return BuildIds.buildArnPrefixes();
  }

  /** Short strings over the characters that matter to the rules: separators, dashes, spaces, controls, non-ASCII. */
  Gen<String> parts() {
    return Gens.strings(Gens.ALPHANUMERIC + ":-_ .\t\u007f\u00f8/", 0, 12);
  }

  @Test
  void aBuildIdParsesBackToItself() {
    Property.tries(300).forAll(BuildIds.buildIds(), id -> {
      assertThat(BuildId.parse(id.value())).isEqualTo(Either.right(id));
    });
  }

  @Test
  void aBuildArnParsesToTheIdItHolds() {
    Property.tries(300).forAll(BuildIds.buildIds(), arnPrefixes(), (id, arnPrefix) -> {
      assertThat(BuildId.parse(arnPrefix + id.value())).isEqualTo(Either.right(id));
    });
  }

  @Test
  void parseNeverThrowsAndItsMessagesHoldNoControlCharacter() {
    Property.tries(500).forAll(Gens.anyStrings(), input -> {
      Either<StopFailure, BuildId> parsed = BuildId.parse(input);

      parsed.swap().forEach(failure -> {
        assertThat(failure.code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
        assertThat(failure.message().chars()).noneMatch(c -> c < 0x20 || c >= 0x7f);
      });
    });
  }

  @Test
  void theConstructorAcceptsExactlyThePartsParseAccepts() {
    Property.tries(500).forAll(parts(), parts(), (project, uuid) -> {
      // a project name never holds ':', and "arn:aws..." reads as an ARN: neither has parts to construct from
      Property.assume(project.indexOf(':') < 0 && !(project + ":" + uuid).startsWith("arn:aws"));

      Try<BuildId> constructed = Try.of(() -> new BuildId(project, uuid));
      Either<StopFailure, BuildId> parsed = BuildId.parse(project + ":" + uuid);

      assertThat(constructed.isSuccess()).isEqualTo(parsed.isRight());
      constructed.forEach(id -> assertThat(parsed.get()).isEqualTo(id));
      constructed.onFailure(failure -> assertThat(failure).isInstanceOf(IllegalArgumentException.class));
    });
  }
}
