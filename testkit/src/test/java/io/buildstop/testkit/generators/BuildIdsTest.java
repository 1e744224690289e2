package io.buildstop.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.InvalidBuildIdReason;
import io.buildstop.domain.StopFailure;
import io.buildstop.testkit.properties.Coverage;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The id generators make what they promise: valid ids and ARNs parse, each invalid family breaks its one rule. */
class BuildIdsTest {

  @Test
  void validIdsAndArnsParse() {
    Property.tries(200).forAll(BuildIds.buildIds(), id -> assertThat(BuildId.parse(id.value())).isEqualTo(Either.right(id)));
    Property.tries(200).forAll(BuildIds.buildArns(), arn -> assertThat(BuildId.parse(arn).isRight()).isTrue());
  }

  @Test
  void eachInvalidFamilyIsRejectedForItsReasonAndNoOther() {
    for (InvalidBuildIdReason reason : InvalidBuildIdReason.values()) {
      Property.tries(100).forAll(BuildIds.invalidIds(reason), id -> assertThat(reasonOf(BuildId.parse(id)))
          .as("%s for %s", reason, id).contains(reason));
    }
  }

  @Test
  void invalidIdsCoverEveryReasonAnIdCanBreak() {
    Coverage<InvalidBuildIdReason> reasons = Coverage.of("reason");
    Property.tries(500).forAll(BuildIds.invalidIds(),
        id -> reasons.collect(reasonOf(BuildId.parse(id)).orElseThrow()));
    List<InvalidBuildIdReason> besidesMissing = Arrays.stream(InvalidBuildIdReason.values())
        .filter(reason -> reason != InvalidBuildIdReason.MISSING)
        .toList();
    reasons.requireEach(besidesMissing);
  }

  private static Optional<InvalidBuildIdReason> reasonOf(Either<StopFailure, BuildId> parsed) {
    return parsed.isRight() ? Optional.empty()
        : ((StopFailure.InvalidInput) parsed.getLeft()).reason();
  }
}
