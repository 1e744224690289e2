package io.buildstop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.CacheType;
import io.buildstop.domain.model.ComputeType;
import io.buildstop.domain.model.EnvironmentType;
import io.buildstop.domain.model.ImagePullCredentialsType;
import io.buildstop.domain.model.LogsConfigStatusType;
import io.buildstop.domain.model.PhaseContext;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.SourceType;
import io.buildstop.domain.model.StatusType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The captured responses decode member for member")
class CapturedBuildsTest {

  private static Instant epoch(String seconds) {
    return Instant.ofEpochSecond(0).plusNanos(new BigDecimal(seconds).movePointRight(9).longValueExact());
  }

  @Nested
  @DisplayName("stop-build: a build stopped in its BUILD phase (spec §4.2)")
  class StoppedBuild {

    private final Build build = Fixtures.build(Fixtures.STOP_BUILD);

    @Test
    void theBuildIsStoppedAndComplete() {
      assertThat(build.buildStatus()).contains(StatusType.STOPPED);
      assertThat(build.buildStatusAsString()).contains("STOPPED");
      assertThat(build.currentPhase()).contains(BuildPhaseType.COMPLETED);
      assertThat(build.buildComplete()).contains(true);
      assertThat(build.endTime()).contains(epoch("1556906974.781"));
      assertThat(build.startTime()).contains(epoch("1556906956.318"));
    }

    @Test
    void itKeepsItsIdentity() {
      assertThat(build.id()).contains("my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE");
      assertThat(build.arn()).contains(
          "arn:aws:codebuild:us-west-2:123456789012:build/my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE");
      assertThat(build.projectName()).contains("my-demo-project");
      assertThat(build.initiator()).contains("my-aws-account-name");
      assertThat(build.buildNumber()).isEmpty();
    }

    @Test
    void itHasEightPhasesInLifecycleOrder() {
      assertThat(build.hasPhases()).isTrue();
      assertThat(build.phases()).extracting(phase -> phase.phaseType().orElseThrow()).containsExactly(
          BuildPhaseType.SUBMITTED, BuildPhaseType.QUEUED, BuildPhaseType.PROVISIONING,
          BuildPhaseType.DOWNLOAD_SOURCE, BuildPhaseType.INSTALL, BuildPhaseType.PRE_BUILD, BuildPhaseType.BUILD,
          BuildPhaseType.COMPLETED);
    }

    @Test
    void theBuildPhaseClosedAsStoppedWithoutContexts() {
      BuildPhase stopped = build.phases().get(6);

      assertThat(stopped.phaseType()).contains(BuildPhaseType.BUILD);
      assertThat(stopped.phaseStatus()).contains(StatusType.STOPPED);
      assertThat(stopped.startTime()).contains(epoch("1556906973.937"));
      assertThat(stopped.endTime()).contains(epoch("1556906974.781"));
      assertThat(stopped.durationInSeconds()).contains(0L);
      assertThat(stopped.hasContexts()).isFalse();
    }

    @Test
    void aBareCompletedMarkerStartsWhenTheBuildEnds() {
      BuildPhase marker = build.phases().get(7);

      assertThat(marker).isEqualTo(BuildPhase.builder()
          .phaseType(BuildPhaseType.COMPLETED)
          .startTime(epoch("1556906974.781"))
          .build());
      assertThat(marker.startTime()).isEqualTo(build.endTime());
    }

    @Test
    void theClosedPhasesAreContiguous() {
      List<BuildPhase> phases = build.phases();
      for (int i = 0; i + 1 < phases.size(); i++) {
        assertThat(phases.get(i).endTime()).as("end of phase %d", i).isEqualTo(phases.get(i + 1).startTime());
      }
      assertThat(phases.get(0).startTime()).isEqualTo(build.startTime());
    }

    @Test
    void aTimestampKeepsItsExactMilliseconds() {
      BuildPhase install = build.phases().get(4);

      assertThat(install.phaseType()).contains(BuildPhaseType.INSTALL);
      assertThat(install.endTime()).contains(Instant.ofEpochSecond(1556906973L, 750_000_000));
      assertThat(build.phases().get(1).durationInSeconds()).contains(1L);
      assertThat(build.phases().get(2).durationInSeconds()).contains(14L);
    }

    @Test
    void aContextOfEmptyStringsIsSentNotAbsent() {
      BuildPhase provisioning = build.phases().get(2);

      assertThat(provisioning.hasContexts()).isTrue();
      assertThat(provisioning.contexts()).containsExactly(
          PhaseContext.builder().message("").statusCode("").build());
      assertThat(provisioning.contexts().get(0).message()).contains("");
      assertThat(build.phases().get(0).hasContexts()).isFalse();
    }

    @Test
    void itsConfigurationSnapshotIsRead() {
      assertThat(build.source().flatMap(source -> source.type())).contains(SourceType.S3);
      assertThat(build.source().flatMap(source -> source.insecureSsl())).contains(false);
      assertThat(build.source().flatMap(source -> source.location()))
          .contains("codebuild-us-west-2-123456789012-input-bucket/my-source.zip");
      assertThat(build.cache().flatMap(cache -> cache.type())).contains(CacheType.NO_CACHE);
      assertThat(build.artifacts().flatMap(artifacts -> artifacts.overrideArtifactName())).contains(true);
      assertThat(build.artifacts().flatMap(artifacts -> artifacts.encryptionDisabled())).contains(false);
      assertThat(build.timeoutInMinutes()).contains(60);
      assertThat(build.queuedTimeoutInMinutes()).contains(5);
      assertThat(build.serviceRole())
          .contains("arn:aws:iam::123456789012:role/service-role/my-codebuild-service-role");
      assertThat(build.encryptionKey()).contains("arn:aws:kms:us-west-2:123456789012:alias/aws/s3");
    }

    @Test
    void itsEnvironmentHasAnEmptyButSentVariableList() {
      ProjectEnvironment environment = build.environment().orElseThrow();

      assertThat(environment.type()).contains(EnvironmentType.LINUX_CONTAINER);
      assertThat(environment.computeType()).contains(ComputeType.BUILD_GENERAL1_MEDIUM);
      assertThat(environment.image()).contains("aws/codebuild/standard:1.0");
      assertThat(environment.privilegedMode()).contains(false);
      assertThat(environment.imagePullCredentialsType()).contains(ImagePullCredentialsType.CODEBUILD);
      assertThat(environment.environmentVariables()).isEmpty();
      assertThat(environment.hasEnvironmentVariables()).isTrue();
    }

    @Test
    void membersItDidNotSendAreAbsent() {
      assertThat(build.hasSecondarySources()).isFalse();
      assertThat(build.hasSecondaryArtifacts()).isFalse();
      assertThat(build.hasReportArns()).isFalse();
      assertThat(build.vpcConfig()).isEmpty();
      assertThat(build.resolvedSourceVersion()).isEmpty();
      assertThat(build.logs().flatMap(logs -> logs.cloudWatchLogs())).isEmpty();
      assertThat(build.logs().flatMap(logs -> logs.groupName())).contains("/aws/codebuild/my-demo-project");
    }
  }

  @Nested
  @DisplayName("start-build: a build just started (spec §3.8)")
  class StartedBuild {

    private final Build build = Fixtures.build(Fixtures.START_BUILD);

    @Test
    void anIdWithADoubleColonIsKeptVerbatim() {
      assertThat(build.id()).contains("my-demo-project::12345678-a1b2-c3d4-e5f6-11111EXAMPLE");
      assertThat(build.arn())
          .contains("arn:aws:codebuild:us-west-2:123456789012:build/my-demo-project::12345678-a1b2-c3d4-e5f6-11111EXAMPLE");
    }

    @Test
    void itIsInProgressAndQueued() {
      assertThat(build.buildStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(build.currentPhase()).contains(BuildPhaseType.QUEUED);
      assertThat(build.buildComplete()).contains(false);
      assertThat(build.endTime()).isEmpty();
      assertThat(build.phases()).hasSize(2);
      assertThat(build.phases().get(0).phaseStatus()).contains(StatusType.SUCCEEDED);
      assertThat(build.phases().get(1).phaseStatus()).isEmpty();
      assertThat(build.phases().get(1).endTime()).isEmpty();
      assertThat(build.startTime()).contains(epoch("1556905683.568"));
    }
  }

  @Nested
  @DisplayName("retry-build: timestamps sent as ISO-8601 strings")
  class RetriedBuild {

    private final Build build = Fixtures.build(Fixtures.RETRY_BUILD);

    @Test
    void isoTimestampsReadAsTheirInstants() {
      assertThat(build.startTime()).contains(Instant.parse("2020-10-21T17:51:38.161Z"));
      assertThat(build.phases().get(0).startTime()).contains(Instant.parse("2020-10-21T17:51:38.161Z"));
      assertThat(build.phases().get(0).endTime()).contains(Instant.parse("2020-10-21T17:51:38.210Z"));
      assertThat(build.phases().get(1).startTime()).contains(Instant.parse("2020-10-21T17:51:38.210Z"));
    }

    @Test
    void reEncodingWritesEpochSeconds() {
      String reEncoded = WireCodec.STOP_BUILD_RESPONSE.encodeToString(build);

      assertThat(Fixtures.numberLiterals(reEncoded))
          .containsEntry("/build/startTime", "1603302698.161")
          .containsEntry("/build/phases/0/endTime", "1603302698.21")
          .containsEntry("/build/buildNumber", "9");
      assertThat(WireCodec.STOP_BUILD_RESPONSE.decode(reEncoded).get()).isEqualTo(build);
    }

    @Test
    void itsPlaceholdersAndNestedMembersAreRead() {
      assertThat(build.id()).contains("<project-name>:<build-ID>");
      assertThat(build.buildNumber()).contains(9L);
      assertThat(build.source().flatMap(source -> source.gitSubmodulesConfig())
          .flatMap(config -> config.fetchSubmodules())).contains(false);
      assertThat(build.logs().flatMap(logs -> logs.s3Logs()).flatMap(s3 -> s3.status()))
          .contains(LogsConfigStatusType.DISABLED);
      assertThat(build.logs().flatMap(logs -> logs.s3Logs()).flatMap(s3 -> s3.encryptionDisabled()))
          .contains(false);
      assertThat(build.artifacts().flatMap(artifacts -> artifacts.location())).contains("");
      assertThat(build.hasSecondarySourceVersions()).isTrue();
      assertThat(build.secondarySourceVersions()).isEmpty();
    }
  }

  @Nested
  @DisplayName("batch-get-builds: two completed builds and no missing ids")
  class BatchOfBuilds {

    private final BatchGetBuildsResponse response = WireCodec.BATCH_GET_BUILDS_RESPONSE
        .decode(Fixtures.text(Fixtures.BATCH_GET_BUILDS))
        .getOrElseThrow(error -> new AssertionError(error.message()));

    @Test
    void bothBuildsAreReadAndNoIdIsMissing() {
      assertThat(response.builds()).extracting(build -> build.id().orElseThrow()).containsExactly(
          "codebuild-demo-project:e9c4f4df-3f43-41d2-ab3a-60fe2EXAMPLE",
          "codebuild-demo-project:815e755f-bade-4a7e-80f0-efe51EXAMPLE");
      assertThat(response.buildsNotFound()).isEmpty();
      assertThat(response.hasBuildsNotFound()).isTrue();
    }

    @Test
    void aSucceededBuildHasElevenPhasesEndingInTheCompletedMarker() {
      Build first = response.builds().get(0);

      assertThat(first.buildStatus()).contains(StatusType.SUCCEEDED);
      assertThat(first.phases()).hasSize(11);
      assertThat(first.phases().get(10).phaseType()).contains(BuildPhaseType.COMPLETED);
      assertThat(first.phases().get(10).startTime()).isEqualTo(first.endTime());
      assertThat(first.resolvedSourceVersion()).contains("f2194c1757bbdcb0f8f229254a4b3c8b27d43e0b");
    }

    @Test
    void aTimestampPrintedWithTwoDigitsKeepsItsValue() {
      assertThat(response.builds().get(1).startTime()).contains(Instant.ofEpochSecond(1548716241L, 890_000_000));
    }

    @Test
    void eachBuildKeepsWhichEmptyListsItSent() {
      Build first = response.builds().get(0);
      Build second = response.builds().get(1);

      assertThat(first.hasSecondaryArtifacts()).isTrue();
      assertThat(first.hasSecondarySources()).isTrue();
      assertThat(first.hasSecondarySourceVersions()).isFalse();
      assertThat(second.hasSecondarySourceVersions()).isTrue();
      assertThat(second.source().flatMap(source -> source.reportBuildStatus())).contains(false);
      assertThat(first.artifacts().flatMap(artifacts -> artifacts.overrideArtifactName())).isEqualTo(Optional.empty());
    }
  }
}
