package io.buildstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.aws.internal.DomainToSdk;
import io.buildstop.aws.internal.SdkToDomain;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.generators.Presence;
import io.buildstop.testkit.generators.ValueGenerators;
import io.buildstop.testkit.properties.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import software.amazon.awssdk.services.codebuild.model.BuildBatchPhase;
import software.amazon.awssdk.services.codebuild.model.BuildGroup;
import software.amazon.awssdk.services.codebuild.model.BuildSummary;

/**
 * The SDK's {@code BuildBatch} through the domain and back is the identity, as {@link SdkMappingTest} shows for
 * {@code Build}: nothing lost, nothing invented, {@code []} kept apart from absent.
 */
class BuildBatchSdkMappingTest {

  /** The SDK types a batch holds: its own five and those it shares with builds and projects. */
  static final Set<String> MAPPED_TYPES = Set.of(
      "BuildBatch", "BuildBatchPhase", "PhaseContext", "ProjectSource", "GitSubmodulesConfig", "SourceAuth",
      "BuildStatusConfig", "ProjectSourceVersion", "BuildArtifacts", "ProjectCache", "ProjectEnvironment",
      "ComputeConfiguration", "ProjectFleet", "EnvironmentVariable", "RegistryCredential", "DockerServer",
      "DockerServerStatus", "LogsConfig", "CloudWatchLogsConfig", "S3LogsConfig", "VpcConfig",
      "ProjectFileSystemLocation", "ProjectBuildBatchConfig", "BatchRestrictions", "BuildGroup", "BuildSummary",
      "ResolvedArtifact");

  @Test
  void aFullyPopulatedSdkBatchSurvivesTheDomainUnchanged() {
    Property.tries(1000).forAll(sdkBatches(Presence.ALL),
        sdk -> assertThat(DomainToSdk.toSdk(SdkToDomain.toDomain(sdk))).isEqualTo(sdk));
  }

  @Test
  void absentMembersStayAbsentAndPresentOnesStayPresent() {
    Property.tries(1000).forAll(sdkBatches(Presence.SOME),
        sdk -> assertThat(DomainToSdk.toSdk(SdkToDomain.toDomain(sdk))).isEqualTo(sdk));
  }

  @Test
  void theDomainSideOfTheRoundTripIsStableToo() {
    Property.tries(1000).forAll(ValueGenerators.buildBatches(),
        domain -> assertThat(SdkToDomain.toDomain(DomainToSdk.toSdk(domain))).isEqualTo(domain));
  }

  // Guards the generator and the mapping, hence the identities above: every member of every type is set.
  @Test
  void theFullyPopulatedGeneratorSetsEveryMemberOfEveryType() {
    Property.tries(20).forAll(sdkBatches(Presence.ALL_NON_EMPTY), sdk -> {
      Set<String> types = new TreeSet<>();
      List<String> unset = new ArrayList<>();
      SdkMappingTest.walk(sdk, "buildBatch", types, unset);

      assertThat(unset).as("members the generator or DomainToSdk left unset").isEmpty();
      assertThat(types).as("SDK types the generator reached").isEqualTo(new TreeSet<>(MAPPED_TYPES));
    });
  }

  @Test
  void aPhaseOrStatusTheSdkDoesNotKnowKeepsItsRawStringInTheDomain() {
    var sdk = software.amazon.awssdk.services.codebuild.model.BuildBatch.builder()
        .buildBatchStatus("PENDING")
        .currentPhase("NEW_PHASE")
        .phases(BuildBatchPhase.builder().phaseType("NEW_PHASE").phaseStatus("CLIENT_ERROR").build())
        .buildGroups(BuildGroup.builder()
            .currentBuildSummary(BuildSummary.builder().buildStatus("RETRY").build())
            .build())
        .build();

    BuildBatch domain = SdkToDomain.toDomain(sdk);

    assertThat(domain.buildBatchStatus()).contains(StatusType.UNKNOWN_TO_SDK_VERSION);
    assertThat(domain.buildBatchStatusAsString()).contains("PENDING");
    // a plain string in the SDK, an open enum in the domain (codebuild-shapes.txt)
    assertThat(domain.currentPhase()).contains(BuildBatchPhaseType.UNKNOWN_TO_SDK_VERSION);
    assertThat(domain.currentPhaseAsString()).contains("NEW_PHASE");
    assertThat(domain.phases().get(0).phaseTypeAsString()).contains("NEW_PHASE");
    assertThat(domain.buildGroups().get(0).currentBuildSummary().orElseThrow().buildStatusAsString())
        .contains("RETRY");
    assertThat(DomainToSdk.toSdk(domain)).isEqualTo(sdk);
  }

  @Test
  void aKnownPhaseIsTypedOnTheDomainSide() {
    var sdk = software.amazon.awssdk.services.codebuild.model.BuildBatch.builder()
        .currentPhase("COMBINE_ARTIFACTS")
        .build();

    assertThat(SdkToDomain.toDomain(sdk).currentPhase()).contains(BuildBatchPhaseType.COMBINE_ARTIFACTS);
  }

  @Test
  void anEmptyListCodeBuildSentStaysSentAndAnAbsentOneStaysAbsent() {
    var sent = SdkToDomain.toDomain(
        software.amazon.awssdk.services.codebuild.model.BuildBatch.builder().buildGroups(List.of()).build());
    var absent = SdkToDomain.toDomain(software.amazon.awssdk.services.codebuild.model.BuildBatch.builder().build());

    assertThat(sent.hasBuildGroups()).isTrue();
    assertThat(absent.hasBuildGroups()).isFalse();
    assertThat(absent.id()).isEmpty();
  }

  private static Gen<software.amazon.awssdk.services.codebuild.model.BuildBatch> sdkBatches(Presence presence) {
    return ValueGenerators.buildBatches(presence).map(DomainToSdk::toSdk);
  }
}
