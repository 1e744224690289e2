package io.buildstop.aws.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.codebuild.model.InvalidInputException;
import software.amazon.awssdk.services.codebuild.model.ResourceNotFoundException;

/**
 * What the SDK threw, as a {@link StopFailure}. Classified by status code, throttling flag and error code: the SDK's
 * {@code retryable()} says false even for the failures it retried (measured, shared/FACTS.md).
 */
public final class SdkFailures {
  /** Error codes by which AWS says the caller's credentials or permissions do not allow the call. */
  static final Set<String> ACCESS_DENIED_CODES = Set.of(
      "AccessDeniedException",
      "AccessDenied",
      "UnrecognizedClientException",
      "InvalidSignatureException",
      "SignatureDoesNotMatch",
      "IncompleteSignature",
      "MissingAuthenticationToken",
      "InvalidClientTokenId",
      "ExpiredTokenException",
      "ExpiredToken",
      // a signature too old for the server's clock: the SDK corrects its skew and retries, and then it is final
      "RequestExpired",
      "RequestTimeTooSkewed",
      "UnauthorizedOperation",
      "NotAuthorized");

  private SdkFailures() {}

  /** The failure a call to stop {@code id} ended with; keeps the exception as the cause where one is kept. */
  public static StopFailure of(BuildId id, Throwable thrown) {
    return of(Optional.of(id), thrown);
  }

  /**
   * The failure a call about {@code id} ended with; keeps the exception as the cause where one is kept. Empty when
   * the call names no single build (a listing, a BatchGet, a batch: CodeBuild's ResourceNotFoundException then
   * keeps CodeBuild's message).
   */
  public static StopFailure of(Optional<BuildId> id, Throwable thrown) {
    if (thrown instanceof InvalidInputException invalid) {
      return new StopFailure.InvalidInput(messageOf(invalid), Optional.empty());
    }
    if (thrown instanceof ResourceNotFoundException notFound) {
      return id.map(StopFailure::resourceNotFound)
          .orElseGet(() -> new StopFailure.ResourceNotFound(messageOf(notFound), Optional.empty()));
    }
    if (thrown instanceof AwsServiceException service) {
      return ofService(service);
    }
    if (thrown instanceof ApiCallTimeoutException timeout) {
      return StopFailure.unavailable("CodeBuild did not answer within the API call timeout", timeout);
    }
    if (thrown instanceof SdkClientException client) {
      return StopFailure.unavailable("CodeBuild could not be reached or its answer read: " + redacted(client.getMessage()),
          withoutQuotedTokens(client));
    }
    return StopFailure.unavailable("the AWS backend failed: " + thrown, thrown);
  }

  // the SDK's JSON parser quotes the token it choked on ("Unrecognized token 'x'"), which may be a secret of the
  // build (an environment variable value): keep the exception's type and stack, not the quoted text or its chain
  private static SdkClientException withoutQuotedTokens(SdkClientException client) {
    String message = String.valueOf(client.getMessage());
    if (redacted(message).equals(message)) {
      return client;
    }
    SdkClientException kept = SdkClientException.builder().message(redacted(message)).build();
    kept.setStackTrace(client.getStackTrace());
    return kept;
  }

  private static String redacted(String message) {
    return String.valueOf(message).replaceAll("token '[^']*'", "token");
  }

  private static StopFailure ofService(AwsServiceException service) {
    String code = Optional.ofNullable(service.awsErrorDetails())
        .map(details -> details.errorCode())
        .orElse("");
    if (service.isThrottlingException()) {
      return new StopFailure.Throttled(messageOf(service));
    }
    if (code.equals("AccountLimitExceededException")) {
      return new StopFailure.LimitExceeded(messageOf(service));
    }
    if (code.equals("IdempotentParameterMismatchException")) {
      return new StopFailure.ParameterMismatch(messageOf(service));
    }
    if (ACCESS_DENIED_CODES.contains(code) || service.statusCode() == 403) {
      return new StopFailure.AccessDenied(code.isEmpty() ? "AccessDeniedException" : code, messageOf(service));
    }
    return StopFailure.unavailable(
        "CodeBuild failed (HTTP " + service.statusCode() + (code.isEmpty() ? "" : ", " + code) + "): "
            + messageOf(service),
        service);
  }

  private static String messageOf(AwsServiceException service) {
    return Optional.ofNullable(service.awsErrorDetails())
        .map(details -> details.errorMessage())
        .filter(message -> !message.isBlank())
        .orElseGet(() -> String.valueOf(service.getMessage()));
  }
}
