package io.buildstop.aws;

import io.buildstop.api.BatchGetBuildBatchesResult;
import io.buildstop.api.BatchGetBuildsResult;
import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.api.BuildIdPage;
import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.api.RequestedBuildIds;
import io.buildstop.aws.internal.CallDeadline;
import io.buildstop.aws.internal.SdkFailures;
import io.buildstop.aws.internal.SdkToDomain;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.vavr.control.Either;
import io.vavr.control.Try;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClientBuilder;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildsResponse;
import software.amazon.awssdk.services.codebuild.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.StopBuildResponse;

/**
 * The ports over AWS CodeBuild, through the AWS SDK for Java v2: {@link BuildStopper} and {@link BuildReader} for
 * builds (StopBuild, BatchGetBuilds, ListBuildsForProject), {@link BuildBatchStopper} and {@link BuildBatchReader}
 * for batch builds (StopBuildBatch, BatchGetBuildBatches, ListBuildBatches, ListBuildBatchesForProject), on one
 * client and one deadline.
 *
 * <p>Embed it on the {@link CodeBuildClient} your application already configured, {@code
 * AwsBuildStopper.builder().codeBuildClient(client).build()}, or let it build one: {@link #create()} reads region and
 * credentials the SDK's default way, the {@link Builder} takes each setting. Either way:
 * <ul>
 *   <li>an id that cannot be valid is rejected before any network call ({@link BuildId#parse(String)}, {@link
 *       io.buildstop.api.BuildBatchIds#parse(String)} for batches);
 *   <li>CodeBuild's answer is mapped member for member into the domain {@link Build} or {@link BuildBatch}, losing
 *       nothing (unknown enum values keep their raw string, timestamps their precision, absent members stay
 *       absent);
 *   <li>every SDK failure becomes a {@link StopFailure}: {@code InvalidInputException} → invalid input, {@code
 *       ResourceNotFoundException} → not found, throttling after the SDK's retries → throttled, access-denied and
 *       credential errors → access denied, anything else (transport, timeouts, 5xx, unreadable answers) →
 *       unavailable with the exception kept as its cause. Nothing throws out of a port method.
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} closes the client only if this class built it; a client you passed in stays
 * yours.
 */
public final class AwsBuildStopper
    implements BuildStopper, BuildReader, BuildBatchStopper, BuildBatchReader, AutoCloseable {
  /** The whole call, retries included, ends within this unless the builder says otherwise. */
  public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(15);
  /** Each HTTP attempt ends within this unless the builder says otherwise. */
  public static final Duration DEFAULT_API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

  private final CodeBuildClient client;
  private final boolean ownsClient;
  private final Optional<CallDeadline> deadline;
  private final AwsBuildBatches batches;

  private AwsBuildStopper(CodeBuildClient client, boolean ownsClient, Optional<CallDeadline> deadline) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.deadline = deadline;
    this.batches = new AwsBuildBatches(client, this::timeLeft);
  }

  /**
   * A stopper on a client built the SDK's default way (region and credentials from the environment, profile or
   * instance), with the defaults of {@link Builder}.
   *
   * @throws software.amazon.awssdk.core.exception.SdkClientException if no region can be found
   */
  public static AwsBuildStopper create() {
    return builder().build();
  }

  /** A builder: either an existing {@link CodeBuildClient}, or the settings to build one. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Either<StopFailure, Build> stopBuild(BuildId id) {
    if (id == null) {
      return stopBuild((String) null);
    }
    return timeLeft().flatMap(bounded -> Try.of(() -> client.stopBuild(request -> request
            .id(id.value())
            .overrideConfiguration(bounded)))
        .toEither()
        .mapLeft(thrown -> SdkFailures.of(id, thrown))
        .flatMap(AwsBuildStopper::buildOf));
  }

  private static Either<StopFailure, Build> buildOf(StopBuildResponse response) {
    return Optional.ofNullable(response.build())
        .<Either<StopFailure, Build>>map(build -> Either.right(SdkToDomain.toDomain(build)))
        .orElseGet(() -> Either.left(StopFailure.unavailable("CodeBuild answered StopBuild without a build")));
  }

  @Override
  public Either<StopFailure, BatchGetBuildsResult> batchGetBuilds(List<String> ids) {
    // validated and normalised before any call, as for StopBuild; the caller's spelling is kept for not-found
    return RequestedBuildIds.parse(ids).flatMap(requested -> timeLeft().flatMap(bounded -> Try.of(() ->
            client.batchGetBuilds(request -> request
                .ids(requested.ids().stream().map(BuildId::value).toList())
                .overrideConfiguration(bounded)))
        .toEither()
        .mapLeft(thrown -> SdkFailures.of(requested.ids().get(0), thrown))
        .map(response -> resultOf(response, requested))));
  }

  // the deadline's bound on the next call, or why it is not sent; nothing to override without a deadline
  private Either<StopFailure, Consumer<AwsRequestOverrideConfiguration.Builder>> timeLeft() {
    return deadline.map(CallDeadline::nextCall).orElseGet(() -> Either.right(override -> { }));
  }


  private static BatchGetBuildsResult resultOf(BatchGetBuildsResponse response, RequestedBuildIds requested) {
    List<String> notFound = new ArrayList<>();
    for (String id : response.buildsNotFound()) {
      notFound.add(BuildId.parse(id).map(requested::asGiven).getOrElse(id));
    }
    return new BatchGetBuildsResult(response.builds().stream().map(SdkToDomain::toDomain).toList(), notFound);
  }

  @Override
  public Either<StopFailure, BuildIdPage> listBuildsForProject(String projectName, Optional<String> nextToken) {
    Either<StopFailure, String> validName = BuildId.parseProjectName(projectName);
    if (validName.isLeft()) {
      return Either.left(validName.getLeft());
    }
    Optional<String> token = nextToken == null ? Optional.empty() : nextToken;
    return timeLeft().flatMap(bounded -> Try.of(() -> client.listBuildsForProject(request -> request
            .projectName(projectName)
            .sortOrder(SortOrderType.DESCENDING)
            .nextToken(token.orElse(null))
            .overrideConfiguration(bounded)))
        .toEither()
        .mapLeft(thrown -> thrown instanceof ResourceNotFoundException
            ? StopFailure.projectNotFound(projectName)
            : SdkFailures.of(Optional.empty(), thrown))
        .flatMap(response -> pageOf(response.ids(), response.nextToken())));
  }

  // a listing's page as CodeBuild sent it, the SDK's nextToken passed through (null on the last page); the ids of
  // builds and of batches alike, which have one form (BuildBatchIds)
  static Either<StopFailure, BuildIdPage> pageOf(List<String> listed, String nextToken) {
    List<BuildId> ids = new ArrayList<>();
    for (String id : listed) {
      Either<StopFailure, BuildId> parsed = BuildId.parse(id);
      if (parsed.isLeft()) {
        return Either.left(StopFailure.unavailable("CodeBuild listed an id buildstop cannot read: " + id));
      }
      ids.add(parsed.get());
    }
    return Either.right(new BuildIdPage(ids, Optional.ofNullable(nextToken)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here: CodeBuild's StopBuildBatch; a batch CodeBuild does not know is its ResourceNotFoundException, with its
   * message.
   */
  @Override
  public Either<StopFailure, BuildBatch> stopBuildBatch(String id) {
    return batches.stopBuildBatch(id);
  }

  @Override
  public Either<StopFailure, BatchGetBuildBatchesResult> batchGetBuildBatches(List<String> ids) {
    return batches.batchGetBuildBatches(ids);
  }

  @Override
  public Either<StopFailure, BuildIdPage> listBuildBatches(Optional<String> nextToken) {
    return batches.listBuildBatches(nextToken);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Here: CodeBuild's ListBuildBatchesForProject, newest first; a project CodeBuild does not know is {@link
   * StopFailure.ResourceNotFound}.
   */
  @Override
  public Either<StopFailure, BuildIdPage> listBuildBatchesForProject(String projectName,
      Optional<String> nextToken) {
    return batches.listBuildBatchesForProject(projectName, nextToken);
  }

  /** Closes the client if this stopper built it; a client passed to the builder is left open. */
  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }

  /**
   * Builds an {@link AwsBuildStopper}: pass a configured {@link CodeBuildClient}, or any of the settings below
   * (not both). Unset settings take the SDK's defaults, except the timeouts, which the SDK leaves off:
   * {@link #DEFAULT_API_CALL_TIMEOUT} and {@link #DEFAULT_API_CALL_ATTEMPT_TIMEOUT}, and retries, which are the
   * SDK's STANDARD mode (3 attempts, backoff with jitter) rather than its LEGACY default.
   */
  public static final class Builder {
    private CodeBuildClient codeBuildClient;
    private Region region;
    private AwsCredentialsProvider credentialsProvider;
    private URI endpointOverride;
    private SdkHttpClient httpClient;
    private Duration apiCallTimeout;
    private Duration apiCallAttemptTimeout;
    private RetryMode retryMode;
    private Integer maxAttempts;
    private Instant deadline;
    private Clock clock;

    private Builder() {}

    /** The client to use as it is; the stopper will not close it. Excludes every other setting. */
    public Builder codeBuildClient(CodeBuildClient codeBuildClient) {
      this.codeBuildClient = Objects.requireNonNull(codeBuildClient, "codeBuildClient");
      return this;
    }

    /** The region; by default the SDK's region provider chain decides. */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The credentials; by default the SDK's default credentials provider chain. */
    public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
      this.credentialsProvider = Objects.requireNonNull(credentialsProvider, "credentialsProvider");
      return this;
    }

    /** Another endpoint than CodeBuild's regional one, such as a local CodeBuild endpoint. */
    public Builder endpointOverride(URI endpointOverride) {
      this.endpointOverride = Objects.requireNonNull(endpointOverride, "endpointOverride");
      return this;
    }

    /**
     * The HTTP client; by default the SDK's URL-connection client, which needs no further dependency. The
     * stopper closes it with itself.
     */
    public Builder httpClient(SdkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** The bound on a whole call, retries included; {@link #DEFAULT_API_CALL_TIMEOUT} by default. */
    public Builder apiCallTimeout(Duration apiCallTimeout) {
      this.apiCallTimeout = positive(apiCallTimeout, "apiCallTimeout");
      return this;
    }

    /** The bound on each HTTP attempt; {@link #DEFAULT_API_CALL_ATTEMPT_TIMEOUT} by default. */
    public Builder apiCallAttemptTimeout(Duration apiCallAttemptTimeout) {
      this.apiCallAttemptTimeout = positive(apiCallAttemptTimeout, "apiCallAttemptTimeout");
      return this;
    }

    /** How the SDK retries throttling, 5xx and transport failures; {@link RetryMode#STANDARD} by default. */
    public Builder retryMode(RetryMode retryMode) {
      this.retryMode = Objects.requireNonNull(retryMode, "retryMode");
      return this;
    }

    /**
     * How many HTTP attempts the SDK makes per call, the first included: the retry mode's own by default (3 in
     * STANDARD). 1 turns the SDK's retries off, for a caller that retries itself, as the stop workflows do with
     * their {@code maxAttempts}: with both layers on, the attempts multiply (5 workflow attempts of 3 SDK attempts
     * each cost up to 15 calls per stop).
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * An instant every call must end by, read on {@code clock}: each call's API call timeout becomes the time left
     * when that is shorter than the client's own, and a call with no time left is not sent (an {@link
     * StopFailure.Unavailable} that says so). For a command with a deadline of its own, such as a stop that waits
     * at most ten minutes. None by default. Also applies to a client passed to {@link #codeBuildClient}.
     */
    public Builder deadline(Instant deadline, Clock clock) {
      this.deadline = Objects.requireNonNull(deadline, "deadline");
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The stopper.
     *
     * @throws IllegalStateException if a client was given together with settings for building one
     * @throws software.amazon.awssdk.core.exception.SdkClientException if the SDK finds no region
     */
    public AwsBuildStopper build() {
      if (codeBuildClient != null) {
        if (region != null || credentialsProvider != null || endpointOverride != null || httpClient != null
            || apiCallTimeout != null || apiCallAttemptTimeout != null || retryMode != null
            || maxAttempts != null) {
          throw new IllegalStateException(
              "either pass a CodeBuildClient or the settings to build one, not both: configure your client instead");
        }
        return new AwsBuildStopper(codeBuildClient, false, callDeadline(codeBuildClient));
      }
      CodeBuildClientBuilder client = CodeBuildClient.builder()
          .httpClient(httpClient != null ? httpClient : UrlConnectionHttpClient.create())
          .overrideConfiguration(ClientOverrideConfiguration.builder()
              .apiCallTimeout(apiCallTimeout != null ? apiCallTimeout : DEFAULT_API_CALL_TIMEOUT)
              .apiCallAttemptTimeout(
                  apiCallAttemptTimeout != null ? apiCallAttemptTimeout : DEFAULT_API_CALL_ATTEMPT_TIMEOUT)
              .retryStrategy(retryStrategy())
              .build());
      Optional.ofNullable(region).ifPresent(client::region);
      Optional.ofNullable(credentialsProvider).ifPresent(client::credentialsProvider);
      Optional.ofNullable(endpointOverride).ifPresent(client::endpointOverride);
      CodeBuildClient built = client.build();
      return new AwsBuildStopper(built, true, callDeadline(built));
    }

    private RetryStrategy retryStrategy() {
      RetryStrategy mode = AwsRetryStrategy.forRetryMode(retryMode != null ? retryMode : RetryMode.STANDARD);
      return maxAttempts == null ? mode : mode.toBuilder().maxAttempts(maxAttempts).build();
    }

    private Optional<CallDeadline> callDeadline(CodeBuildClient client) {
      return Optional.ofNullable(deadline).map(instant -> new CallDeadline(instant, clock,
          client.serviceClientConfiguration().overrideConfiguration().apiCallTimeout()));
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
    }
  }
}
