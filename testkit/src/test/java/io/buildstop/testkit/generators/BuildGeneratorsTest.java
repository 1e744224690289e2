package io.buildstop.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.properties.Coverage;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The generators make what they promise: real states where asked, and every member both present and absent. */
class BuildGeneratorsTest {

  @Nested
  @DisplayName("runningBuilds")
  class RunningBuilds {
    @Test
    void areInProgressInEveryPhaseFromSubmittedToFinalizing() {
      Coverage<BuildPhaseType> phases = Coverage.of("phase");
      Property.tries(400).forAll(BuildGenerators.runningBuilds(), build -> {
        assertThat(build.buildStatus()).contains(StatusType.IN_PROGRESS);
        assertThat(build.buildComplete()).contains(false);
        assertThat(BuildInvariants.check(build).isRight()).isTrue();
        phases.collect(build.currentPhase().orElseThrow());
      });
      phases.requireEach(BuildLifecycle.RUNNING_PHASES);
    }

    @Test
    void runningInAPhaseIsInThatPhase() {
      for (BuildPhaseType phase : BuildLifecycle.RUNNING_PHASES) {
        Property.tries(20).forAll(BuildGenerators.runningIn(phase), build -> {
          assertThat(build.currentPhase()).contains(phase);
          assertThat(build.buildStatus()).contains(StatusType.IN_PROGRESS);
          assertThat(BuildInvariants.violations(build)).isEmpty();
        });
      }
    }
  }

  @Nested
  @DisplayName("completedBuilds")
  class CompletedBuilds {
    @Test
    void endWithEveryFinalStatus() {
      Coverage<StatusType> statuses = Coverage.of("status");
      Property.tries(300).forAll(BuildGenerators.completedBuilds(), build -> {
        assertThat(build.buildComplete()).contains(true);
        assertThat(build.currentPhase()).contains(BuildPhaseType.COMPLETED);
        assertThat(BuildInvariants.check(build).isRight()).isTrue();
        statuses.collect(build.buildStatus().orElseThrow());
      });
      statuses.requireEach(BuildLifecycle.FINAL_STATUSES);
    }

    @Test
    void completedWithAStatusHasThatStatus() {
      for (StatusType status : BuildLifecycle.FINAL_STATUSES) {
        Property.tries(30).forAll(BuildGenerators.completedWith(status), build -> {
          assertThat(build.buildStatus()).contains(status);
          assertThat(BuildInvariants.violations(build)).isEmpty();
        });
      }
      Property.tries(30).forAll(BuildGenerators.stoppedBuilds(),
          build -> assertThat(build.buildStatus()).contains(StatusType.STOPPED));
    }
  }

  @Nested
  @DisplayName("realBuilds")
  class RealBuilds {
    @Test
    void satisfyEveryInvariantAndCarryAConsistentIdentity() {
      Property.tries(200).forAll(BuildGenerators.realBuilds(), build -> {
        assertThat(BuildInvariants.violations(build)).isEmpty();
        String project = build.projectName().orElseThrow();
        assertThat(build.id()).hasValueSatisfying(id -> assertThat(id).startsWith(project + ":"));
        assertThat(build.arn()).hasValueSatisfying(arn -> assertThat(arn)
            .matches("arn:aws(-cn|-us-gov)?:codebuild:[a-z0-9-]+:[0-9]{12}:build/.+")
            .endsWith(":build/" + build.id().orElseThrow()));
        assertThat(build.buildNumber()).hasValueSatisfying(number -> assertThat(number).isPositive());
      });
    }

    @Test
    void instantsHaveMillisecondPrecision() {
      Property.tries(100).forAll(BuildGenerators.realBuilds(), ValueGenerators.instants(), (build, at) -> {
        assertThat(at.getNano() % 1_000_000).isZero();
        build.phases().forEach(phase -> phase.startTime()
            .ifPresent(start -> assertThat(start.getNano() % 1_000_000).isZero()));
      });
    }
  }

  @Nested
  @DisplayName("anyBuilds")
  class AnyBuilds {
    @Test
    void everyMemberOfABuildIsSometimesPresentAndSometimesAbsent() {
      List<Build> builds = Gens.sample(BuildGenerators.anyBuilds(), 600);

      presence().forEach((member, present) -> {
        assertThat(builds).as(member + " present somewhere").anyMatch(present);
        assertThat(builds).as(member + " absent somewhere").anyMatch(present.negate());
      });
    }

    @Test
    void listsAreAbsentPresentButEmptyAndFilled() {
      List<Build> builds = Gens.sample(BuildGenerators.anyBuilds(), 300);

      assertThat(builds).anyMatch(build -> !build.hasPhases());
      assertThat(builds).anyMatch(build -> build.hasPhases() && build.phases().isEmpty());
      assertThat(builds).anyMatch(build -> !build.phases().isEmpty());
    }

    @Test
    void statusesThisVersionDoesNotKnowTurnUp() {
      List<Build> builds = Gens.sample(BuildGenerators.anyBuilds(), 600);

      assertThat(builds).anyMatch(build -> build.buildStatus().equals(Optional.of(StatusType.UNKNOWN_TO_SDK_VERSION)));
      assertThat(builds).anyMatch(build -> build.buildStatusAsString()
          .filter(ValueGenerators.UNKNOWN_WIRE_VALUES::contains).isPresent());
    }

    @Test
    void nestedMembersAreGeneratedToo() {
      List<ProjectEnvironment> environments = Gens.sample(ValueGenerators.projectEnvironments(), 300);

      assertThat(environments).anyMatch(env -> env.dockerServer().flatMap(docker -> docker.status()).isPresent());
      assertThat(environments).anyMatch(env -> env.computeConfiguration()
          .flatMap(compute -> compute.machineTypeAsString()).isPresent());
      assertThat(environments).anyMatch(env -> env.registryCredential()
          .flatMap(credential -> credential.credential()).isPresent());
      assertThat(environments).anyMatch(env -> env.environmentVariables().stream()
          .anyMatch(variable -> variable.value().isPresent()));
      assertThat(Gens.sample(ValueGenerators.projectCaches(), 200))
          .anyMatch(cache -> cache.cacheNamespace().isPresent() && !cache.modesAsStrings().isEmpty());
      assertThat(Gens.sample(ValueGenerators.logsLocations(), 200))
          .anyMatch(logs -> logs.cloudWatchLogs().isPresent() && logs.s3Logs().isPresent());
      assertThat(Gens.sample(ValueGenerators.projectSources(), 200))
          .anyMatch(source -> source.auth().isPresent() && source.buildStatusConfig().isPresent()
              && source.gitSubmodulesConfig().isPresent());
    }

    private Map<String, Predicate<Build>> presence() {
      Map<String, Predicate<Build>> members = new LinkedHashMap<>();
      members.put("id", build -> build.id().isPresent());
      members.put("arn", build -> build.arn().isPresent());
      members.put("buildNumber", build -> build.buildNumber().isPresent());
      members.put("startTime", build -> build.startTime().isPresent());
      members.put("endTime", build -> build.endTime().isPresent());
      members.put("currentPhase", build -> build.currentPhaseAsString().isPresent());
      members.put("buildStatus", build -> build.buildStatusAsString().isPresent());
      members.put("sourceVersion", build -> build.sourceVersion().isPresent());
      members.put("resolvedSourceVersion", build -> build.resolvedSourceVersion().isPresent());
      members.put("projectName", build -> build.projectName().isPresent());
      members.put("phases", Build::hasPhases);
      members.put("source", build -> build.source().isPresent());
      members.put("secondarySources", Build::hasSecondarySources);
      members.put("secondarySourceVersions", Build::hasSecondarySourceVersions);
      members.put("artifacts", build -> build.artifacts().isPresent());
      members.put("secondaryArtifacts", Build::hasSecondaryArtifacts);
      members.put("cache", build -> build.cache().isPresent());
      members.put("environment", build -> build.environment().isPresent());
      members.put("serviceRole", build -> build.serviceRole().isPresent());
      members.put("logs", build -> build.logs().isPresent());
      members.put("timeoutInMinutes", build -> build.timeoutInMinutes().isPresent());
      members.put("queuedTimeoutInMinutes", build -> build.queuedTimeoutInMinutes().isPresent());
      members.put("buildComplete", build -> build.buildComplete().isPresent());
      members.put("initiator", build -> build.initiator().isPresent());
      members.put("vpcConfig", build -> build.vpcConfig().isPresent());
      members.put("networkInterface", build -> build.networkInterface().isPresent());
      members.put("encryptionKey", build -> build.encryptionKey().isPresent());
      members.put("exportedEnvironmentVariables", Build::hasExportedEnvironmentVariables);
      members.put("reportArns", Build::hasReportArns);
      members.put("fileSystemLocations", Build::hasFileSystemLocations);
      members.put("debugSession", build -> build.debugSession().isPresent());
      members.put("buildBatchArn", build -> build.buildBatchArn().isPresent());
      members.put("autoRetryConfig", build -> build.autoRetryConfig().isPresent());
      assertThat(members).hasSize(33);
      return members;
    }
  }
}
