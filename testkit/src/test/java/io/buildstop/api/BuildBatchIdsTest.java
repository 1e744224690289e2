package io.buildstop.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.InvalidBuildIdReason;
import io.buildstop.domain.StopFailure;
import io.vavr.control.Either;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuildBatchIdsTest {
  private static final String ID = "my-project:5f0b2f5a-1c1e-4a43-9a4b-0b6c0c1a2b3c";

  @Test
  void aBatchIdIsTakenAsItIs() {
    assertThat(BuildBatchIds.parse(ID).map(BuildId::value)).isEqualTo(Either.right(ID));
  }

  @ParameterizedTest
  @ValueSource(strings = {"aws", "aws-cn", "aws-us-gov"})
  void aBuildBatchArnIsNormalisedToTheIdItHolds(String partition) {
    String arn = "arn:" + partition + ":codebuild:eu-west-1:123456789012:build-batch/" + ID;

    assertThat(BuildBatchIds.parse(arn).map(BuildId::value)).isEqualTo(Either.right(ID));
  }

  @Test
  void theArnOfAnIdIsParsedBackToIt() {
    BuildId id = BuildId.parse(ID).get();

    assertThat(BuildBatchIds.parse(BuildBatchIds.arn("aws", "us-east-1", "123456789012", id))).isEqualTo(
        Either.right(id));
  }

  @Test
  void aBuildArnIsNotABatchArn() {
    Either<StopFailure, BuildId> parsed =
        BuildBatchIds.parse("arn:aws:codebuild:us-east-1:123456789012:build/" + ID);

    assertThat(parsed.getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
    assertThat(((StopFailure.InvalidInput) parsed.getLeft()).reason())
        .isEqualTo(Optional.of(InvalidBuildIdReason.NOT_A_BUILD_ARN));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "no-separator", "my-project:", "bad name:uuid", "my-project:a\tb",
      "arn:aws:codebuild:us-east-1:1234:build-batch/my-project:uuid",
      "arn:aws:codebuild:us-east-1:123456789012:build-batch/",
      "arn:aws:codebuild:us-east-1:123456789012:build-batch/no-separator",
      "arn:aws:s3:::bucket/key"})
  void anInputThatCannotBeABatchIdIsInvalidInput(String input) {
    assertThat(BuildBatchIds.parse(input).getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
  }

  @Test
  void nullIsInvalidInput() {
    assertThat(BuildBatchIds.parse(null).getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
  }
}
