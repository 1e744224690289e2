package io.buildstop.aws;

import static io.buildstop.aws.LocalCodeBuildEndpoint.delayed;
import static io.buildstop.aws.LocalCodeBuildEndpoint.ok;
import static io.buildstop.aws.PublishedResponses.bytesOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

@DisplayName("AwsBuildStopper.Builder.deadline: every call ends by it")
class CallDeadlineTest {
  private static final String ID = "my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE";

  private LocalCodeBuildEndpoint endpoint;

  @BeforeEach
  void start() {
    endpoint = LocalCodeBuildEndpoint.start();
  }

  @AfterEach
  void close() {
    endpoint.close();
  }

  @Test
  void aCallToAnEndpointThatDoesNotAnswerEndsAtTheDeadlineNotAtTheCallTimeout() {
    endpoint.answering(delayed(Duration.ofSeconds(60), ok(bytesOf(PublishedResponses.STOP_BUILD))));
    Clock clock = Clock.systemUTC();
    long started = System.nanoTime();

    Either<StopFailure, Build> result;
    // the client's own timeouts would take 20 s; the deadline leaves one
    try (AwsBuildStopper stopper = endpoint.stopper()
        .apiCallAttemptTimeout(Duration.ofSeconds(20))
        .apiCallTimeout(Duration.ofSeconds(20))
        .deadline(clock.instant().plusSeconds(1), clock)
        .build()) {
      result = stopper.stopBuild(ID);
    }

    StopFailure.Unavailable failure = Results.left(result, StopFailure.Unavailable.class);
    assertThat(failure.cause()).get().isInstanceOf(ApiCallTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aCallWithNoTimeLeftIsNotSent() {
    Clock clock = Clock.systemUTC();

    try (AwsBuildStopper stopper = endpoint.stopper().deadline(clock.instant().minusMillis(1), clock).build()) {
      StopFailure.Unavailable stop = unavailable(stopper.stopBuild(ID));
      StopFailure.Unavailable read = unavailable(stopper.batchGetBuilds(List.of(ID)));
      StopFailure.Unavailable list = unavailable(stopper.listBuildsForProject("my-demo-project", Optional.empty()));

      assertThat(List.of(stop.message(), read.message(), list.message()))
          .allSatisfy(message -> assertThat(message).startsWith("no time left for the call"));
    }
    assertThat(endpoint.requests()).isEmpty();
  }

  @Test
  void withTimeLeftTheCallIsAnsweredAsWithoutADeadline() {
    endpoint.answering(ok(bytesOf(PublishedResponses.STOP_BUILD)));
    Clock clock = Clock.systemUTC();

    try (AwsBuildStopper stopper = endpoint.stopper().deadline(clock.instant().plusSeconds(60), clock).build()) {
      assertThat(stopper.stopBuild(ID)).isEqualTo(Either.right(PublishedBuilds.stopBuild()));
    }
  }

  @Test
  void aDeadlineAppliesToAClientPassedIn() {
    endpoint.answering(delayed(Duration.ofSeconds(60), ok(bytesOf(PublishedResponses.STOP_BUILD))));
    Clock clock = Clock.systemUTC();
    long started = System.nanoTime();

    try (CodeBuildClient client = CodeBuildClient.builder()
            .endpointOverride(endpoint.uri())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(override -> override.apiCallTimeout(Duration.ofSeconds(20)))
            .build();
        AwsBuildStopper passedIn = AwsBuildStopper.builder()
            .codeBuildClient(client)
            .deadline(clock.instant().plusSeconds(1), clock)
            .build()) {
      Results.left(passedIn.stopBuild(ID), StopFailure.Unavailable.class);
    }

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aDeadlineIsReadOnTheClockGiven() {
    Instant fixed = Instant.parse("2026-01-01T00:00:00Z");
    Clock past = Clock.fixed(fixed.plusSeconds(1), ZoneOffset.UTC);

    try (AwsBuildStopper stopper = endpoint.stopper().deadline(fixed, past).build()) {
      Results.left(stopper.stopBuild(ID), StopFailure.Unavailable.class);
    }
    assertThat(endpoint.requests()).isEmpty();
  }

  private static <T> StopFailure.Unavailable unavailable(Either<StopFailure, T> result) {
    assertThat(result.isLeft()).as("%s", result).isTrue();
    assertThat(result.getLeft()).isInstanceOf(StopFailure.Unavailable.class);
    return (StopFailure.Unavailable) result.getLeft();
  }
}
