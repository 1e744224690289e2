package io.buildstop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.BatchRestrictions;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildArtifacts;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildBatchPhase;
import io.buildstop.domain.model.BuildGroup;
import io.buildstop.domain.model.BuildSummary;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.ExportedEnvironmentVariable;
import io.buildstop.domain.model.Project;
import io.buildstop.domain.model.ProjectArtifacts;
import io.buildstop.domain.model.ProjectFileSystemLocation;
import io.buildstop.domain.model.ProjectSource;
import io.buildstop.domain.model.ProjectSourceVersion;
import io.buildstop.domain.model.Tag;
import io.buildstop.domain.model.VpcConfig;
import io.buildstop.testkit.generators.BuildGenerators;
import io.buildstop.testkit.generators.ValueGenerators;
import io.buildstop.testkit.properties.Property;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Filling one list of a value marks that list sent and leaves every other hasX flag as it was. */
@DisplayName("hasX flags")
class PresencePropertiesTest {

  private record ListMember<V>(String name, UnaryOperator<V> fill, Predicate<V> sent) {}

  private static final List<ListMember<Build>> BUILD_LISTS = List.of(
      new ListMember<>("phases", b -> b.withPhases(BuildPhase.builder().build()), Build::hasPhases),
      new ListMember<>("secondarySources", b -> b.withSecondarySources(ProjectSource.builder().build()),
          Build::hasSecondarySources),
      new ListMember<>("secondarySourceVersions",
          b -> b.withSecondarySourceVersions(ProjectSourceVersion.builder().build()),
          Build::hasSecondarySourceVersions),
      new ListMember<>("secondaryArtifacts", b -> b.withSecondaryArtifacts(BuildArtifacts.builder().build()),
          Build::hasSecondaryArtifacts),
      new ListMember<>("exportedEnvironmentVariables",
          b -> b.withExportedEnvironmentVariables(ExportedEnvironmentVariable.builder().build()),
          Build::hasExportedEnvironmentVariables),
      new ListMember<>("reportArns", b -> b.withReportArns("arn"), Build::hasReportArns),
      new ListMember<>("fileSystemLocations",
          b -> b.withFileSystemLocations(ProjectFileSystemLocation.builder().build()), Build::hasFileSystemLocations));

  private static final List<ListMember<BuildBatch>> BATCH_LISTS = List.of(
      new ListMember<>("phases", b -> b.withPhases(BuildBatchPhase.builder().build()), BuildBatch::hasPhases),
      new ListMember<>("secondarySources", b -> b.withSecondarySources(ProjectSource.builder().build()),
          BuildBatch::hasSecondarySources),
      new ListMember<>("secondarySourceVersions",
          b -> b.withSecondarySourceVersions(ProjectSourceVersion.builder().build()),
          BuildBatch::hasSecondarySourceVersions),
      new ListMember<>("secondaryArtifacts", b -> b.withSecondaryArtifacts(BuildArtifacts.builder().build()),
          BuildBatch::hasSecondaryArtifacts),
      new ListMember<>("fileSystemLocations",
          b -> b.withFileSystemLocations(ProjectFileSystemLocation.builder().build()),
          BuildBatch::hasFileSystemLocations),
      new ListMember<>("buildGroups", b -> b.withBuildGroups(BuildGroup.builder().build()), BuildBatch::hasBuildGroups),
      new ListMember<>("reportArns", b -> b.withReportArns("arn"), BuildBatch::hasReportArns));

  private static final List<ListMember<BuildGroup>> GROUP_LISTS = List.of(
      new ListMember<>("dependsOn", g -> g.withDependsOn("build1"), BuildGroup::hasDependsOn),
      new ListMember<>("priorBuildSummaryList", g -> g.withPriorBuildSummaryList(BuildSummary.builder().build()),
          BuildGroup::hasPriorBuildSummaryList));

  private static final List<ListMember<BatchRestrictions>> RESTRICTION_LISTS = List.of(
      new ListMember<>("computeTypesAllowed", r -> r.withComputeTypesAllowed("BUILD_GENERAL1_SMALL"),
          BatchRestrictions::hasComputeTypesAllowed),
      new ListMember<>("fleetsAllowed", r -> r.withFleetsAllowed("fleet"), BatchRestrictions::hasFleetsAllowed));

  private static final List<ListMember<Project>> PROJECT_LISTS = List.of(
      new ListMember<>("secondarySources", p -> p.withSecondarySources(ProjectSource.builder().build()),
          Project::hasSecondarySources),
      new ListMember<>("secondarySourceVersions",
          p -> p.withSecondarySourceVersions(ProjectSourceVersion.builder().build()),
          Project::hasSecondarySourceVersions),
      new ListMember<>("secondaryArtifacts", p -> p.withSecondaryArtifacts(ProjectArtifacts.builder().build()),
          Project::hasSecondaryArtifacts),
      new ListMember<>("tags", p -> p.withTags(Tag.builder().build()), Project::hasTags),
      new ListMember<>("fileSystemLocations",
          p -> p.withFileSystemLocations(ProjectFileSystemLocation.builder().build()), Project::hasFileSystemLocations));

  private static final List<ListMember<VpcConfig>> VPC_LISTS = List.of(
      new ListMember<>("subnets", v -> v.withSubnets("subnet-1"), VpcConfig::hasSubnets),
      new ListMember<>("securityGroupIds", v -> v.withSecurityGroupIds("sg-1"), VpcConfig::hasSecurityGroupIds));

  @Test
  void fillingOneListOfABuildKeepsEveryOtherFlag() {
    Property.tries(300).forAll(BuildGenerators.anyBuilds(), build -> {
      checkEachList(build, BUILD_LISTS);
    });
  }

  @Test
  void fillingOneListOfABatchKeepsEveryOtherFlag() {
    Property.tries(300).forAll(ValueGenerators.buildBatches(), batch -> {
      checkEachList(batch, BATCH_LISTS);
    });
  }

  @Test
  void fillingOneListOfABuildGroupKeepsTheOtherFlag() {
    Property.tries(100).forAll(ValueGenerators.buildGroups(), group -> {
      checkEachList(group, GROUP_LISTS);
    });
  }

  @Test
  void fillingOneListOfBatchRestrictionsKeepsTheOtherFlag() {
    Property.tries(100).forAll(ValueGenerators.batchRestrictions(), restrictions -> {
      checkEachList(restrictions, RESTRICTION_LISTS);
    });
  }

  @Test
  void fillingOneListOfAProjectKeepsEveryOtherFlag() {
    Property.tries(300).forAll(ValueGenerators.projects(), project -> {
      checkEachList(project, PROJECT_LISTS);
    });
  }

  @Test
  void fillingOneListOfAVpcConfigKeepsTheOtherFlag() {
    Property.tries(100).forAll(ValueGenerators.vpcConfigs(), vpc -> {
      checkEachList(vpc, VPC_LISTS);
    });
  }

  private static <V> void checkEachList(V value, List<ListMember<V>> lists) {
    for (ListMember<V> filled : lists) {
      V copy = filled.fill().apply(value);
      for (ListMember<V> other : lists) {
        boolean expected = other == filled || other.sent().test(value);
        assertThat(other.sent().test(copy)).as("%s after filling %s", other.name(), filled.name())
            .isEqualTo(expected);
      }
    }
  }
}
