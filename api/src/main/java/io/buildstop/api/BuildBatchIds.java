package io.buildstop.api;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.InvalidBuildIdReason;
import io.buildstop.domain.StopFailure;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * Validates build batch ids as StopBuildBatch and BatchGetBuildBatches take them: {@code <project-name>:<uuid>}, or
 * a build batch ARN {@code arn:<partition>:codebuild:<region>:<account>:build-batch/<id>}, normalised to the id it
 * holds (as spec §4.8 does for build ARNs, a buildstop extension).
 *
 * <p>A batch id has a build id's form (CodeBuild writes both {@code project:uuid}), so it is held as a {@link
 * BuildId} and checked by the same scanner, with the same reasons and limits; only the ARN differs. A build ARN is
 * not a batch ARN: it is refused.
 */
public final class BuildBatchIds {
  private static final String BATCH_RESOURCE = ":build-batch/";
  private static final String BUILD_RESOURCE = ":build/";

  private BuildBatchIds() {}

  /**
   * Validates a build batch id or build batch ARN.
   *
   * @param input the id as the caller gave it; may be null
   * @return the id, or {@link StopFailure.InvalidInput} naming the first rule the input breaks; never throws
   */
  public static Either<StopFailure, BuildId> parse(String input) {
    if (input != null && input.startsWith("arn:")) {
      int resource = input.indexOf(BATCH_RESOURCE);
      if (resource >= 0) {
        // the ARN grammar (partition, region, account) is the build ARN's: check it there, by the one scanner
        String asBuildArn = input.substring(0, resource) + BUILD_RESOURCE
            + input.substring(resource + BATCH_RESOURCE.length());
        Either<StopFailure, BuildId> parsed = BuildId.parse(asBuildArn);
        if (parsed.isLeft() || !parsed.get().value().equals(asBuildArn)) {
          return parsed;
        }
      }
    }
    Either<StopFailure, BuildId> parsed = BuildId.parse(input);
    // BuildId.parse normalises a build ARN: an id that changed in parsing was a build ARN, not a batch's
    return parsed.isRight() && !parsed.get().value().equals(input) ? notABatchArn(input) : parsed;
  }

  /** {@code arn:<partition>:codebuild:<region>:<account>:build-batch/<id>}. */
  public static String arn(String partition, String region, String accountId, BuildId id) {
    return "arn:" + partition + ":codebuild:" + region + ":" + accountId + BATCH_RESOURCE + id.value();
  }

  private static Either<StopFailure, BuildId> notABatchArn(String input) {
    return Either.left(new StopFailure.InvalidInput("The input value that was provided is not valid: "
        + "not a build batch id or build batch ARN (got " + quoted(input) + ")",
        Optional.of(InvalidBuildIdReason.NOT_A_BUILD_ARN)));
  }

  // the input is ASCII without controls here (the scanner passed it or it is an ARN prefix); bounded for messages
  private static String quoted(String input) {
    return "\"" + (input.length() > 80 ? input.substring(0, 80) + "..." : input) + "\"";
  }
}
