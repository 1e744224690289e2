package io.buildstop.aws;

import static io.buildstop.aws.LocalCodeBuildEndpoint.bytes;
import static io.buildstop.aws.LocalCodeBuildEndpoint.closeWithoutAnswer;
import static io.buildstop.aws.LocalCodeBuildEndpoint.delayed;
import static io.buildstop.aws.LocalCodeBuildEndpoint.error;
import static io.buildstop.aws.LocalCodeBuildEndpoint.json;
import static io.buildstop.aws.LocalCodeBuildEndpoint.ok;
import static io.buildstop.aws.PublishedResponses.bytesOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.vavr.control.Either;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What a CodeBuild endpoint can do wrong, played by a local endpoint over real HTTP through the real SDK: each fault
 * comes back as the right {@link StopFailure}, within the deadline, and nothing throws. The stopper runs the SDK's
 * STANDARD retries (3 attempts).
 */
class FaultsTest {
  private static final String ID = "my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE";
  private static final int STANDARD_ATTEMPTS = 3;

  private LocalCodeBuildEndpoint endpoint;

  @BeforeEach
  void start() {
    endpoint = LocalCodeBuildEndpoint.start();
  }

  @AfterEach
  void close() {
    endpoint.close();
  }

  private Either<StopFailure, Build> stopBuild() {
    try (AwsBuildStopper stopper = endpoint.stopper().build()) {
      return stopper.stopBuild(ID);
    }
  }

  @Nested
  @DisplayName("CodeBuild's declared errors (spec §1, §4.6, §4.7)")
  class DeclaredErrors {

    @ParameterizedTest(name = "__type {0}")
    @ValueSource(strings = {"InvalidInputException", "com.amazonaws.codebuild#InvalidInputException"})
    void invalidInputIsInvalidInputWithAwsMessageAndIsNotRetried(String type) {
      endpoint.answering(error(400, type, "The input value that was provided is not valid."));

      StopFailure.InvalidInput failure = Results.left(stopBuild(), StopFailure.InvalidInput.class);

      assertThat(failure.message()).isEqualTo("The input value that was provided is not valid.");
      assertThat(failure.reason()).as("no local rule broken: CodeBuild rejected it").isEmpty();
      assertThat(endpoint.requests()).hasSize(1);
    }

    @Test
    void resourceNotFoundIsResourceNotFoundForTheIdAskedAndIsNotRetried() {
      endpoint.answering(error(400, "ResourceNotFoundException", "Build " + ID + " does not exist"));

      StopFailure.ResourceNotFound failure = Results.left(stopBuild(), StopFailure.ResourceNotFound.class);

      assertThat(failure.buildId()).contains(BuildId.parse(ID).get());
      assertThat(failure.message()).isEqualTo("Build " + ID + " not found");
      assertThat(endpoint.requests()).hasSize(1);
    }
  }

  @Nested
  @DisplayName("throttling")
  class Throttling {

    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource({"400, ThrottlingException, Rate exceeded", "429, TooManyRequestsException, Too Many Requests"})
    void throttlingThatOutlastsTheSdksRetriesIsThrottled(int status, String code, String message) {
      endpoint.answering(error(status, code, message));

      StopFailure.Throttled failure = Results.left(stopBuild(), StopFailure.Throttled.class);

      assertThat(failure.message()).isEqualTo(message);
      assertThat(endpoint.requests()).hasSize(STANDARD_ATTEMPTS);
    }

    @Test
    void aThrottleTheSdkRetriesPastIsNoFailure() {
      endpoint.answering(error(400, "ThrottlingException", "Rate exceeded"), ok(bytesOf(PublishedResponses.STOP_BUILD)));

      assertThat(stopBuild()).isEqualTo(Either.right(PublishedBuilds.stopBuild()));
      assertThat(endpoint.requests()).hasSize(2);
    }
  }

  @Nested
  @DisplayName("access denied and credentials CodeBuild does not accept")
  class AccessDenied {

    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "400 | AccessDeniedException | User: arn:aws:iam::123456789012:user/x is not authorized to perform: codebuild:StopBuild",
        "403 | AccessDeniedException | User is not authorized",
        "400 | UnrecognizedClientException | The security token included in the request is invalid.",
        "400 | InvalidSignatureException | The request signature we calculated does not match the signature you provided.",
        "400 | ExpiredTokenException | The security token included in the request is expired"})
    void anAccessOrCredentialErrorIsAccessDeniedWithItsCode(int status, String code, String message) {
      endpoint.answering(error(status, code, message));

      StopFailure.AccessDenied failure = Results.left(stopBuild(), StopFailure.AccessDenied.class);

      assertThat(failure.errorCode()).isEqualTo(code);
      assertThat(failure.message()).isEqualTo(message);
    }

    @Test
    void aBare403IsAccessDenied() {
      endpoint.answering(bytes(403, "text/html", "<html><body>Forbidden</body></html>".getBytes(StandardCharsets.UTF_8)));

      StopFailure.AccessDenied failure = Results.left(stopBuild(), StopFailure.AccessDenied.class);

      assertThat(failure.errorCode()).isEqualTo("AccessDeniedException");
    }
  }

  @Nested
  @DisplayName("failures of the service: unavailable, with the cause kept")
  class ServiceFailures {

    @ParameterizedTest(name = "HTTP {0} with an HTML page")
    @ValueSource(ints = {500, 502, 503, 504})
    void aServerErrorWithAnHtmlPageIsUnavailableAfterTheSdksRetries(int status) {
      endpoint.answering(bytes(status, "text/html",
          "<html><head><title>Error</title></head><body>Service Unavailable</body></html>"
              .getBytes(StandardCharsets.UTF_8)));

      StopFailure.Unavailable failure = Results.left(stopBuild(), StopFailure.Unavailable.class);

      assertThat(failure.cause()).get().isInstanceOfSatisfying(AwsServiceException.class,
          cause -> assertThat(cause.statusCode()).isEqualTo(status));
      assertThat(failure.message()).contains("HTTP " + status);
      assertThat(endpoint.requests()).hasSize(STANDARD_ATTEMPTS);
    }

    @Test
    void anInternalFailureIsUnavailableWithItsCode() {
      endpoint.answering(error(500, "InternalFailure", "We encountered an internal error. Please try again."));

      StopFailure.Unavailable failure = Results.left(stopBuild(), StopFailure.Unavailable.class);

      assertThat(failure.cause()).get().isInstanceOfSatisfying(AwsServiceException.class,
          cause -> assertThat(cause.awsErrorDetails().errorCode()).isEqualTo("InternalFailure"));
      assertThat(endpoint.requests()).hasSize(STANDARD_ATTEMPTS);
    }

    @Test
    void anErrorCodeCodeBuildDoesNotDeclareIsUnavailableKeepingTheCause() {
      endpoint.answering(error(400, "SomethingNewException", "Something new went wrong"));

      StopFailure.Unavailable failure = Results.left(stopBuild(), StopFailure.Unavailable.class);

      assertThat(failure.message()).contains("SomethingNewException").contains("Something new went wrong");
      assertThat(failure.cause()).get().isInstanceOfSatisfying(AwsServiceException.class,
          cause -> assertThat(cause.awsErrorDetails().errorCode()).isEqualTo("SomethingNewException"));
      assertThat(endpoint.requests()).hasSize(1);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{}", "{\"build\": null}"})
    void anAnswerWithoutABuildIsUnavailable(String body) {
      endpoint.answering(json(200, body));

      StopFailure.Unavailable failure = Results.left(stopBuild(), StopFailure.Unavailable.class);

      assertThat(failure.message()).contains("without a build");
    }
  }

  @Nested
  @DisplayName("answers that cannot be read: unavailable")
  class UnreadableAnswers {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "this is not json",
        "<html><body>200 OK</body></html>",
        "{\"build\": {\"id\": \"my-demo-project:1\", \"phases\": [",
        "{\"build\": \"a string where a structure belongs\"}",
        "{\"build\": {\"startTime\": \"2019-05-03T18:09:16.318Z\"}}",
        "{\"build\": {\"buildNumber\": \"not a number\"}}"})
    void aBodyThatDoesNotParseIsUnavailableWithTheSdksException(String body) {
      endpoint.answering(json(200, body));

      StopFailure.Unavailable failure = Results.left(stopBuild(), StopFailure.Unavailable.class);

      assertThat(failure.cause()).get().isInstanceOf(SdkClientException.class);
      assertThat(endpoint.requests()).isNotEmpty();
    }
  }

  @Nested
  @DisplayName("transport: timeouts, resets, refused connections")
  class Transport {

    @Test
    void anEndpointSlowerThanTheTimeoutsIsUnavailableWithinTheCallTimeout() {
      endpoint.answering(delayed(Duration.ofSeconds(30), ok(bytesOf(PublishedResponses.STOP_BUILD))));
      long started = System.nanoTime();

      Either<StopFailure, Build> result;
      try (AwsBuildStopper stopper = endpoint.stopper()
          .apiCallAttemptTimeout(Duration.ofMillis(300))
          .apiCallTimeout(Duration.ofSeconds(1))
          .build()) {
        result = stopper.stopBuild(ID);
      }

      Duration took = Duration.ofNanos(System.nanoTime() - started);
      StopFailure.Unavailable failure = Results.left(result, StopFailure.Unavailable.class);
      assertThat(took).isLessThan(Duration.ofSeconds(10));
      assertThat(failure.cause()).get()
          .isInstanceOfAny(ApiCallTimeoutException.class, ApiCallAttemptTimeoutException.class);
    }

    @Test
    void aSlowFirstAttemptIsRetriedWithinTheCallTimeout() {
      endpoint.answering(
          delayed(Duration.ofSeconds(30), ok(bytesOf(PublishedResponses.STOP_BUILD))),
          ok(bytesOf(PublishedResponses.STOP_BUILD)));

      try (AwsBuildStopper stopper = endpoint.stopper()
          .apiCallAttemptTimeout(Duration.ofSeconds(1))
          .apiCallTimeout(Duration.ofSeconds(10))
          .build()) {
        assertThat(stopper.stopBuild(ID)).isEqualTo(Either.right(PublishedBuilds.stopBuild()));
      }
      // at least one retry; on a loaded machine a later attempt may time out too (seen here: 3 attempts)
      assertThat(endpoint.requests()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsUnavailable() {
      endpoint.answering(closeWithoutAnswer());

      StopFailure.Unavailable failure = Results.left(stopBuild(), StopFailure.Unavailable.class);

      assertThat(failure.cause()).get().isInstanceOf(SdkClientException.class);
      assertThat(endpoint.requests()).isNotEmpty();
    }

    @Test
    void aConnectionResetIsUnavailable() {
      try (ResettingEndpoint resetting = ResettingEndpoint.start();
          AwsBuildStopper stopper = endpoint.stopper().endpointOverride(resetting.uri()).build()) {

        StopFailure.Unavailable failure = Results.left(stopper.stopBuild(ID), StopFailure.Unavailable.class);

        assertThat(failure.cause()).get().isInstanceOf(SdkClientException.class);
        assertThat(resetting.connections()).isPositive();
      }
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws IOException {
      URI nobodyListens;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        nobodyListens = URI.create("http://127.0.0.1:" + socket.getLocalPort());
      }

      try (AwsBuildStopper stopper = endpoint.stopper().endpointOverride(nobodyListens).build()) {
        StopFailure.Unavailable failure = Results.left(stopper.stopBuild(ID), StopFailure.Unavailable.class);

        assertThat(failure.cause()).get().isInstanceOf(SdkClientException.class);
      }
    }
  }
}
