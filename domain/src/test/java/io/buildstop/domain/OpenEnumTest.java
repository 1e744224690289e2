package io.buildstop.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.buildstop.domain.model.ArtifactNamespace;
import io.buildstop.domain.model.ArtifactPackaging;
import io.buildstop.domain.model.ArtifactsType;
import io.buildstop.domain.model.BatchReportModeType;
import io.buildstop.domain.model.BucketOwnerAccess;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.CacheMode;
import io.buildstop.domain.model.CacheType;
import io.buildstop.domain.model.ComputeType;
import io.buildstop.domain.model.CredentialProviderType;
import io.buildstop.domain.model.EnvironmentType;
import io.buildstop.domain.model.EnvironmentVariableType;
import io.buildstop.domain.model.FileSystemType;
import io.buildstop.domain.model.ImagePullCredentialsType;
import io.buildstop.domain.model.LogsConfigStatusType;
import io.buildstop.domain.model.MachineType;
import io.buildstop.domain.model.ProjectVisibilityType;
import io.buildstop.domain.model.SourceAuthType;
import io.buildstop.domain.model.SourceType;
import io.buildstop.domain.model.StatusType;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fifteen open enums of spec §2, and those a project and a batch add (issues 15, 18): typed, and open to
 * values a newer CodeBuild sends.
 */
@DisplayName("Open enums (spec §2)")
class OpenEnumTest {

  /** Each enum with the values spec §2 lists for it, in the model's order. */
  static Stream<Arguments> enums() {
    return Stream.of(
        Arguments.of(StatusType.class,
            List.of("SUCCEEDED", "FAILED", "FAULT", "TIMED_OUT", "IN_PROGRESS", "STOPPED")),
        Arguments.of(BuildPhaseType.class, List.of("SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE",
            "INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED")),
        Arguments.of(ComputeType.class, List.of("BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM",
            "BUILD_GENERAL1_LARGE", "BUILD_GENERAL1_XLARGE", "BUILD_GENERAL1_2XLARGE", "BUILD_LAMBDA_1GB",
            "BUILD_LAMBDA_2GB", "BUILD_LAMBDA_4GB", "BUILD_LAMBDA_8GB", "BUILD_LAMBDA_10GB",
            "ATTRIBUTE_BASED_COMPUTE", "CUSTOM_INSTANCE_TYPE")),
        Arguments.of(EnvironmentType.class, List.of("WINDOWS_CONTAINER", "LINUX_CONTAINER", "LINUX_GPU_CONTAINER",
            "ARM_CONTAINER", "WINDOWS_SERVER_2019_CONTAINER", "WINDOWS_SERVER_2022_CONTAINER",
            "LINUX_LAMBDA_CONTAINER", "ARM_LAMBDA_CONTAINER", "LINUX_EC2", "ARM_EC2", "WINDOWS_EC2", "MAC_ARM")),
        Arguments.of(ImagePullCredentialsType.class, List.of("CODEBUILD", "SERVICE_ROLE")),
        Arguments.of(SourceType.class, List.of("CODECOMMIT", "CODEPIPELINE", "GITHUB", "GITLAB",
            "GITLAB_SELF_MANAGED", "S3", "BITBUCKET", "GITHUB_ENTERPRISE", "NO_SOURCE")),
        Arguments.of(SourceAuthType.class, List.of("OAUTH", "CODECONNECTIONS", "SECRETS_MANAGER")),
        Arguments.of(CacheType.class, List.of("NO_CACHE", "S3", "LOCAL")),
        Arguments.of(CacheMode.class,
            List.of("LOCAL_DOCKER_LAYER_CACHE", "LOCAL_SOURCE_CACHE", "LOCAL_CUSTOM_CACHE")),
        Arguments.of(LogsConfigStatusType.class, List.of("ENABLED", "DISABLED")),
        Arguments.of(FileSystemType.class, List.of("EFS")),
        Arguments.of(EnvironmentVariableType.class, List.of("PLAINTEXT", "PARAMETER_STORE", "SECRETS_MANAGER")),
        Arguments.of(CredentialProviderType.class, List.of("SECRETS_MANAGER")),
        Arguments.of(BucketOwnerAccess.class, List.of("NONE", "READ_ONLY", "FULL")),
        Arguments.of(MachineType.class, List.of("GENERAL", "NVME")),
        Arguments.of(BuildBatchPhaseType.class, List.of("SUBMITTED", "DOWNLOAD_BATCHSPEC", "IN_PROGRESS",
            "COMBINE_ARTIFACTS", "SUCCEEDED", "FAILED", "STOPPED")),
        // a project's and a batch's (ResolvedArtifact.type, ProjectBuildBatchConfig.batchReportMode)
        Arguments.of(ArtifactsType.class, List.of("CODEPIPELINE", "S3", "NO_ARTIFACTS")),
        Arguments.of(ArtifactNamespace.class, List.of("NONE", "BUILD_ID")),
        Arguments.of(ArtifactPackaging.class, List.of("NONE", "ZIP")),
        Arguments.of(ProjectVisibilityType.class, List.of("PUBLIC_READ", "PRIVATE")),
        Arguments.of(BatchReportModeType.class, List.of("REPORT_INDIVIDUAL_BUILDS", "REPORT_AGGREGATED_BATCH")));
  }

  @ParameterizedTest(name = "{0} knows exactly the values of spec §2")
  @MethodSource("enums")
  void everyEnumKnowsTheModelsValuesAndOneForTheUnknown(Class<? extends Enum<?>> type, List<String> values) {
    List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();

    assertThat(names.subList(0, names.size() - 1)).isEqualTo(values);
    assertThat(names.get(names.size() - 1)).isEqualTo("UNKNOWN_TO_SDK_VERSION");
  }

  @ParameterizedTest(name = "{0}: fromValue(wireValue) is the identity")
  @MethodSource("enums")
  void everyKnownValueRoundTrips(Class<? extends Enum<?>> type, List<String> values) throws Exception {
    for (String value : values) {
      Object constant = fromValue(type, value);
      assertThat(((Enum<?>) constant).name()).isEqualTo(value);
      assertThat(type.getMethod("wireValue").invoke(constant)).isEqualTo(value);
    }
  }

  @ParameterizedTest(name = "{0}: a value it does not know is UNKNOWN_TO_SDK_VERSION")
  @MethodSource("enums")
  void anUnknownValueIsUnknownToSdkVersion(Class<? extends Enum<?>> type, List<String> values) throws Exception {
    for (String unknown : Arrays.asList("PENDING", "CLIENT_ERROR", "RETRY", "", values.get(0).toLowerCase(),
        " " + values.get(0), "UNKNOWN_TO_SDK_VERSION", null)) {
      assertThat(((Enum<?>) fromValue(type, unknown)).name()).as(String.valueOf(unknown))
          .isEqualTo("UNKNOWN_TO_SDK_VERSION");
    }
  }

  @ParameterizedTest(name = "{0}: UNKNOWN_TO_SDK_VERSION has no wire value")
  @MethodSource("enums")
  void unknownHasNoWireValue(Class<? extends Enum<?>> type, List<String> values) throws Exception {
    Object unknown = fromValue(type, "PENDING");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> {
          try {
            type.getMethod("wireValue").invoke(unknown);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        })
        .withMessageContaining("set the raw string instead");
  }

  private static Object fromValue(Class<?> type, String value) throws Exception {
    return type.getMethod("fromValue", String.class).invoke(null, value);
  }
}
