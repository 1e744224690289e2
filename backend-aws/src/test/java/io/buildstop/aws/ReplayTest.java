package io.buildstop.aws;

import static io.buildstop.aws.LocalCodeBuildEndpoint.ok;
import static io.buildstop.aws.PublishedResponses.bytesOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.aws.internal.SdkToDomain;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.StatusType;
import io.buildstop.wire.WireCodec;
import io.buildstop.wire.WireError;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildsResponse;

/**
 * The responses AWS publishes, replayed byte for byte by a local endpoint, read by the real SDK over real HTTP: the
 * adapter returns exactly the domain build each one describes. Two oracles, neither sharing code with the SDK: the
 * builds transcribed by hand in {@link PublishedBuilds}, and the same bytes decoded by buildstop's wire codec.
 */
class ReplayTest {
  private static final String CAPTURED_ID = "my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE";

  private LocalCodeBuildEndpoint endpoint;
  private AwsBuildStopper stopper;

  @BeforeEach
  void start() {
    endpoint = LocalCodeBuildEndpoint.start();
    stopper = endpoint.stopper().build();
  }

  @AfterEach
  void stop() {
    stopper.close();
    endpoint.close();
  }

  @Nested
  @DisplayName("published responses read as the builds they describe")
  class PublishedResponsesRead {

    @Test
    void theStopBuildCaptureReadsAsTheStoppedBuildItDescribes() {
      byte[] response = bytesOf(PublishedResponses.STOP_BUILD);
      endpoint.answering(ok(response));

      Build build = Results.right(stopper.stopBuild(CAPTURED_ID));

      assertThat(build).usingRecursiveComparison().isEqualTo(PublishedBuilds.stopBuild());
      assertThat(build).isEqualTo(PublishedBuilds.stopBuild()).isEqualTo(decodedByWire(response));
      assertThat(build.buildStatus()).contains(StatusType.STOPPED);
    }

    @Test
    void theStartBuildCaptureReadsAsTheQueuedBuildItDescribes() {
      byte[] response = bytesOf(PublishedResponses.START_BUILD);
      endpoint.answering(ok(response));

      Build build = Results.right(stopper.stopBuild("my-demo-project:12345678-a1b2-c3d4-e5f6-11111EXAMPLE"));

      assertThat(build).usingRecursiveComparison().isEqualTo(PublishedBuilds.startBuild());
      assertThat(build).isEqualTo(PublishedBuilds.startBuild()).isEqualTo(decodedByWire(response));
    }

    @ParameterizedTest(name = "build {0} of the batch-get-builds capture")
    @MethodSource("io.buildstop.aws.ReplayTest#batchGetBuilds")
    void eachBatchGetBuildsBuildServedAsAStopBuildResponseReadsAsTheBuildItDescribes(
        int index, byte[] response, Build expected) {
      endpoint.answering(ok(response));

      Build build = Results.right(stopper.stopBuild(expected.id().orElseThrow()));

      assertThat(build).usingRecursiveComparison().isEqualTo(expected);
      assertThat(build).isEqualTo(expected).isEqualTo(decodedByWire(response));
    }

    @Test
    void theWholeBatchGetBuildsCaptureReadsThroughTheSdkAndTheMapping() {
      byte[] published = bytesOf(PublishedResponses.BATCH_GET_BUILDS);
      endpoint.answering(ok(published));
      try (CodeBuildClient client = clientOf(endpoint)) {
        BatchGetBuildsResponse response = client.batchGetBuilds(request -> request.ids("a:1", "b:2"));

        assertThat(response.builds().stream().map(SdkToDomain::toDomain))
            .containsExactly(PublishedBuilds.batchGetBuildsFirst(), PublishedBuilds.batchGetBuildsSecond())
            .containsExactlyElementsOf(
                WireCodec.BATCH_GET_BUILDS_RESPONSE.decode(new String(published, StandardCharsets.UTF_8)).get().builds());
        assertThat(response.hasBuildsNotFound()).isTrue();
        assertThat(response.buildsNotFound()).isEmpty();
      }
    }

    @Test
    void aStopperOnAClientYouPassReadsTheCaptureToo() {
      endpoint.answering(ok(bytesOf(PublishedResponses.STOP_BUILD)));
      try (CodeBuildClient client = clientOf(endpoint)) {
        AwsBuildStopper onYourClient = AwsBuildStopper.builder().codeBuildClient(client).build();

        assertThat(onYourClient.stopBuild(CAPTURED_ID)).isEqualTo(Either.right(PublishedBuilds.stopBuild()));
      }
    }

    @Test
    void theRetryBuildCaptureWithIsoTimestampsCannotBeReadByTheSdkAndComesBackUnavailable() {
      // FACTS: SDK 2.40.2 reads awsJson timestamps only as epoch numbers; this capture (like moto) sends ISO strings,
      // which our own codec reads: the response is well-formed, the SDK is what cannot read it
      byte[] response = bytesOf(PublishedResponses.RETRY_BUILD);
      assertThat(decodedByWire(response).startTime()).contains(Instant.parse("2020-10-21T17:51:38.161Z"));
      endpoint.answering(ok(response));

      StopFailure.Unavailable failure =
          Results.left(stopper.stopBuild("my-demo-project:9"), StopFailure.Unavailable.class);

      assertThat(failure.cause()).get().isInstanceOf(SdkClientException.class);
      assertThat(failure.cause().orElseThrow().getMessage()).contains("Unable to unmarshall response");
    }
  }

  @Nested
  @DisplayName("the request is CodeBuild's StopBuild over AWS JSON 1.1 (spec §1)")
  class TheRequest {

    @Test
    void theRequestIsASignedStopBuildWithTheIdInItsJsonBody() {
      endpoint.answering(ok(bytesOf(PublishedResponses.STOP_BUILD)));

      stopper.stopBuild(CAPTURED_ID);

      assertThat(endpoint.requests()).singleElement().satisfies(request -> {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.target()).isEqualTo("CodeBuild_20161006.StopBuild");
        assertThat(request.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(request.body()).isEqualTo("{\"id\":\"" + CAPTURED_ID + "\"}");
        assertThat(request.authorization())
            .startsWith("AWS4-HMAC-SHA256 Credential=x/")
            .contains("/us-east-1/codebuild/aws4_request");
      });
    }

    @Test
    void aBuildArnIsSentAsThePlainIdItHolds() {
      endpoint.answering(ok(bytesOf(PublishedResponses.STOP_BUILD)));

      stopper.stopBuild("arn:aws:codebuild:us-west-2:123456789012:build/" + CAPTURED_ID);

      assertThat(endpoint.requests()).singleElement()
          .satisfies(request -> assertThat(request.body()).isEqualTo("{\"id\":\"" + CAPTURED_ID + "\"}"));
    }

    @Test
    void theAdapterReturnsTheBuildCodeBuildAnsweredWithNotOneMadeFromTheRequest() {
      // the stop-build capture answers with another id than the one asked for (spec: hand-edited placeholders)
      endpoint.answering(ok(bytesOf(PublishedResponses.STOP_BUILD)));

      Build build = Results.right(stopper.stopBuild("my-demo-project:another-build"));

      assertThat(build.id()).contains(CAPTURED_ID);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {
        "no-separator",
        ":starts-with-separator",
        "my-demo-project:",
        "bad project:1",
        "pr:with space",
        "pr:control\u0001character",
        "pr:n\u00f6n-ascii",
        "arn:aws:s3:::my-bucket/key",
        "x:1"})
    void anIdThatCannotBeValidIsInvalidInputAndCostsNoNetworkCall(String id) {
      StopFailure.InvalidInput failure = Results.left(stopper.stopBuild(id), StopFailure.InvalidInput.class);

      assertThat(failure.reason()).isPresent();
      assertThat(endpoint.requests()).isEmpty();
    }

    @Test
    void anIdLongerThanAnyBuildIdIsInvalidInputAndCostsNoNetworkCall() {
      Results.left(stopper.stopBuild("pr:" + "u".repeat(BuildId.MAX_LENGTH)), StopFailure.InvalidInput.class);
      Results.left(stopper.stopBuild("pr:" + "u".repeat(BuildId.MAX_ARN_LENGTH)), StopFailure.InvalidInput.class);

      assertThat(endpoint.requests()).isEmpty();
    }

    @Test
    void aNullBuildIdIsInvalidInputAndCostsNoNetworkCall() {
      Results.left(stopper.stopBuild((BuildId) null), StopFailure.InvalidInput.class);

      assertThat(endpoint.requests()).isEmpty();
    }
  }

  static Stream<Arguments> batchGetBuilds() {
    List<byte[]> responses = PublishedResponses.batchGetBuildsAsStopBuildResponses();
    assertThat(responses).hasSize(2);
    return Stream.of(
        Arguments.of(0, responses.get(0), PublishedBuilds.batchGetBuildsFirst()),
        Arguments.of(1, responses.get(1), PublishedBuilds.batchGetBuildsSecond()));
  }

  // The second oracle: the published bytes decoded by buildstop's own JSON codec, which shares no code with the SDK.
  static Build decodedByWire(byte[] response) {
    Either<WireError, Build> decoded = WireCodec.STOP_BUILD_RESPONSE.decode(new String(response, StandardCharsets.UTF_8));
    assertThat(decoded.isRight()).as("the wire codec reads the published response: %s", decoded).isTrue();
    return decoded.get();
  }

  static CodeBuildClient clientOf(LocalCodeBuildEndpoint endpoint) {
    return CodeBuildClient.builder()
        .endpointOverride(endpoint.uri())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
