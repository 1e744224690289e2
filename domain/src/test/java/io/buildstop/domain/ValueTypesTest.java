package io.buildstop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.ArtifactNamespace;
import io.buildstop.domain.model.ArtifactPackaging;
import io.buildstop.domain.model.ArtifactsType;
import io.buildstop.domain.model.BatchReportModeType;
import io.buildstop.domain.model.BatchRestrictions;
import io.buildstop.domain.model.BucketOwnerAccess;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildArtifacts;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhase;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.BuildSummary;
import io.buildstop.domain.model.CacheMode;
import io.buildstop.domain.model.CacheType;
import io.buildstop.domain.model.CloudWatchLogsConfig;
import io.buildstop.domain.model.ComputeConfiguration;
import io.buildstop.domain.model.ComputeType;
import io.buildstop.domain.model.CredentialProviderType;
import io.buildstop.domain.model.DockerServer;
import io.buildstop.domain.model.EnvironmentType;
import io.buildstop.domain.model.EnvironmentVariable;
import io.buildstop.domain.model.EnvironmentVariableType;
import io.buildstop.domain.model.ExportedEnvironmentVariable;
import io.buildstop.domain.model.FileSystemType;
import io.buildstop.domain.model.ImagePullCredentialsType;
import io.buildstop.domain.model.LogsConfigStatusType;
import io.buildstop.domain.model.MachineType;
import io.buildstop.domain.model.PhaseContext;
import io.buildstop.domain.model.Project;
import io.buildstop.domain.model.ProjectArtifacts;
import io.buildstop.domain.model.ProjectBuildBatchConfig;
import io.buildstop.domain.model.ProjectCache;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.ProjectFileSystemLocation;
import io.buildstop.domain.model.ProjectSource;
import io.buildstop.domain.model.ProjectSourceVersion;
import io.buildstop.domain.model.ProjectVisibilityType;
import io.buildstop.domain.model.RegistryCredential;
import io.buildstop.domain.model.ResolvedArtifact;
import io.buildstop.domain.model.S3LogsConfig;
import io.buildstop.domain.model.SourceAuth;
import io.buildstop.domain.model.SourceAuthType;
import io.buildstop.domain.model.SourceType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.domain.model.Tag;
import io.buildstop.domain.model.VpcConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The model's conventions: typed views over raw enum strings, the hasX flags, redacted secrets (STYLE.md 2-5). */
@DisplayName("Value types")
class ValueTypesTest {

  @Nested
  @DisplayName("enum-typed members: a typed view over the raw string")
  class TypedMembers {
    @TestFactory
    Stream<DynamicTest> everyEnumTypedMemberHasATypedViewATypedSetterAndATypedCopy() {
      return Stream.of(
          typed("Build.currentPhase", BuildPhaseType.BUILD, BuildPhaseType.COMPLETED,
              v -> Build.builder().currentPhase(v).build(), s -> Build.builder().currentPhaseAsString(s).build(),
              Build::withCurrentPhase, Build::currentPhase, Build::currentPhaseAsString),
          typed("Build.buildStatus", StatusType.IN_PROGRESS, StatusType.STOPPED,
              v -> Build.builder().buildStatus(v).build(), s -> Build.builder().buildStatusAsString(s).build(),
              Build::withBuildStatus, Build::buildStatus, Build::buildStatusAsString),
          // a plain string in the SDK, an open enum here (codebuild-shapes.txt), as Build.currentPhase
          typed("BuildBatch.currentPhase", BuildBatchPhaseType.IN_PROGRESS, BuildBatchPhaseType.STOPPED,
              v -> BuildBatch.builder().currentPhase(v).build(),
              s -> BuildBatch.builder().currentPhaseAsString(s).build(),
              BuildBatch::withCurrentPhase, BuildBatch::currentPhase, BuildBatch::currentPhaseAsString),
          typed("BuildBatch.buildBatchStatus", StatusType.IN_PROGRESS, StatusType.STOPPED,
              v -> BuildBatch.builder().buildBatchStatus(v).build(),
              s -> BuildBatch.builder().buildBatchStatusAsString(s).build(),
              BuildBatch::withBuildBatchStatus, BuildBatch::buildBatchStatus, BuildBatch::buildBatchStatusAsString),
          typed("BuildBatchPhase.phaseType", BuildBatchPhaseType.SUBMITTED, BuildBatchPhaseType.COMBINE_ARTIFACTS,
              v -> BuildBatchPhase.builder().phaseType(v).build(),
              s -> BuildBatchPhase.builder().phaseTypeAsString(s).build(),
              BuildBatchPhase::withPhaseType, BuildBatchPhase::phaseType, BuildBatchPhase::phaseTypeAsString),
          typed("BuildBatchPhase.phaseStatus", StatusType.SUCCEEDED, StatusType.STOPPED,
              v -> BuildBatchPhase.builder().phaseStatus(v).build(),
              s -> BuildBatchPhase.builder().phaseStatusAsString(s).build(),
              BuildBatchPhase::withPhaseStatus, BuildBatchPhase::phaseStatus, BuildBatchPhase::phaseStatusAsString),
          typed("BuildSummary.buildStatus", StatusType.IN_PROGRESS, StatusType.FAILED,
              v -> BuildSummary.builder().buildStatus(v).build(),
              s -> BuildSummary.builder().buildStatusAsString(s).build(),
              BuildSummary::withBuildStatus, BuildSummary::buildStatus, BuildSummary::buildStatusAsString),
          typed("ResolvedArtifact.type", ArtifactsType.S3, ArtifactsType.NO_ARTIFACTS,
              v -> ResolvedArtifact.builder().type(v).build(),
              s -> ResolvedArtifact.builder().typeAsString(s).build(),
              ResolvedArtifact::withType, ResolvedArtifact::type, ResolvedArtifact::typeAsString),
          typed("ProjectBuildBatchConfig.batchReportMode", BatchReportModeType.REPORT_AGGREGATED_BATCH,
              BatchReportModeType.REPORT_INDIVIDUAL_BUILDS,
              v -> ProjectBuildBatchConfig.builder().batchReportMode(v).build(),
              s -> ProjectBuildBatchConfig.builder().batchReportModeAsString(s).build(),
              ProjectBuildBatchConfig::withBatchReportMode, ProjectBuildBatchConfig::batchReportMode,
              ProjectBuildBatchConfig::batchReportModeAsString),
          typed("Project.projectVisibility", ProjectVisibilityType.PUBLIC_READ, ProjectVisibilityType.PRIVATE,
              v -> Project.builder().projectVisibility(v).build(),
              s -> Project.builder().projectVisibilityAsString(s).build(),
              Project::withProjectVisibility, Project::projectVisibility, Project::projectVisibilityAsString),
          typed("ProjectArtifacts.type", ArtifactsType.CODEPIPELINE, ArtifactsType.S3,
              v -> ProjectArtifacts.builder().type(v).build(), s -> ProjectArtifacts.builder().typeAsString(s).build(),
              ProjectArtifacts::withType, ProjectArtifacts::type, ProjectArtifacts::typeAsString),
          typed("ProjectArtifacts.namespaceType", ArtifactNamespace.BUILD_ID, ArtifactNamespace.NONE,
              v -> ProjectArtifacts.builder().namespaceType(v).build(),
              s -> ProjectArtifacts.builder().namespaceTypeAsString(s).build(),
              ProjectArtifacts::withNamespaceType, ProjectArtifacts::namespaceType,
              ProjectArtifacts::namespaceTypeAsString),
          typed("ProjectArtifacts.packaging", ArtifactPackaging.ZIP, ArtifactPackaging.NONE,
              v -> ProjectArtifacts.builder().packaging(v).build(),
              s -> ProjectArtifacts.builder().packagingAsString(s).build(),
              ProjectArtifacts::withPackaging, ProjectArtifacts::packaging, ProjectArtifacts::packagingAsString),
          typed("ProjectArtifacts.bucketOwnerAccess", BucketOwnerAccess.READ_ONLY, BucketOwnerAccess.NONE,
              v -> ProjectArtifacts.builder().bucketOwnerAccess(v).build(),
              s -> ProjectArtifacts.builder().bucketOwnerAccessAsString(s).build(),
              ProjectArtifacts::withBucketOwnerAccess, ProjectArtifacts::bucketOwnerAccess,
              ProjectArtifacts::bucketOwnerAccessAsString),
          typed("BuildPhase.phaseType", BuildPhaseType.QUEUED, BuildPhaseType.FINALIZING,
              v -> BuildPhase.builder().phaseType(v).build(), s -> BuildPhase.builder().phaseTypeAsString(s).build(),
              BuildPhase::withPhaseType, BuildPhase::phaseType, BuildPhase::phaseTypeAsString),
          typed("BuildPhase.phaseStatus", StatusType.SUCCEEDED, StatusType.FAULT,
              v -> BuildPhase.builder().phaseStatus(v).build(),
              s -> BuildPhase.builder().phaseStatusAsString(s).build(),
              BuildPhase::withPhaseStatus, BuildPhase::phaseStatus, BuildPhase::phaseStatusAsString),
          typed("BuildArtifacts.bucketOwnerAccess", BucketOwnerAccess.FULL, BucketOwnerAccess.READ_ONLY,
              v -> BuildArtifacts.builder().bucketOwnerAccess(v).build(),
              s -> BuildArtifacts.builder().bucketOwnerAccessAsString(s).build(),
              BuildArtifacts::withBucketOwnerAccess, BuildArtifacts::bucketOwnerAccess,
              BuildArtifacts::bucketOwnerAccessAsString),
          typed("CloudWatchLogsConfig.status", LogsConfigStatusType.ENABLED, LogsConfigStatusType.DISABLED,
              v -> CloudWatchLogsConfig.builder().status(v).build(),
              s -> CloudWatchLogsConfig.builder().statusAsString(s).build(),
              CloudWatchLogsConfig::withStatus, CloudWatchLogsConfig::status, CloudWatchLogsConfig::statusAsString),
          typed("S3LogsConfig.status", LogsConfigStatusType.DISABLED, LogsConfigStatusType.ENABLED,
              v -> S3LogsConfig.builder().status(v).build(), s -> S3LogsConfig.builder().statusAsString(s).build(),
              S3LogsConfig::withStatus, S3LogsConfig::status, S3LogsConfig::statusAsString),
          typed("S3LogsConfig.bucketOwnerAccess", BucketOwnerAccess.NONE, BucketOwnerAccess.FULL,
              v -> S3LogsConfig.builder().bucketOwnerAccess(v).build(),
              s -> S3LogsConfig.builder().bucketOwnerAccessAsString(s).build(),
              S3LogsConfig::withBucketOwnerAccess, S3LogsConfig::bucketOwnerAccess,
              S3LogsConfig::bucketOwnerAccessAsString),
          typed("ComputeConfiguration.machineType", MachineType.NVME, MachineType.GENERAL,
              v -> ComputeConfiguration.builder().machineType(v).build(),
              s -> ComputeConfiguration.builder().machineTypeAsString(s).build(),
              ComputeConfiguration::withMachineType, ComputeConfiguration::machineType,
              ComputeConfiguration::machineTypeAsString),
          typed("DockerServer.computeType", ComputeType.BUILD_GENERAL1_LARGE, ComputeType.BUILD_LAMBDA_1GB,
              v -> DockerServer.builder().computeType(v).build(),
              s -> DockerServer.builder().computeTypeAsString(s).build(),
              DockerServer::withComputeType, DockerServer::computeType, DockerServer::computeTypeAsString),
          typed("EnvironmentVariable.type", EnvironmentVariableType.SECRETS_MANAGER, EnvironmentVariableType.PLAINTEXT,
              v -> EnvironmentVariable.builder().type(v).build(),
              s -> EnvironmentVariable.builder().typeAsString(s).build(),
              EnvironmentVariable::withType, EnvironmentVariable::type, EnvironmentVariable::typeAsString),
          typed("ProjectCache.type", CacheType.S3, CacheType.LOCAL,
              v -> ProjectCache.builder().type(v).build(), s -> ProjectCache.builder().typeAsString(s).build(),
              ProjectCache::withType, ProjectCache::type, ProjectCache::typeAsString),
          typed("ProjectEnvironment.type", EnvironmentType.ARM_CONTAINER, EnvironmentType.MAC_ARM,
              v -> ProjectEnvironment.builder().type(v).build(),
              s -> ProjectEnvironment.builder().typeAsString(s).build(),
              ProjectEnvironment::withType, ProjectEnvironment::type, ProjectEnvironment::typeAsString),
          typed("ProjectEnvironment.computeType", ComputeType.ATTRIBUTE_BASED_COMPUTE, ComputeType.BUILD_GENERAL1_SMALL,
              v -> ProjectEnvironment.builder().computeType(v).build(),
              s -> ProjectEnvironment.builder().computeTypeAsString(s).build(),
              ProjectEnvironment::withComputeType, ProjectEnvironment::computeType,
              ProjectEnvironment::computeTypeAsString),
          typed("ProjectEnvironment.imagePullCredentialsType", ImagePullCredentialsType.SERVICE_ROLE,
              ImagePullCredentialsType.CODEBUILD,
              v -> ProjectEnvironment.builder().imagePullCredentialsType(v).build(),
              s -> ProjectEnvironment.builder().imagePullCredentialsTypeAsString(s).build(),
              ProjectEnvironment::withImagePullCredentialsType, ProjectEnvironment::imagePullCredentialsType,
              ProjectEnvironment::imagePullCredentialsTypeAsString),
          typed("ProjectFileSystemLocation.type", FileSystemType.EFS, FileSystemType.EFS,
              v -> ProjectFileSystemLocation.builder().type(v).build(),
              s -> ProjectFileSystemLocation.builder().typeAsString(s).build(),
              ProjectFileSystemLocation::withType, ProjectFileSystemLocation::type,
              ProjectFileSystemLocation::typeAsString),
          typed("ProjectSource.type", SourceType.GITHUB, SourceType.NO_SOURCE,
              v -> ProjectSource.builder().type(v).build(), s -> ProjectSource.builder().typeAsString(s).build(),
              ProjectSource::withType, ProjectSource::type, ProjectSource::typeAsString),
          typed("RegistryCredential.credentialProvider", CredentialProviderType.SECRETS_MANAGER,
              CredentialProviderType.SECRETS_MANAGER,
              v -> RegistryCredential.builder().credentialProvider(v).build(),
              s -> RegistryCredential.builder().credentialProviderAsString(s).build(),
              RegistryCredential::withCredentialProvider, RegistryCredential::credentialProvider,
              RegistryCredential::credentialProviderAsString),
          typed("SourceAuth.type", SourceAuthType.CODECONNECTIONS, SourceAuthType.OAUTH,
              v -> SourceAuth.builder().type(v).build(), s -> SourceAuth.builder().typeAsString(s).build(),
              SourceAuth::withType, SourceAuth::type, SourceAuth::typeAsString));
    }

    @Test
    void cacheModesAreTypedViewsOfTheRawStrings() {
      ProjectCache cache = ProjectCache.builder()
          .addModes(CacheMode.LOCAL_SOURCE_CACHE, CacheMode.LOCAL_DOCKER_LAYER_CACHE)
          .addModesAsStrings("LOCAL_REMOTE_CACHE")
          .build();

      assertThat(cache.modes()).containsExactly(CacheMode.LOCAL_SOURCE_CACHE, CacheMode.LOCAL_DOCKER_LAYER_CACHE,
          CacheMode.UNKNOWN_TO_SDK_VERSION);
      assertThat(cache.modesAsStrings())
          .containsExactly("LOCAL_SOURCE_CACHE", "LOCAL_DOCKER_LAYER_CACHE", "LOCAL_REMOTE_CACHE");
      assertThat(cache.hasModes()).isTrue();
    }

    @Test
    void anUnknownStatusSurvivesOnABuildAndItsCopies() {
      Build pending = Build.builder().id("proj:abc").buildStatusAsString("PENDING").currentPhaseAsString("RETRY").build();

      Build copy = pending.withInitiator("someone").withEndTime(Instant.EPOCH);

      assertThat(copy.buildStatus()).contains(StatusType.UNKNOWN_TO_SDK_VERSION);
      assertThat(copy.buildStatusAsString()).contains("PENDING");
      assertThat(copy.currentPhase()).contains(BuildPhaseType.UNKNOWN_TO_SDK_VERSION);
      assertThat(copy.currentPhaseAsString()).contains("RETRY");
      assertThat(copy).isNotEqualTo(copy.withBuildStatusAsString("CLIENT_ERROR"));
    }

    private <V, E extends Enum<E>> DynamicTest typed(String member, E known, E other,
        Function<E, V> buildTyped, Function<String, V> buildRaw, BiFunction<V, E, V> copyTyped,
        Function<V, Optional<E>> typed, Function<V, Optional<String>> raw) {
      return DynamicTest.dynamicTest(member, () -> {
        V withKnown = buildTyped.apply(known);
        assertThat(typed.apply(withKnown)).as("typed").contains(known);
        assertThat(raw.apply(withKnown)).as("raw").contains(known.name());

        V withUnknown = buildRaw.apply("PENDING");
        assertThat(typed.apply(withUnknown)).as("typed unknown").map(Enum::name).contains("UNKNOWN_TO_SDK_VERSION");
        assertThat(raw.apply(withUnknown)).as("raw unknown").contains("PENDING");

        V copied = copyTyped.apply(withUnknown, other);
        assertThat(typed.apply(copied)).as("typed copy").contains(other);
        assertThat(raw.apply(copied)).as("raw copy").contains(other.name());
        assertThat(typed.apply(buildRaw.apply(other.name()))).as("raw known").contains(other);
      });
    }
  }

  @Nested
  @DisplayName("lists: hasX tells a list CodeBuild sent, even as [], from an absent one")
  class Presence {
    @TestFactory
    Stream<DynamicTest> everyListMemberTellsAbsentFromEmptyAndAListWithElementsIsAlwaysSent() {
      ProjectSource source = ProjectSource.builder().location("l").build();
      return Stream.of(
          presence("Build.phases", Build::builder, Build.Builder::build,
              b -> b.addPhases(BuildPhase.builder().build()), b -> b.hasPhases(true), Build::hasPhases,
              b -> b.phases().isEmpty(), b -> b.withPhases(BuildPhase.builder().build()), b -> b.withPhases(List.of())),
          presence("Build.secondarySources", Build::builder, Build.Builder::build,
              b -> b.addSecondarySources(source), b -> b.hasSecondarySources(true), Build::hasSecondarySources,
              b -> b.secondarySources().isEmpty(), b -> b.withSecondarySources(source),
              b -> b.withSecondarySources(List.of())),
          presence("Build.secondarySourceVersions", Build::builder, Build.Builder::build,
              b -> b.addSecondarySourceVersions(ProjectSourceVersion.builder().build()),
              b -> b.hasSecondarySourceVersions(true), Build::hasSecondarySourceVersions,
              b -> b.secondarySourceVersions().isEmpty(),
              b -> b.withSecondarySourceVersions(ProjectSourceVersion.builder().build()),
              b -> b.withSecondarySourceVersions(List.of())),
          presence("Build.secondaryArtifacts", Build::builder, Build.Builder::build,
              b -> b.addSecondaryArtifacts(BuildArtifacts.builder().build()), b -> b.hasSecondaryArtifacts(true),
              Build::hasSecondaryArtifacts, b -> b.secondaryArtifacts().isEmpty(),
              b -> b.withSecondaryArtifacts(BuildArtifacts.builder().build()), b -> b.withSecondaryArtifacts(List.of())),
          presence("Build.exportedEnvironmentVariables", Build::builder, Build.Builder::build,
              b -> b.addExportedEnvironmentVariables(ExportedEnvironmentVariable.builder().name("n").build()),
              b -> b.hasExportedEnvironmentVariables(true), Build::hasExportedEnvironmentVariables,
              b -> b.exportedEnvironmentVariables().isEmpty(),
              b -> b.withExportedEnvironmentVariables(ExportedEnvironmentVariable.builder().build()),
              b -> b.withExportedEnvironmentVariables(List.of())),
          presence("Build.reportArns", Build::builder, Build.Builder::build,
              b -> b.addReportArns("arn"), b -> b.hasReportArns(true), Build::hasReportArns,
              b -> b.reportArns().isEmpty(), b -> b.withReportArns("arn"), b -> b.withReportArns(List.of())),
          presence("Build.fileSystemLocations", Build::builder, Build.Builder::build,
              b -> b.addFileSystemLocations(ProjectFileSystemLocation.builder().build()),
              b -> b.hasFileSystemLocations(true), Build::hasFileSystemLocations,
              b -> b.fileSystemLocations().isEmpty(),
              b -> b.withFileSystemLocations(ProjectFileSystemLocation.builder().build()),
              b -> b.withFileSystemLocations(List.of())),
          presence("BuildBatch.phases", BuildBatch::builder, BuildBatch.Builder::build,
              b -> b.addPhases(BuildBatchPhase.builder().build()), b -> b.hasPhases(true), BuildBatch::hasPhases,
              b -> b.phases().isEmpty(), b -> b.withPhases(BuildBatchPhase.builder().build()),
              b -> b.withPhases(List.of())),
          presence("BuildBatch.secondarySources", BuildBatch::builder, BuildBatch.Builder::build,
              b -> b.addSecondarySources(source), b -> b.hasSecondarySources(true), BuildBatch::hasSecondarySources,
              b -> b.secondarySources().isEmpty(), b -> b.withSecondarySources(source),
              b -> b.withSecondarySources(List.of())),
          presence("BuildBatch.secondarySourceVersions", BuildBatch::builder, BuildBatch.Builder::build,
              b -> b.addSecondarySourceVersions(ProjectSourceVersion.builder().build()),
              b -> b.hasSecondarySourceVersions(true), BuildBatch::hasSecondarySourceVersions,
              b -> b.secondarySourceVersions().isEmpty(),
              b -> b.withSecondarySourceVersions(ProjectSourceVersion.builder().build()),
              b -> b.withSecondarySourceVersions(List.of())),
          presence("BuildBatch.secondaryArtifacts", BuildBatch::builder, BuildBatch.Builder::build,
              b -> b.addSecondaryArtifacts(BuildArtifacts.builder().build()), b -> b.hasSecondaryArtifacts(true),
              BuildBatch::hasSecondaryArtifacts, b -> b.secondaryArtifacts().isEmpty(),
              b -> b.withSecondaryArtifacts(BuildArtifacts.builder().build()),
              b -> b.withSecondaryArtifacts(List.of())),
          presence("BuildBatch.fileSystemLocations", BuildBatch::builder, BuildBatch.Builder::build,
              b -> b.addFileSystemLocations(ProjectFileSystemLocation.builder().build()),
              b -> b.hasFileSystemLocations(true), BuildBatch::hasFileSystemLocations,
              b -> b.fileSystemLocations().isEmpty(),
              b -> b.withFileSystemLocations(ProjectFileSystemLocation.builder().build()),
              b -> b.withFileSystemLocations(List.of())),
          presence("BuildBatch.buildGroups", BuildBatch::builder, BuildBatch.Builder::build,
              b -> b.addBuildGroups(BuildGroup.builder().build()), b -> b.hasBuildGroups(true),
              BuildBatch::hasBuildGroups, b -> b.buildGroups().isEmpty(),
              b -> b.withBuildGroups(BuildGroup.builder().build()), b -> b.withBuildGroups(List.of())),
          presence("BuildBatch.reportArns", BuildBatch::builder, BuildBatch.Builder::build,
              b -> b.addReportArns("arn"), b -> b.hasReportArns(true), BuildBatch::hasReportArns,
              b -> b.reportArns().isEmpty(), b -> b.withReportArns("arn"), b -> b.withReportArns(List.of())),
          presence("BuildBatchPhase.contexts", BuildBatchPhase::builder, BuildBatchPhase.Builder::build,
              b -> b.addContexts(PhaseContext.builder().build()), b -> b.hasContexts(true),
              BuildBatchPhase::hasContexts, p -> p.contexts().isEmpty(),
              p -> p.withContexts(PhaseContext.builder().build()), p -> p.withContexts(List.of())),
          presence("BuildGroup.dependsOn", BuildGroup::builder, BuildGroup.Builder::build,
              b -> b.addDependsOn("build1"), b -> b.hasDependsOn(true), BuildGroup::hasDependsOn,
              g -> g.dependsOn().isEmpty(), g -> g.withDependsOn("build1"), g -> g.withDependsOn(List.of())),
          presence("BuildGroup.priorBuildSummaryList", BuildGroup::builder, BuildGroup.Builder::build,
              b -> b.addPriorBuildSummaryList(BuildSummary.builder().build()),
              b -> b.hasPriorBuildSummaryList(true), BuildGroup::hasPriorBuildSummaryList,
              g -> g.priorBuildSummaryList().isEmpty(),
              g -> g.withPriorBuildSummaryList(BuildSummary.builder().build()),
              g -> g.withPriorBuildSummaryList(List.of())),
          presence("BuildSummary.secondaryArtifacts", BuildSummary::builder, BuildSummary.Builder::build,
              b -> b.addSecondaryArtifacts(ResolvedArtifact.builder().build()), b -> b.hasSecondaryArtifacts(true),
              BuildSummary::hasSecondaryArtifacts, m -> m.secondaryArtifacts().isEmpty(),
              m -> m.withSecondaryArtifacts(ResolvedArtifact.builder().build()),
              m -> m.withSecondaryArtifacts(List.of())),
          presence("BatchRestrictions.computeTypesAllowed", BatchRestrictions::builder, BatchRestrictions.Builder::build,
              b -> b.addComputeTypesAllowed("BUILD_GENERAL1_SMALL"), b -> b.hasComputeTypesAllowed(true),
              BatchRestrictions::hasComputeTypesAllowed, r -> r.computeTypesAllowed().isEmpty(),
              r -> r.withComputeTypesAllowed("BUILD_GENERAL1_SMALL"), r -> r.withComputeTypesAllowed(List.of())),
          presence("BatchRestrictions.fleetsAllowed", BatchRestrictions::builder, BatchRestrictions.Builder::build,
              b -> b.addFleetsAllowed("fleet"), b -> b.hasFleetsAllowed(true), BatchRestrictions::hasFleetsAllowed,
              r -> r.fleetsAllowed().isEmpty(), r -> r.withFleetsAllowed("fleet"),
              r -> r.withFleetsAllowed(List.of())),
          presence("Project.secondarySources", Project::builder, Project.Builder::build,
              b -> b.addSecondarySources(source), b -> b.hasSecondarySources(true), Project::hasSecondarySources,
              p -> p.secondarySources().isEmpty(), p -> p.withSecondarySources(source),
              p -> p.withSecondarySources(List.of())),
          presence("Project.secondarySourceVersions", Project::builder, Project.Builder::build,
              b -> b.addSecondarySourceVersions(ProjectSourceVersion.builder().build()),
              b -> b.hasSecondarySourceVersions(true), Project::hasSecondarySourceVersions,
              p -> p.secondarySourceVersions().isEmpty(),
              p -> p.withSecondarySourceVersions(ProjectSourceVersion.builder().build()),
              p -> p.withSecondarySourceVersions(List.of())),
          presence("Project.secondaryArtifacts", Project::builder, Project.Builder::build,
              b -> b.addSecondaryArtifacts(ProjectArtifacts.builder().build()), b -> b.hasSecondaryArtifacts(true),
              Project::hasSecondaryArtifacts, p -> p.secondaryArtifacts().isEmpty(),
              p -> p.withSecondaryArtifacts(ProjectArtifacts.builder().build()),
              p -> p.withSecondaryArtifacts(List.of())),
          presence("Project.tags", Project::builder, Project.Builder::build,
              b -> b.addTags(Tag.builder().key("k").build()), b -> b.hasTags(true), Project::hasTags,
              p -> p.tags().isEmpty(), p -> p.withTags(Tag.builder().build()), p -> p.withTags(List.of())),
          presence("Project.fileSystemLocations", Project::builder, Project.Builder::build,
              b -> b.addFileSystemLocations(ProjectFileSystemLocation.builder().build()),
              b -> b.hasFileSystemLocations(true), Project::hasFileSystemLocations,
              p -> p.fileSystemLocations().isEmpty(),
              p -> p.withFileSystemLocations(ProjectFileSystemLocation.builder().build()),
              p -> p.withFileSystemLocations(List.of())),
          presence("BuildPhase.contexts", BuildPhase::builder, BuildPhase.Builder::build,
              b -> b.addContexts(PhaseContext.builder().build()), b -> b.hasContexts(true), BuildPhase::hasContexts,
              p -> p.contexts().isEmpty(), p -> p.withContexts(PhaseContext.builder().build()),
              p -> p.withContexts(List.of())),
          presence("ProjectCache.modes", ProjectCache::builder, ProjectCache.Builder::build,
              b -> b.addModes(CacheMode.LOCAL_CUSTOM_CACHE), b -> b.hasModes(true), ProjectCache::hasModes,
              c -> c.modesAsStrings().isEmpty(), c -> c.withModesAsStrings("LOCAL_SOURCE_CACHE"),
              c -> c.withModesAsStrings(List.of())),
          presence("ProjectEnvironment.environmentVariables", ProjectEnvironment::builder,
              ProjectEnvironment.Builder::build,
              b -> b.addEnvironmentVariables(EnvironmentVariable.builder().build()),
              b -> b.hasEnvironmentVariables(true), ProjectEnvironment::hasEnvironmentVariables,
              e -> e.environmentVariables().isEmpty(),
              e -> e.withEnvironmentVariables(EnvironmentVariable.builder().build()),
              e -> e.withEnvironmentVariables(List.of())),
          presence("DockerServer.securityGroupIds", DockerServer::builder, DockerServer.Builder::build,
              b -> b.addSecurityGroupIds("sg-1"), b -> b.hasSecurityGroupIds(true), DockerServer::hasSecurityGroupIds,
              d -> d.securityGroupIds().isEmpty(), d -> d.withSecurityGroupIds("sg-1"),
              d -> d.withSecurityGroupIds(List.of())),
          presence("VpcConfig.subnets", VpcConfig::builder, VpcConfig.Builder::build,
              b -> b.addSubnets("subnet-1"), b -> b.hasSubnets(true), VpcConfig::hasSubnets,
              v -> v.subnets().isEmpty(), v -> v.withSubnets("subnet-1"), v -> v.withSubnets(List.of())),
          presence("VpcConfig.securityGroupIds", VpcConfig::builder, VpcConfig.Builder::build,
              b -> b.addSecurityGroupIds("sg-1"), b -> b.hasSecurityGroupIds(true), VpcConfig::hasSecurityGroupIds,
              v -> v.securityGroupIds().isEmpty(), v -> v.withSecurityGroupIds("sg-1"),
              v -> v.withSecurityGroupIds(List.of())));
    }

    @Test
    void theStartCaptureSentAnEmptyListOfEnvironmentVariables() {
      ProjectEnvironment environment = CapturedExamples.startBuild().environment().orElseThrow();

      assertThat(environment.environmentVariables()).isEmpty();
      assertThat(environment.hasEnvironmentVariables()).isTrue();
      assertThat(environment).isNotEqualTo(environment.withHasEnvironmentVariables(false));
    }

    private <B, V> DynamicTest presence(String member, Supplier<B> builder, Function<B, V> build,
        Function<B, B> addOne, Function<B, B> sentEmpty, Predicate<V> flag, Predicate<V> isEmpty,
        Function<V, V> copyWithOne, Function<V, V> copyWithNone) {
      return DynamicTest.dynamicTest(member, () -> {
        V absent = build.apply(builder.get());
        assertThat(flag.test(absent)).as("absent by default").isFalse();
        assertThat(isEmpty.test(absent)).as("no elements").isTrue();

        V filled = build.apply(addOne.apply(builder.get()));
        assertThat(flag.test(filled)).as("a list with elements was sent").isTrue();
        assertThat(isEmpty.test(filled)).isFalse();

        V empty = build.apply(sentEmpty.apply(builder.get()));
        assertThat(flag.test(empty)).as("sent as []").isTrue();
        assertThat(isEmpty.test(empty)).isTrue();
        assertThat(empty).isNotEqualTo(absent);

        assertThat(flag.test(copyWithOne.apply(absent))).as("a copy with elements was sent").isTrue();
        assertThat(flag.test(copyWithNone.apply(empty))).as("a copy keeps [] sent").isTrue();
        assertThat(flag.test(copyWithNone.apply(absent))).as("a copy keeps absent absent").isFalse();
      });
    }
  }

  @Nested
  @DisplayName("secrets are redacted (STYLE.md item 5)")
  class Redaction {
    private final EnvironmentVariable variable = EnvironmentVariable.builder()
        .name("DB_PASSWORD").value("hunter2-secret").type(EnvironmentVariableType.PLAINTEXT).build();
    private final RegistryCredential credential = RegistryCredential.builder()
        .credential("arn:aws:secretsmanager:us-east-1:123456789012:secret:registry-token")
        .credentialProvider(CredentialProviderType.SECRETS_MANAGER).build();

    @Test
    void anEnvironmentVariableValueDoesNotShowInToString() {
      assertThat(variable.toString()).doesNotContain("hunter2-secret").contains("DB_PASSWORD").contains("****");
      assertThat(variable.value()).contains("hunter2-secret");
    }

    @Test
    void aRegistryCredentialDoesNotShowInToString() {
      assertThat(credential.toString()).doesNotContain("registry-token").contains("SECRETS_MANAGER");
      assertThat(credential.credential()).hasValueSatisfying(value -> assertThat(value).endsWith("registry-token"));
    }

    @Test
    void aBuildCarryingSecretsDoesNotShowThem() {
      Build build = Build.builder()
          .id("proj:abc")
          .environment(ProjectEnvironment.builder().addEnvironmentVariables(variable).registryCredential(credential)
              .build())
          .build();

      assertThat(build.toString()).contains("proj:abc").doesNotContain("hunter2-secret")
          .doesNotContain("registry-token");
    }

    @Test
    void redactedMembersStillCountForEquality() {
      assertThat(variable).isNotEqualTo(variable.withValue("another"));
      assertThat(credential).isNotEqualTo(credential.withCredential("another"));
    }
  }
}
