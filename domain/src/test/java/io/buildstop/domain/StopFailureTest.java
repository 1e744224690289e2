package io.buildstop.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.buildstop.domain.model.Build;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The failure family: one case per CodeBuild error and transport failure, none null (STYLE.md item 6). */
@DisplayName("StopFailure")
class StopFailureTest {
  private static final BuildId ID = new BuildId("my-demo-project", "1a2b3c4d-5678-90ab-cdef-11111EXAMPLE");

  @Nested
  @DisplayName("codes")
  class Codes {
    @Test
    void eachCaseHasItsCode() {
      assertThat(new StopFailure.InvalidInput("m", Optional.empty()).code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
      assertThat(new StopFailure.ResourceNotFound("m", ID).code()).isEqualTo(StopFailure.Code.RESOURCE_NOT_FOUND);
      assertThat(new StopFailure.Throttled("m").code()).isEqualTo(StopFailure.Code.THROTTLED);
      assertThat(new StopFailure.AccessDenied("AccessDeniedException", "m").code())
          .isEqualTo(StopFailure.Code.ACCESS_DENIED);
      assertThat(new StopFailure.LimitExceeded("m").code()).isEqualTo(StopFailure.Code.LIMIT_EXCEEDED);
      assertThat(new StopFailure.ParameterMismatch("m").code()).isEqualTo(StopFailure.Code.PARAMETER_MISMATCH);
      assertThat(new StopFailure.Unavailable("m", Optional.empty()).code()).isEqualTo(StopFailure.Code.UNAVAILABLE);
    }

    @ParameterizedTest(name = "{0} has a case")
    @EnumSource(StopFailure.Code.class)
    void aSwitchOverTheCodeIsExhaustive(StopFailure.Code code) {
      String error = switch (code) {
        case INVALID_INPUT -> "InvalidInputException";
        case RESOURCE_NOT_FOUND -> "ResourceNotFoundException";
        case THROTTLED -> "ThrottlingException";
        case ACCESS_DENIED -> "AccessDeniedException";
        case LIMIT_EXCEEDED -> "AccountLimitExceededException";
        case PARAMETER_MISMATCH -> "IdempotentParameterMismatchException";
        case UNAVAILABLE -> "InternalFailure";
      };
      assertThat(error).endsWith(code == StopFailure.Code.UNAVAILABLE ? "Failure" : "Exception");
    }
  }

  @Nested
  @DisplayName("the factories")
  class Factories {
    @Test
    void resourceNotFoundSaysBuildIdNotFound() {
      StopFailure failure = StopFailure.resourceNotFound(ID);

      assertThat(failure.code()).isEqualTo(StopFailure.Code.RESOURCE_NOT_FOUND);
      assertThat(failure.message()).isEqualTo("Build my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE not found");
      assertThat(((StopFailure.ResourceNotFound) failure).buildId()).contains(ID);
    }

    @Test
    void aBuildNotFoundCarriesItsId() {
      assertThat(new StopFailure.ResourceNotFound("m", ID)).isEqualTo(new StopFailure.ResourceNotFound("m", Optional.of(ID)));
    }

    @Test
    void projectNotFoundQuotesTheProjectAndCarriesNoBuildId() {
      StopFailure failure = StopFailure.projectNotFound("my-demo-project");

      assertThat(failure.code()).isEqualTo(StopFailure.Code.RESOURCE_NOT_FOUND);
      assertThat(failure.message()).isEqualTo("Project cannot be found: \"my-demo-project\"");
      assertThat(((StopFailure.ResourceNotFound) failure).buildId()).isEmpty();
    }

    @Test
    void throttledSaysRateExceeded() {
      assertThat(StopFailure.throttled()).isEqualTo(new StopFailure.Throttled("Rate exceeded"));
    }

    @Test
    void unavailableWithoutCauseHasNone() {
      assertThat(StopFailure.unavailable("connection refused"))
          .isEqualTo(new StopFailure.Unavailable("connection refused", Optional.empty()));
    }

    @Test
    void unavailableKeepsItsCause() {
      IOException cause = new IOException("reset");

      StopFailure.Unavailable failure = (StopFailure.Unavailable) StopFailure.unavailable("read failed", cause);

      assertThat(failure.message()).isEqualTo("read failed");
      assertThat(failure.cause()).containsSame(cause);
    }

    @Test
    void invalidBuildIdNamesTheReasonAndQuotesTheInput() {
      StopFailure.InvalidInput failure = (StopFailure.InvalidInput)
          StopFailure.invalidBuildId(InvalidBuildIdReason.MISSING_SEPARATOR, "my-demo-project");

      assertThat(failure.reason()).contains(InvalidBuildIdReason.MISSING_SEPARATOR);
      assertThat(failure.message()).isEqualTo("The input value that was provided is not valid: the build id has no"
          + " ':' between the project name and the build uuid (got \"my-demo-project\")");
    }
  }

  @Nested
  @DisplayName("no member is null")
  class NullRejection {
    @Test
    void invalidInputRejectsNulls() {
      assertThatNullPointerException().isThrownBy(() -> new StopFailure.InvalidInput(null, Optional.empty()))
          .withMessage("message");
      assertThatNullPointerException().isThrownBy(() -> new StopFailure.InvalidInput("m", null))
          .withMessage("reason");
    }

    @Test
    void resourceNotFoundRejectsNulls() {
      assertThatNullPointerException().isThrownBy(() -> new StopFailure.ResourceNotFound(null, ID))
          .withMessage("message");
      assertThatNullPointerException().isThrownBy(() -> new StopFailure.ResourceNotFound("m", (Optional<BuildId>) null))
          .withMessage("buildId");
    }

    @Test
    void throttledRejectsNull() {
      assertThatNullPointerException().isThrownBy(() -> new StopFailure.Throttled(null)).withMessage("message");
    }

    @Test
    void accessDeniedRejectsNulls() {
      assertThatNullPointerException().isThrownBy(() -> new StopFailure.AccessDenied(null, "m"))
          .withMessage("errorCode");
      assertThatNullPointerException().isThrownBy(() -> new StopFailure.AccessDenied("AccessDeniedException", null))
          .withMessage("message");
    }

    @Test
    void unavailableRejectsNulls() {
      assertThatNullPointerException().isThrownBy(() -> new StopFailure.Unavailable(null, Optional.empty()))
          .withMessage("message");
      assertThatNullPointerException().isThrownBy(() -> new StopFailure.Unavailable("m", null))
          .withMessage("cause");
    }
  }

  @Test
  void everyReasonHasASentence() {
    for (InvalidBuildIdReason reason : InvalidBuildIdReason.values()) {
      assertThat(reason.description()).as(reason.name()).isNotBlank().doesNotEndWith(".");
    }
    assertThat(InvalidBuildIdReason.TOO_LONG.description()).contains("255");
  }
}
