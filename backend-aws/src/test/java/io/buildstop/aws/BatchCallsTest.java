package io.buildstop.aws;

import static io.buildstop.aws.LocalCodeBuildEndpoint.bytes;
import static io.buildstop.aws.LocalCodeBuildEndpoint.delayed;
import static io.buildstop.aws.LocalCodeBuildEndpoint.error;
import static io.buildstop.aws.LocalCodeBuildEndpoint.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BatchGetBuildBatchesResult;
import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.testkit.generators.ValueGenerators;
import io.buildstop.testkit.properties.Property;
import io.buildstop.wire.WireCodec;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The batch ports of {@link AwsBuildStopper} (StopBuildBatch, BatchGetBuildBatches, ListBuildBatches,
 * ListBuildBatchesForProject) against a local endpoint over real HTTP through the real SDK: the requests CodeBuild
 * expects, its answers read losslessly, and its failures as the {@link StopFailure} the build calls give. The
 * stopper runs the SDK's STANDARD retries (3 attempts).
 */
class BatchCallsTest {
  private static final String ID = "my-demo-project:2a3b4c5d-6789-0abc-def1-22222EXAMPLE";
  private static final String ARN = "arn:aws:codebuild:us-west-2:123456789012:build-batch/" + ID;
  private static final int STANDARD_ATTEMPTS = 3;

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

  // The JSON with every character beyond ASCII written as JSON's \\u escape (they occur only inside strings): so
  // the body carries any UTF-16 text, lone surrogates included, as AWS JSON can, where raw UTF-8 could not
  static String asciiJson(String json) {
    StringBuilder ascii = new StringBuilder(json.length());
    for (char c : json.toCharArray()) {
      ascii.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return ascii.toString();
  }

  @Nested
  @DisplayName("the requests are CodeBuild's batch operations over AWS JSON 1.1")
  class TheRequests {

    @Test
    void stopBuildBatchSendsTheIdABuildBatchArnHolds() {
      stopper.stopBuildBatch(ARN);

      assertThat(endpoint.requests()).singleElement().satisfies(request -> {
        assertThat(request.target()).isEqualTo("CodeBuild_20161006.StopBuildBatch");
        assertThat(request.contentType()).isEqualTo(LocalCodeBuildEndpoint.AMZ_JSON);
        assertThat(request.body()).isEqualTo("{\"id\":\"" + ID + "\"}");
      });
    }

    @Test
    void batchGetBuildBatchesSendsEachIdOnceAsAPlainId() {
      endpoint.answering(json(200, "{\"buildBatches\":[],\"buildBatchesNotFound\":[]}"));

      stopper.batchGetBuildBatches(List.of(ID, ARN, ID));

      assertThat(endpoint.requests()).singleElement().satisfies(request -> {
        assertThat(request.target()).isEqualTo("CodeBuild_20161006.BatchGetBuildBatches");
        assertThat(request.body()).isEqualTo("{\"ids\":[\"" + ID + "\"]}");
      });
    }

    @Test
    void theListingsAskNewestFirstAndPassTheTokenThrough() {
      endpoint.answering(json(200, "{\"ids\":[]}"));

      stopper.listBuildBatches(Optional.of("token-1"));
      stopper.listBuildBatchesForProject("my-demo-project", Optional.of("token-2"));
      stopper.listBuildBatchesForProject("my-demo-project", Optional.empty());

      assertThat(endpoint.requests()).extracting(LocalCodeBuildEndpoint.Request::target).containsExactly(
          "CodeBuild_20161006.ListBuildBatches", "CodeBuild_20161006.ListBuildBatchesForProject",
          "CodeBuild_20161006.ListBuildBatchesForProject");
      assertThat(endpoint.requests()).extracting(LocalCodeBuildEndpoint.Request::body).containsExactly(
          "{\"sortOrder\":\"DESCENDING\",\"nextToken\":\"token-1\"}",
          "{\"projectName\":\"my-demo-project\",\"sortOrder\":\"DESCENDING\",\"nextToken\":\"token-2\"}",
          "{\"projectName\":\"my-demo-project\",\"sortOrder\":\"DESCENDING\"}");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"no-separator", "bad project:1", "my-demo-project:",
        "arn:aws:codebuild:us-west-2:123456789012:build/" + ID})
    void anIdThatCannotBeABatchIdIsInvalidInputAndCostsNoNetworkCall(String id) {
      Results.left(stopper.stopBuildBatch(id), StopFailure.InvalidInput.class);
      Results.left(stopper.batchGetBuildBatches(Collections.singletonList(id)),
          StopFailure.InvalidInput.class);

      assertThat(endpoint.requests()).isEmpty();
    }

    @Test
    void noIdsTooManyIdsAndAMalformedProjectNameCostNoNetworkCall() {
      List<String> tooMany = IntStream.rangeClosed(0, BuildBatchReader.MAX_BATCH_GET_IDS)
          .mapToObj(i -> "my-demo-project:" + i).toList();

      Results.left(stopper.batchGetBuildBatches(List.of()), StopFailure.InvalidInput.class);
      Results.left(stopper.batchGetBuildBatches(tooMany), StopFailure.InvalidInput.class);
      Results.left(stopper.listBuildBatchesForProject("not a project", Optional.empty()),
          StopFailure.InvalidInput.class);

      assertThat(endpoint.requests()).isEmpty();
    }
  }

  @Nested
  @DisplayName("CodeBuild's answers are read member for member")
  class TheAnswers {

    @Test
    void anyBatchStopBuildBatchAnswersReadsAsThatBatch() {
      Property.tries(100).forAll(ValueGenerators.buildBatches(), batch -> {
        endpoint.answering(
            json(200, asciiJson("{\"buildBatch\":" + WireCodec.BUILD_BATCH.encodeToString(batch) + "}")));

        assertThat(stopper.stopBuildBatch(ID)).isEqualTo(Either.right(batch));
      });
    }

    @Test
    void batchGetBuildBatchesAnswersTheBatchesAndTheNotFoundIdsAsTheCallerSpeltThem() {
      Property.tries(20).forAll(ValueGenerators.buildBatches(), batch -> {
        endpoint.answering(json(200, asciiJson("{\"buildBatches\":[" + WireCodec.BUILD_BATCH.encodeToString(batch)
            + "],\"buildBatchesNotFound\":[\"" + ID + "\"]}")));

        BatchGetBuildBatchesResult result = Results.right(stopper.batchGetBuildBatches(List.of(ARN, "other:1")));

        assertThat(result.buildBatches()).containsExactly(batch);
        assertThat(result.buildBatchesNotFound()).containsExactly(ARN);
      });
    }

    @Test
    void aListingsIdsAndNextTokenAreThePage() {
      endpoint.answering(json(200, "{\"ids\":[\"" + ID + "\",\"other:1\"],\"nextToken\":\"next-page\"}"),
          json(200, "{\"ids\":[\"other:0\"]}"));

      BuildIdPage first = Results.right(stopper.listBuildBatches(Optional.empty()));
      BuildIdPage last = Results.right(stopper.listBuildBatchesForProject("other", first.nextToken()));

      assertThat(first.ids()).extracting(BuildId::value).containsExactly(ID, "other:1");
      assertThat(first.nextToken()).contains("next-page");
      assertThat(last.ids()).extracting(BuildId::value).containsExactly("other:0");
      assertThat(last.nextToken()).isEmpty();
    }

    @Test
    void aListedIdBuildstopCannotReadIsUnavailable() {
      endpoint.answering(json(200, "{\"ids\":[\"no separator\"]}"));

      assertThat(Results.left(stopper.listBuildBatches(Optional.empty()), StopFailure.Unavailable.class).message())
          .contains("no separator");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{}", "{\"buildBatch\": null}"})
    void aStopBuildBatchAnswerWithoutABatchIsUnavailable(String body) {
      endpoint.answering(json(200, body));

      assertThat(Results.left(stopper.stopBuildBatch(ID), StopFailure.Unavailable.class).message())
          .contains("without a build batch");
    }
  }

  @Nested
  @DisplayName("CodeBuild's failures are the StopFailure the build calls give")
  class Failures {

    @Test
    void aBatchCodeBuildDoesNotKnowIsResourceNotFoundWithCodeBuildsMessage() {
      endpoint.answering(error(400, "ResourceNotFoundException", "Build batch " + ID + " not found"));

      StopFailure.ResourceNotFound failure =
          Results.left(stopper.stopBuildBatch(ID), StopFailure.ResourceNotFound.class);

      assertThat(failure.message()).isEqualTo("Build batch " + ID + " not found");
      assertThat(failure.buildId()).as("a batch is not a build").isEmpty();
      assertThat(endpoint.requests()).hasSize(1);
    }

    @Test
    void aProjectCodeBuildDoesNotKnowIsResourceNotFoundForTheProject() {
      endpoint.answering(error(400, "ResourceNotFoundException", "Project cannot be found"));

      StopFailure.ResourceNotFound failure = Results.left(
          stopper.listBuildBatchesForProject("my-demo-project", Optional.empty()), StopFailure.ResourceNotFound.class);

      assertThat(failure.message()).contains("my-demo-project");
    }

    @Test
    void aTokenCodeBuildRefusesIsInvalidInput() {
      endpoint.answering(error(400, "InvalidInputException", "The value of nextToken is not valid"));

      assertThat(Results.left(stopper.listBuildBatches(Optional.of("forged")), StopFailure.InvalidInput.class)
          .message()).isEqualTo("The value of nextToken is not valid");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"StopBuildBatch", "BatchGetBuildBatches", "ListBuildBatches",
        "ListBuildBatchesForProject"})
    void throttlingThatOutlastsTheSdksRetriesIsThrottled(String operation) {
      endpoint.answering(error(400, "ThrottlingException", "Rate exceeded"));

      StopFailure.Throttled failure = Results.left(call(operation), StopFailure.Throttled.class);

      assertThat(failure.message()).isEqualTo("Rate exceeded");
      assertThat(endpoint.requests()).hasSize(STANDARD_ATTEMPTS)
          .allSatisfy(request -> assertThat(request.target()).endsWith("." + operation));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"StopBuildBatch", "BatchGetBuildBatches", "ListBuildBatches",
        "ListBuildBatchesForProject"})
    void anAccessErrorIsAccessDeniedWithItsCode(String operation) {
      endpoint.answering(error(400, "AccessDeniedException",
          "User: arn:aws:iam::123456789012:user/x is not authorized to perform: codebuild:" + operation));

      assertThat(Results.left(call(operation), StopFailure.AccessDenied.class).errorCode())
          .isEqualTo("AccessDeniedException");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"StopBuildBatch, 503", "BatchGetBuildBatches, 500", "ListBuildBatches, 502",
        "ListBuildBatchesForProject, 504"})
    void aServerErrorIsUnavailableAfterTheSdksRetriesWithTheCauseKept(String operation, int status) {
      endpoint.answering(bytes(status, "text/html",
          "<html><body>Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8)));

      StopFailure.Unavailable failure = Results.left(call(operation), StopFailure.Unavailable.class);

      assertThat(failure.cause()).get().isInstanceOfSatisfying(AwsServiceException.class,
          cause -> assertThat(cause.statusCode()).isEqualTo(status));
      assertThat(endpoint.requests()).hasSize(STANDARD_ATTEMPTS);
    }

    @Test
    void anAnswerThatDoesNotParseIsUnavailable() {
      endpoint.answering(json(200, "{\"buildBatch\": \"a string where a structure belongs\"}"));

      Results.left(stopper.stopBuildBatch(ID), StopFailure.Unavailable.class);
    }

    private Either<StopFailure, ?> call(String operation) {
      Function<AwsBuildStopper, Either<StopFailure, ?>> call = switch (operation) {
        case "StopBuildBatch" -> it -> it.stopBuildBatch(ID);
        case "BatchGetBuildBatches" -> it -> it.batchGetBuildBatches(List.of(ID));
        case "ListBuildBatches" -> it -> it.listBuildBatches(Optional.empty());
        case "ListBuildBatchesForProject" -> it -> it.listBuildBatchesForProject("my-demo-project", Optional.empty());
        default -> throw new IllegalArgumentException(operation);
      };
      return call.apply(stopper);
    }
  }

  @Nested
  @DisplayName("the builder's deadline bounds the batch calls too")
  class Deadline {

    @Test
    void aBatchCallWithNoTimeLeftIsNotSent() {
      Clock clock = Clock.systemUTC();
      try (AwsBuildStopper late = endpoint.stopper().deadline(clock.instant().minusMillis(1), clock).build()) {
        Results.left(late.stopBuildBatch(ID), StopFailure.Unavailable.class);
        Results.left(late.batchGetBuildBatches(List.of(ID)), StopFailure.Unavailable.class);
        Results.left(late.listBuildBatches(Optional.empty()), StopFailure.Unavailable.class);
        Results.left(late.listBuildBatchesForProject("my-demo-project", Optional.empty()),
            StopFailure.Unavailable.class);
      }

      assertThat(endpoint.requests()).isEmpty();
    }

    @Test
    void aStopBuildBatchToAnEndpointThatDoesNotAnswerEndsAtTheDeadline() {
      endpoint.answering(delayed(Duration.ofSeconds(60), json(200, "{}")));
      Clock clock = Clock.systemUTC();
      long started = System.nanoTime();

      Either<StopFailure, BuildBatch> result;
      try (AwsBuildStopper bounded = endpoint.stopper()
          .apiCallAttemptTimeout(Duration.ofSeconds(20))
          .apiCallTimeout(Duration.ofSeconds(20))
          .deadline(clock.instant().plusSeconds(1), clock)
          .build()) {
        result = bounded.stopBuildBatch(ID);
      }

      Results.left(result, StopFailure.Unavailable.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
  }
}
