package io.buildstop.domain.arbitraries;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.Build;
import io.buildstop.domain.BuildPhaseType;
import io.buildstop.domain.ProjectEnvironment;
import io.buildstop.domain.StatusType;
import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import net.jqwik.api.statistics.Statistics;

/** The generators make what they promise: real states where asked, and every member both present and absent. */
@Domain(BuildDomain.class)
@Domain(DomainContext.Global.class)
class BuildDomainTest {

  @Group
  @Label("runningBuilds")
  class RunningBuilds {
    @Property(tries = 400)
    void areInProgressInEveryPhaseFromSubmittedToFinalizing(@ForAll @Running Build build) {
      assertThat(build.buildStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(build.buildComplete()).contains(false);
      assertThat(BuildInvariants.check(build).isRight()).isTrue();

      Statistics.label("phase").collect(build.currentPhase().orElseThrow());
      Statistics.label("phase").coverage(coverage -> BuildLifecycle.RUNNING_PHASES
          .forEach(phase -> coverage.check(phase).count(count -> count > 0)));
    }
  }

  @Group
  @Label("completedBuilds")
  class CompletedBuilds {
    @Property(tries = 300)
    void endWithEveryFinalStatus(@ForAll @Completed Build build) {
      assertThat(build.buildComplete()).contains(true);
      assertThat(build.currentPhase()).contains(BuildPhaseType.COMPLETED);
      assertThat(BuildInvariants.check(build).isRight()).isTrue();

      Statistics.label("status").collect(build.buildStatus().orElseThrow());
      Statistics.label("status").coverage(coverage -> BuildLifecycle.FINAL_STATUSES
          .forEach(status -> coverage.check(status).count(count -> count > 0)));
    }
  }

  @Group
  @Label("realBuilds")
  class RealBuilds {
    @Property(tries = 200)
    void satisfyEveryInvariantAndCarryAConsistentIdentity(@ForAll @Real Build build) {
      assertThat(BuildInvariants.violations(build)).isEmpty();
      String project = build.projectName().orElseThrow();
      assertThat(build.id()).hasValueSatisfying(id -> assertThat(id).startsWith(project + ":"));
      assertThat(build.arn()).hasValueSatisfying(arn -> assertThat(arn)
          .matches("arn:aws(-cn|-us-gov)?:codebuild:[a-z0-9-]+:[0-9]{12}:build/.+")
          .endsWith(":build/" + build.id().orElseThrow()));
      assertThat(build.buildNumber()).hasValueSatisfying(number -> assertThat(number).isPositive());
    }

    @Property(tries = 100)
    void instantsHaveMillisecondPrecision(@ForAll @Real Build build, @ForAll Instant at) {
      assertThat(at.getNano() % 1_000_000).isZero();
      build.phases().forEach(phase -> phase.startTime()
          .ifPresent(start -> assertThat(start.getNano() % 1_000_000).isZero()));
    }
  }

  @Group
  @Label("anyBuilds")
  class AnyBuilds {
    @Example
    void everyMemberOfABuildIsSometimesPresentAndSometimesAbsent() {
      List<Build> builds = BuildDomain.anyBuilds().sampleStream().limit(600).toList();

      presence().forEach((member, present) -> {
        assertThat(builds).as(member + " present somewhere").anyMatch(present);
        assertThat(builds).as(member + " absent somewhere").anyMatch(present.negate());
      });
    }

    @Example
    void listsAreAbsentPresentButEmptyAndFilled() {
      List<Build> builds = BuildDomain.anyBuilds().sampleStream().limit(300).toList();

      assertThat(builds).anyMatch(build -> !build.hasPhases());
      assertThat(builds).anyMatch(build -> build.hasPhases() && build.phases().isEmpty());
      assertThat(builds).anyMatch(build -> !build.phases().isEmpty());
    }

    @Example
    void statusesThisVersionDoesNotKnowTurnUp() {
      List<Build> builds = BuildDomain.anyBuilds().sampleStream().limit(600).toList();

      assertThat(builds).anyMatch(build -> build.buildStatus().equals(Optional.of(StatusType.UNKNOWN_TO_SDK_VERSION)));
      assertThat(builds).anyMatch(build -> build.buildStatusAsString()
          .filter(ValueArbitraries.UNKNOWN_WIRE_VALUES::contains).isPresent());
    }

    @Example
    void nestedMembersAreGeneratedToo() {
      List<ProjectEnvironment> environments = ValueArbitraries.projectEnvironments().sampleStream().limit(300).toList();

      assertThat(environments).anyMatch(env -> env.dockerServer().flatMap(docker -> docker.status()).isPresent());
      assertThat(environments).anyMatch(env -> env.computeConfiguration()
          .flatMap(compute -> compute.machineTypeAsString()).isPresent());
      assertThat(environments).anyMatch(env -> env.registryCredential()
          .flatMap(credential -> credential.credential()).isPresent());
      assertThat(environments).anyMatch(env -> env.environmentVariables().stream()
          .anyMatch(variable -> variable.value().isPresent()));
      assertThat(ValueArbitraries.projectCaches().sampleStream().limit(200))
          .anyMatch(cache -> cache.cacheNamespace().isPresent() && !cache.modesAsStrings().isEmpty());
      assertThat(ValueArbitraries.logsLocations().sampleStream().limit(200))
          .anyMatch(logs -> logs.cloudWatchLogs().isPresent() && logs.s3Logs().isPresent());
      assertThat(ValueArbitraries.projectSources().sampleStream().limit(200))
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
