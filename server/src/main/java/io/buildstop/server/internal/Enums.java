package io.buildstop.server.internal;

import io.buildstop.memory.ProjectSortByType;
import io.buildstop.domain.lifecycle.RetryBuildBatchType;
import io.buildstop.domain.model.BatchReportModeType;
import io.buildstop.domain.model.BucketOwnerAccess;
import io.buildstop.domain.model.CacheMode;
import io.buildstop.domain.model.CacheType;
import io.buildstop.domain.model.ComputeType;
import io.buildstop.domain.model.CredentialProviderType;
import io.buildstop.domain.model.EnvironmentType;
import io.buildstop.domain.model.EnvironmentVariableType;
import io.buildstop.domain.model.FileSystemType;
import io.buildstop.domain.model.ImagePullCredentialsType;
import io.buildstop.domain.model.LogsConfigStatusType;
import io.buildstop.domain.model.SourceAuthType;
import io.buildstop.domain.model.SourceType;
import java.util.Arrays;
import java.util.List;

/**
 * The enum value sets of CodeBuild's service model that requests are checked against: the domain's enums where the
 * domain has them (so the two cannot drift apart), the service model's lists for the request-only ones.
 */
public final class Enums {
  public static final List<String> SOURCE_TYPES = known(SourceType.values());
  public static final List<String> SOURCE_AUTH_TYPES = known(SourceAuthType.values());
  public static final List<String> ARTIFACTS_TYPES = List.of("CODEPIPELINE", "S3", "NO_ARTIFACTS");
  public static final List<String> ARTIFACT_NAMESPACES = List.of("NONE", "BUILD_ID");
  public static final List<String> ARTIFACT_PACKAGINGS = List.of("NONE", "ZIP");
  public static final List<String> BUCKET_OWNER_ACCESS = known(BucketOwnerAccess.values());
  public static final List<String> ENVIRONMENT_TYPES = known(EnvironmentType.values());
  public static final List<String> COMPUTE_TYPES = known(ComputeType.values());
  public static final List<String> IMAGE_PULL_CREDENTIALS_TYPES = known(ImagePullCredentialsType.values());
  public static final List<String> CREDENTIAL_PROVIDER_TYPES = known(CredentialProviderType.values());
  public static final List<String> ENVIRONMENT_VARIABLE_TYPES = known(EnvironmentVariableType.values());
  public static final List<String> CACHE_TYPES = known(CacheType.values());
  public static final List<String> CACHE_MODES = known(CacheMode.values());
  public static final List<String> LOGS_STATUSES = known(LogsConfigStatusType.values());
  public static final List<String> FILE_SYSTEM_TYPES = known(FileSystemType.values());
  public static final List<String> SORT_ORDERS = List.of("ASCENDING", "DESCENDING");
  public static final List<String> PROJECT_SORT_BY = known(ProjectSortByType.values());
  public static final List<String> BATCH_REPORT_MODES = known(BatchReportModeType.values());
  public static final List<String> RETRY_BUILD_BATCH_TYPES =
      Arrays.stream(RetryBuildBatchType.values()).map(RetryBuildBatchType::wireValue).toList();

  private Enums() {}

  private static List<String> known(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(Enum::name)
        .filter(name -> !name.equals("UNKNOWN_TO_SDK_VERSION"))
        .toList();
  }
}
