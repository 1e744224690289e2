package io.buildstop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildArtifacts;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.ExportedEnvironmentVariable;
import io.buildstop.domain.model.ProjectFileSystemLocation;
import io.buildstop.domain.model.ProjectSource;
import io.buildstop.domain.model.ProjectSourceVersion;
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
