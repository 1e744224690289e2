package io.buildstop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.arbitraries.BuildArbitraries;
import io.buildstop.domain.arbitraries.BuildDomain;
import io.vavr.control.Either;
import io.vavr.control.Try;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/** BuildId.parse over arbitrary input (spec §4.7, §4.8). */
@Domain(BuildDomain.class)
@Domain(DomainContext.Global.class)
@Label("BuildId")
class BuildIdPropertiesTest {

  @Provide
  Arbitrary<String> arnPrefixes() {
    return BuildArbitraries.buildArnPrefixes();
  }

  /** Short strings over the characters that matter to the rules: separators, dashes, spaces, controls, non-ASCII. */
  @Provide
  Arbitrary<String> parts() {
    return Arbitraries.strings().alpha().numeric().withChars(":-_ .\t\u007f\u00f8/").ofMaxLength(12);
  }

  @Property(tries = 300)
  void aBuildIdParsesBackToItself(@ForAll BuildId id) {
    assertThat(BuildId.parse(id.value())).isEqualTo(Either.right(id));
  }

  @Property(tries = 300)
  void aBuildArnParsesToTheIdItHolds(@ForAll BuildId id, @ForAll("arnPrefixes") String arnPrefix) {
    assertThat(BuildId.parse(arnPrefix + id.value())).isEqualTo(Either.right(id));
  }

  @Property(tries = 500)
  void parseNeverThrowsAndItsMessagesHoldNoControlCharacter(@ForAll String input) {
    Either<StopFailure, BuildId> parsed = BuildId.parse(input);

    parsed.swap().forEach(failure -> {
      assertThat(failure.code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
      assertThat(failure.message().chars()).noneMatch(c -> c < 0x20 || c >= 0x7f);
    });
  }

  @Property(tries = 500)
  void theConstructorAcceptsExactlyThePartsParseAccepts(@ForAll("parts") String project, @ForAll("parts") String uuid) {
    // a project name never holds ':', and "arn:aws..." reads as an ARN: neither has parts to construct from
    Assume.that(project.indexOf(':') < 0 && !(project + ":" + uuid).startsWith("arn:aws"));

    Try<BuildId> constructed = Try.of(() -> new BuildId(project, uuid));
    Either<StopFailure, BuildId> parsed = BuildId.parse(project + ":" + uuid);

    assertThat(constructed.isSuccess()).isEqualTo(parsed.isRight());
    constructed.forEach(id -> assertThat(parsed.get()).isEqualTo(id));
    constructed.onFailure(failure -> assertThat(failure).isInstanceOf(IllegalArgumentException.class));
  }
}
