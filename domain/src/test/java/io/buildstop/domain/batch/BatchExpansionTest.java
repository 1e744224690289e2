package io.buildstop.domain.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The builds a batch section defines, on the shapes of AWS's batch build examples. */
class BatchExpansionTest {

  static TaskEnvironment computeType(String computeType) {
    return TaskEnvironment.NONE.withComputeType(computeType);
  }

  @Nested
  @DisplayName("a build matrix has one build per combination, the last dimension varying fastest")
  class Matrix {

    // AWS's example: two images and three values of one variable make six builds, image by image
    final BatchSpec.BuildMatrix twoImagesThreeValues = new BatchSpec.BuildMatrix(false,
        new MatrixStatic(Optional.empty(), new TaskEnvironment(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.of(true), Optional.of("LINUX_CONTAINER"), Map.of()), false, false),
        new MatrixDynamic(List.of(), List.of(),
            List.of("aws/codebuild/amazonlinux2-x86_64-standard:3.0", "aws/codebuild/windows-base:2.0"),
            Map.of("MY_VAR", List.of("VALUE1", "VALUE2", "VALUE3"))));

    @Test
    void theDocumentedMatrixOfTwoImagesAndThreeValuesIsSixBuildsImageByImage() {
      List<BatchTask> builds = BatchExpansion.expand(twoImagesThreeValues).get();

      assertThat(builds).extracting(build -> build.environment().image().orElseThrow() + " / MY_VAR="
          + build.environment().variables().get("MY_VAR")).containsExactly(
              "aws/codebuild/amazonlinux2-x86_64-standard:3.0 / MY_VAR=VALUE1",
              "aws/codebuild/amazonlinux2-x86_64-standard:3.0 / MY_VAR=VALUE2",
              "aws/codebuild/amazonlinux2-x86_64-standard:3.0 / MY_VAR=VALUE3",
              "aws/codebuild/windows-base:2.0 / MY_VAR=VALUE1",
              "aws/codebuild/windows-base:2.0 / MY_VAR=VALUE2",
              "aws/codebuild/windows-base:2.0 / MY_VAR=VALUE3");
    }

    @Test
    void everyBuildOfTheMatrixHasTheStaticSettings() {
      assertThat(BatchExpansion.expand(twoImagesThreeValues).get()).allSatisfy(build -> {
        assertThat(build.environment().type()).contains("LINUX_CONTAINER");
        assertThat(build.environment().privilegedMode()).contains(true);
        assertThat(build.ignoreFailure()).isFalse();
      });
    }

    @Test
    void matrixBuildsAreNamedByTheirPositionFromOne() {
      assertThat(BatchExpansion.expand(twoImagesThreeValues).get()).extracting(BatchTask::identifier)
          .containsExactly("build_matrix_1", "build_matrix_2", "build_matrix_3", "build_matrix_4",
              "build_matrix_5", "build_matrix_6");
    }

    @Test
    void buildspecsVarySlowestThenComputeTypesThenImagesThenVariablesAsWritten() {
      Map<String, List<String>> variables = new LinkedHashMap<>();
      variables.put("B", List.of("b1", "b2"));
      variables.put("A", List.of("a1"));
      BatchSpec.BuildMatrix matrix = new BatchSpec.BuildMatrix(false, MatrixStatic.NONE, new MatrixDynamic(
          List.of("one.yml", "two.yml"), List.of("BUILD_GENERAL1_SMALL"), List.of("img"), variables));

      assertThat(BatchExpansion.expand(matrix).get()).extracting(build -> build.buildspec().orElseThrow() + " "
          + build.environment().computeType().orElseThrow() + " " + build.environment().image().orElseThrow() + " "
          + build.environment().variables()).containsExactly(
              "one.yml BUILD_GENERAL1_SMALL img {B=b1, A=a1}",
              "one.yml BUILD_GENERAL1_SMALL img {B=b2, A=a1}",
              "two.yml BUILD_GENERAL1_SMALL img {B=b1, A=a1}",
              "two.yml BUILD_GENERAL1_SMALL img {B=b2, A=a1}");
    }

    @Test
    void aDynamicVariableOverridesAStaticOneOfTheSameNameInItsPlace() {
      TaskEnvironment shared = TaskEnvironment.NONE.withVariable("STAGE", "static").withVariable("OTHER", "x");
      BatchSpec.BuildMatrix matrix = new BatchSpec.BuildMatrix(false,
          new MatrixStatic(Optional.of("shared.yml"), shared, true, true),
          new MatrixDynamic(List.of(), List.of(), List.of(), Map.of("STAGE", List.of("dynamic"))));

      BatchTask build = BatchExpansion.expand(matrix).get().get(0);

      assertThat(build.environment().variables()).containsExactly(Map.entry("STAGE", "dynamic"), Map.entry("OTHER", "x"));
      assertThat(build.buildspec()).contains("shared.yml");
      assertThat(build.debugSession()).isTrue();
      assertThat(build.ignoreFailure()).isTrue();
    }
  }

  @Nested
  @DisplayName("a build list or graph is its entries, in the order written")
  class ListAndGraph {

    @Test
    void theDocumentedDependencyChainIsThreeBuildsAsWritten() {
      BatchSpec.BuildGraph chain = new BatchSpec.BuildGraph(false, List.of(
          BatchTask.named("build1").withEnvironment(computeType("BUILD_GENERAL1_SMALL")),
          BatchTask.named("build2").withEnvironment(computeType("BUILD_GENERAL1_MEDIUM")).withDependOn(List.of("build1")),
          BatchTask.named("build3").withEnvironment(computeType("BUILD_GENERAL1_LARGE")).withDependOn(List.of("build2"))));

      assertThat(BatchExpansion.expand(chain).get()).isEqualTo(chain.tasks());
    }

    @Test
    void aBuildListIsItsEntries() {
      BatchSpec.BuildList list = new BatchSpec.BuildList(true, List.of(
          BatchTask.named("linux_small").withEnvironment(computeType("BUILD_GENERAL1_SMALL")),
          BatchTask.named("windows_medium").withEnvironment(new TaskEnvironment(Optional.of("BUILD_GENERAL1_MEDIUM"),
              Optional.empty(), Optional.of("aws/codebuild/windows-base:2.0"), Optional.empty(),
              Optional.of("WINDOWS_CONTAINER"), Map.of()))));

      assertThat(BatchExpansion.expand(list).get()).isEqualTo(list.tasks());
    }

    @Test
    void dependencyOrderPlacesEveryTaskAfterItsDependenciesAndOtherwiseKeepsTheWrittenOrder() {
      List<BatchTask> tasks = List.of(
          BatchTask.named("deploy").withDependOn(List.of("test", "build")),
          BatchTask.named("test").withDependOn(List.of("build")),
          BatchTask.named("lint"),
          BatchTask.named("build"));

      assertThat(BatchExpansion.dependencyOrder(tasks)).extracting(BatchTask::identifier)
          .containsExactly("lint", "build", "test", "deploy");
    }
  }

  @Nested
  @DisplayName("identifiers CodeBuild generates are buildstop's policy, in one place")
  class Identifiers {

    @Test
    void generatedIdentifiersCountFromOneAndAreValid() {
      assertThat(List.of(BatchIdentifiers.forListEntry(0), BatchIdentifiers.forMatrixBuild(1),
          BatchIdentifiers.forFanoutBuild(99))).containsExactly("build_list_1", "build_matrix_2", "build_fanout_100")
          .allMatch(BatchIdentifiers::isValid);
    }

    @Test
    void aVariableWithoutValueCannotBeMade() {
      Map<String, String> variables = new java.util.HashMap<>();
      variables.put("NAME", null);

      org.assertj.core.api.Assertions.assertThatNullPointerException().isThrownBy(() -> new TaskEnvironment(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), variables));
    }
  }

  @Nested
  @DisplayName("a fan-out is parallelism identical builds")
  class Fanout {

    @Test
    void theDocumentedFanoutOfFiveIsFiveIdenticalBuilds() {
      List<BatchTask> builds = BatchExpansion.expand(new BatchSpec.BuildFanout(false, 5, true)).get();

      assertThat(builds).extracting(BatchTask::identifier).containsExactly(
          "build_fanout_1", "build_fanout_2", "build_fanout_3", "build_fanout_4", "build_fanout_5");
      assertThat(builds).allSatisfy(build -> {
        assertThat(build.ignoreFailure()).isTrue();
        assertThat(build.environment()).isEqualTo(TaskEnvironment.NONE);
      });
    }
  }
}
