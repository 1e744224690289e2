package io.buildstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.aws.internal.DomainToSdk;
import io.buildstop.aws.internal.SdkToDomain;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.CacheMode;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.generators.BuildGenerators;
import io.buildstop.testkit.generators.Presence;
import io.buildstop.testkit.properties.Property;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.codebuild.model.BuildPhase;
import software.amazon.awssdk.services.codebuild.model.ProjectCache;

/**
 * The SDK's {@code Build} through the domain and back is the identity: nothing is lost, nothing invented. The SDK's
 * {@code equals} compares every member and every {@code hasX()}, so an empty list CodeBuild sent must stay sent and
 * an absent one absent.
 */
class SdkMappingTest {

  /** The SDK types {@code SdkToDomain} maps: {@code Build} and every type nested in it. */
  static final Set<String> MAPPED_TYPES = Set.of(
      "Build", "BuildPhase", "PhaseContext", "ProjectSource", "GitSubmodulesConfig", "SourceAuth",
      "BuildStatusConfig", "ProjectSourceVersion", "BuildArtifacts", "ProjectCache", "ProjectEnvironment",
      "ComputeConfiguration", "ProjectFleet", "EnvironmentVariable", "RegistryCredential", "DockerServer",
      "DockerServerStatus", "LogsLocation", "CloudWatchLogsConfig", "S3LogsConfig", "VpcConfig", "NetworkInterface",
      "ExportedEnvironmentVariable", "ProjectFileSystemLocation", "DebugSession", "AutoRetryConfig");

  // issue 3: the mapping property runs at least 1,000 tries
  @Test
  void aFullyPopulatedSdkBuildSurvivesTheDomainUnchanged() {
    Property.tries(1000).forAll(sdkBuilds(Presence.ALL),
        sdk -> assertThat(DomainToSdk.toSdk(SdkToDomain.toDomain(sdk))).isEqualTo(sdk));
  }

  @Test
  void absentMembersStayAbsentAndPresentOnesStayPresent() {
    Property.tries(1000).forAll(sdkBuilds(Presence.SOME),
        sdk -> assertThat(DomainToSdk.toSdk(SdkToDomain.toDomain(sdk))).isEqualTo(sdk));
  }

  @Test
  void theDomainSideOfTheRoundTripIsStableToo() {
    // over the domain's own generator: a member DomainToSdk forgets is lost here, whatever the SDK side does
    Property.tries(1000).forAll(BuildGenerators.anyBuilds(),
        domain -> assertThat(SdkToDomain.toDomain(DomainToSdk.toSdk(domain))).isEqualTo(domain));
  }

  // Guards the generator and the mapping, hence the identities above: every member of all 26 types is set.
  @Test
  void theFullyPopulatedGeneratorSetsEveryMemberOfEveryType() {
    Property.tries(20).forAll(sdkBuilds(Presence.ALL_NON_EMPTY), sdk -> {
      Set<String> types = new TreeSet<>();
      List<String> unset = new ArrayList<>();
      walk(sdk, "build", types, unset);

      assertThat(unset).as("members the generator or DomainToSdk left unset").isEmpty();
      assertThat(types).as("SDK types the generator reached").isEqualTo(new TreeSet<>(MAPPED_TYPES));
    });
  }

  @Test
  void theSdksEqualsTellsAnEmptyListSentFromAnAbsentOne() {
    // the identity properties mean something only if this holds
    assertThat(software.amazon.awssdk.services.codebuild.model.Build.builder().reportArns(List.of()).build())
        .isNotEqualTo(software.amazon.awssdk.services.codebuild.model.Build.builder().build());
  }

  @Test
  void anEnumValueTheSdkDoesNotKnowKeepsItsRawStringInTheDomain() {
    var sdk = software.amazon.awssdk.services.codebuild.model.Build.builder()
        .buildStatus("PENDING")
        .currentPhase("NEW_TYPE")
        .phases(BuildPhase.builder().phaseType("NEW_TYPE").phaseStatus("CLIENT_ERROR").build())
        .cache(ProjectCache.builder().modesWithStrings("LOCAL_SOURCE_CACHE", "NEW_MODE").build())
        .build();

    Build domain = SdkToDomain.toDomain(sdk);

    assertThat(domain.buildStatusAsString()).contains("PENDING");
    assertThat(domain.buildStatus()).contains(StatusType.UNKNOWN_TO_SDK_VERSION);
    assertThat(domain.currentPhaseAsString()).contains("NEW_TYPE");
    assertThat(domain.currentPhase()).contains(BuildPhaseType.UNKNOWN_TO_SDK_VERSION);
    assertThat(domain.phases().get(0).phaseTypeAsString()).contains("NEW_TYPE");
    assertThat(domain.phases().get(0).phaseStatusAsString()).contains("CLIENT_ERROR");
    assertThat(domain.phases().get(0).phaseStatus()).contains(StatusType.UNKNOWN_TO_SDK_VERSION);
    assertThat(domain.cache().orElseThrow().modesAsStrings()).containsExactly("LOCAL_SOURCE_CACHE", "NEW_MODE");
    assertThat(domain.cache().orElseThrow().modes())
        .containsExactly(CacheMode.LOCAL_SOURCE_CACHE, CacheMode.UNKNOWN_TO_SDK_VERSION);
    assertThat(DomainToSdk.toSdk(domain).buildStatusAsString()).isEqualTo("PENDING");
  }

  @Test
  void timestampsKeepTheirNanoseconds() {
    Instant start = Instant.ofEpochSecond(1_556_906_956L, 318_123_457);
    Instant end = Instant.ofEpochSecond(-1L, 999_999_999);
    var sdk = software.amazon.awssdk.services.codebuild.model.Build.builder()
        .startTime(start)
        .endTime(end)
        .phases(BuildPhase.builder().startTime(start).endTime(end).build())
        .build();

    Build domain = SdkToDomain.toDomain(sdk);

    assertThat(domain.startTime()).contains(start);
    assertThat(domain.endTime()).contains(end);
    assertThat(domain.phases().get(0).startTime()).contains(start);
    assertThat(DomainToSdk.toSdk(domain).startTime()).isEqualTo(start);
  }

  @Test
  void anEmptyListCodeBuildSentStaysSentAndAnAbsentOneStaysAbsent() {
    var sent = SdkToDomain.toDomain(
        software.amazon.awssdk.services.codebuild.model.Build.builder().reportArns(List.of()).build());
    var absent = SdkToDomain.toDomain(software.amazon.awssdk.services.codebuild.model.Build.builder().build());

    assertThat(sent.reportArns()).isEmpty();
    assertThat(sent.hasReportArns()).isTrue();
    assertThat(absent.reportArns()).isEmpty();
    assertThat(absent.hasReportArns()).isFalse();
    assertThat(absent.id()).isEmpty();
    assertThat(absent.source()).isEmpty();
  }

  /** SDK builds as the SDK would hold CodeBuild's answers: the testkit's builds, mapped once. */
  private static Gen<software.amazon.awssdk.services.codebuild.model.Build> sdkBuilds(Presence presence) {
    return BuildGenerators.anyBuilds(presence).map(DomainToSdk::toSdk);
  }

  // Every SDK field of the pojo and of everything nested in it: a null, or a list the SDK auto-constructed because
  // nobody set it, is a member left unset. BuildBatchSdkMappingTest walks batches with it too.
  static void walk(SdkPojo pojo, String path, Set<String> types, List<String> unset) {
    types.add(pojo.getClass().getSimpleName());
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      String at = path + "." + field.memberName();
      if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
        unset.add(at);
      } else if (value instanceof SdkPojo nested) {
        walk(nested, at, types, unset);
      } else if (value instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i) instanceof SdkPojo element) {
            walk(element, at + "[" + i + "]", types, unset);
          }
        }
      }
    }
  }
}
