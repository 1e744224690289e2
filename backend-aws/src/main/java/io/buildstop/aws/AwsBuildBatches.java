package io.buildstop.aws;

import io.buildstop.api.BatchGetBuildBatchesResult;
import io.buildstop.api.BuildBatchIds;
import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.api.BuildIdPage;
import io.buildstop.api.RequestedBuildIds;
import io.buildstop.aws.internal.SdkFailures;
import io.buildstop.aws.internal.SdkToDomain;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.BuildBatch;
import io.vavr.control.Either;
import io.vavr.control.Try;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildBatchesResponse;
import software.amazon.awssdk.services.codebuild.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.StopBuildBatchResponse;

/**
 * The batch calls of {@link AwsBuildStopper}: StopBuildBatch, BatchGetBuildBatches, ListBuildBatches and
 * ListBuildBatchesForProject over its client and within its deadline, as it makes the build calls: ids refused
 * before any call ({@link BuildBatchIds}), answers mapped member for member ({@link SdkToDomain}), every SDK failure
 * a {@link StopFailure} ({@link SdkFailures}); nothing throws.
 */
final class AwsBuildBatches implements BuildBatchStopper, BuildBatchReader {
  private final CodeBuildClient client;
  private final Supplier<Either<StopFailure, Consumer<AwsRequestOverrideConfiguration.Builder>>> timeLeft;

  /**
   * The batch calls on {@code client}; {@code timeLeft} bounds each call, or says why it is not sent
   * ({@link AwsBuildStopper.Builder#deadline}).
   */
  AwsBuildBatches(CodeBuildClient client,
      Supplier<Either<StopFailure, Consumer<AwsRequestOverrideConfiguration.Builder>>> timeLeft) {
    this.client = Objects.requireNonNull(client, "client");
    this.timeLeft = Objects.requireNonNull(timeLeft, "timeLeft");
  }

  @Override
  public Either<StopFailure, BuildBatch> stopBuildBatch(String id) {
    // an ARN is sent as the id it holds, as StopBuild sends a build ARN
    return BuildBatchIds.parse(id).flatMap(parsed -> timeLeft.get().flatMap(bounded -> Try.of(() ->
            client.stopBuildBatch(request -> request
                .id(parsed.value())
                .overrideConfiguration(bounded)))
        .toEither()
        // no batch: CodeBuild's ResourceNotFoundException with its own message (StopFailure's is a build's)
        .mapLeft(thrown -> SdkFailures.of(Optional.empty(), thrown))
        .flatMap(AwsBuildBatches::batchOf)));
  }

  private static Either<StopFailure, BuildBatch> batchOf(StopBuildBatchResponse response) {
    return Optional.ofNullable(response.buildBatch())
        .<Either<StopFailure, BuildBatch>>map(batch -> Either.right(SdkToDomain.toDomain(batch)))
        .orElseGet(() -> Either.left(
            StopFailure.unavailable("CodeBuild answered StopBuildBatch without a build batch")));
  }

  @Override
  public Either<StopFailure, BatchGetBuildBatchesResult> batchGetBuildBatches(List<String> ids) {
    // validated and normalised before any call; the caller's spelling is kept for buildBatchesNotFound
    return RequestedBuildIds.parseBatchIds(ids).flatMap(requested -> timeLeft.get().flatMap(bounded -> Try.of(() ->
            client.batchGetBuildBatches(request -> request
                .ids(requested.ids().stream().map(BuildId::value).toList())
                .overrideConfiguration(bounded)))
        .toEither()
        .mapLeft(thrown -> SdkFailures.of(Optional.empty(), thrown))
        .map(response -> resultOf(response, requested))));
  }

  private static BatchGetBuildBatchesResult resultOf(BatchGetBuildBatchesResponse response,
      RequestedBuildIds requested) {
    List<String> notFound = new ArrayList<>();
    for (String id : response.buildBatchesNotFound()) {
      notFound.add(BuildBatchIds.parse(id).map(requested::asGiven).getOrElse(id));
    }
    return new BatchGetBuildBatchesResult(
        response.buildBatches().stream().map(SdkToDomain::toDomain).toList(), notFound);
  }

  @Override
  public Either<StopFailure, BuildIdPage> listBuildBatches(Optional<String> nextToken) {
    Optional<String> token = nextToken == null ? Optional.empty() : nextToken;
    return timeLeft.get().flatMap(bounded -> Try.of(() -> client.listBuildBatches(request -> request
            .sortOrder(SortOrderType.DESCENDING)
            .nextToken(token.orElse(null))
            .overrideConfiguration(bounded)))
        .toEither()
        .mapLeft(thrown -> SdkFailures.of(Optional.empty(), thrown))
        .flatMap(response -> AwsBuildStopper.pageOf(response.ids(), response.nextToken())));
  }

  @Override
  public Either<StopFailure, BuildIdPage> listBuildBatchesForProject(String projectName,
      Optional<String> nextToken) {
    Either<StopFailure, String> validName = BuildId.parseProjectName(projectName);
    if (validName.isLeft()) {
      return Either.left(validName.getLeft());
    }
    Optional<String> token = nextToken == null ? Optional.empty() : nextToken;
    return timeLeft.get().flatMap(bounded -> Try.of(() -> client.listBuildBatchesForProject(request -> request
            .projectName(projectName)
            .sortOrder(SortOrderType.DESCENDING)
            .nextToken(token.orElse(null))
            .overrideConfiguration(bounded)))
        .toEither()
        .mapLeft(thrown -> thrown instanceof ResourceNotFoundException
            ? StopFailure.projectNotFound(projectName)
            : SdkFailures.of(Optional.empty(), thrown))
        .flatMap(response -> AwsBuildStopper.pageOf(response.ids(), response.nextToken())));
  }
}
