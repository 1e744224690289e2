package io.buildstop.memory.buildspec;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BatchSpecFailure;
import io.buildstop.domain.InvalidBatchSpecReason;
import io.buildstop.domain.batch.BatchExpansion;
import io.buildstop.domain.batch.BatchSpec;
import io.buildstop.domain.batch.BatchTask;
import io.buildstop.domain.batch.MatrixDynamic;
import io.buildstop.domain.batch.MatrixStatic;
import io.buildstop.domain.batch.TaskEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The batch section of a buildspec, read as CodeBuild reads it, on the shapes of AWS's documented examples. */
class BatchBuildspecReaderTest {

  static BatchSpec read(String yaml) {
    return BatchBuildspecReader.read(yaml).get().orElseThrow();
  }

  static BatchSpecFailure refusal(String yaml) {
    return BatchBuildspecReader.read(yaml).getLeft();
  }

  static TaskEnvironment computeType(String computeType) {
    return TaskEnvironment.NONE.withComputeType(computeType);
  }

  @Nested
  @DisplayName("the documented kinds are read into typed values")
  class DocumentedKinds {

    @Test
    void aBuildGraphWithADependencyChain() {
      BatchSpec spec = read("""
          version: 0.2
          batch:
            fast-fail: false
            build-graph:
              - identifier: build1
                env:
                  variables:
                    BUILD_ID: build1
                ignore-failure: false
              - identifier: build2
                buildspec: build2.yml
                env:
                  variables:
                    BUILD_ID: build2
                depend-on:
                  - build1
              - identifier: build3
                env:
                  variables:
                    BUILD_ID: build3
                depend-on:
                  - build2
          phases:
            build:
              commands:
                - echo hello
          """);

      assertThat(spec).isEqualTo(new BatchSpec.BuildGraph(false, List.of(
          BatchTask.named("build1").withEnvironment(TaskEnvironment.NONE.withVariable("BUILD_ID", "build1")),
          new BatchTask("build2", Optional.of("build2.yml"), TaskEnvironment.NONE.withVariable("BUILD_ID", "build2"),
              false, false, List.of("build1")),
          BatchTask.named("build3").withEnvironment(TaskEnvironment.NONE.withVariable("BUILD_ID", "build3"))
              .withDependOn(List.of("build2")))));
    }

    @Test
    void aBuildGraphWithComputeTypesAndDebugSessions() {
      BatchSpec spec = read("""
          batch:
            fast-fail: true
            build-graph:
              - identifier: build1
                env:
                  compute-type: BUILD_GENERAL1_SMALL
                debug-session: true
              - identifier: build2
                env:
                  compute-type: BUILD_GENERAL1_MEDIUM
                depend-on:
                  - build1
                debug-session: false
          """);

      assertThat(spec).isEqualTo(new BatchSpec.BuildGraph(true, List.of(
          new BatchTask("build1", Optional.empty(), computeType("BUILD_GENERAL1_SMALL"), true, false, List.of()),
          BatchTask.named("build2").withEnvironment(computeType("BUILD_GENERAL1_MEDIUM"))
              .withDependOn(List.of("build1")))));
    }

    @Test
    void aBuildListOfALinuxAndAWindowsBuild() {
      BatchSpec spec = read("""
          batch:
            build-list:
              - identifier: linux_small
                env:
                  compute-type: BUILD_GENERAL1_SMALL
                ignore-failure: false
              - identifier: windows_medium
                env:
                  type: WINDOWS_SERVER_2019_CONTAINER
                  image: aws/codebuild/windows-base:2019-1.0
                  compute-type: BUILD_GENERAL1_MEDIUM
                  privileged-mode: false
                ignore-failure: true
          """);

      assertThat(spec).isEqualTo(new BatchSpec.BuildList(false, List.of(
          BatchTask.named("linux_small").withEnvironment(computeType("BUILD_GENERAL1_SMALL")),
          new BatchTask("windows_medium", Optional.empty(), new TaskEnvironment(Optional.of("BUILD_GENERAL1_MEDIUM"),
              Optional.empty(), Optional.of("aws/codebuild/windows-base:2019-1.0"), Optional.of(false),
              Optional.of("WINDOWS_SERVER_2019_CONTAINER"), Map.of()), false, true, List.of()))));
    }

    @Test
    void aBuildMatrixOfTwoImagesAndThreeValuesIsSixBuilds() {
      BatchSpec spec = read("""
          batch:
            build-matrix:
              static:
                ignore-failure: false
                env:
                  type: LINUX_CONTAINER
                  privileged-mode: true
              dynamic:
                env:
                  image:
                    - aws/codebuild/amazonlinux2-x86_64-standard:3.0
                    - aws/codebuild/windows-base:2019-1.0
                  variables:
                    MY_VAR:
                      - VALUE1
                      - VALUE2
                      - VALUE3
          """);

      assertThat(spec).isEqualTo(new BatchSpec.BuildMatrix(false,
          new MatrixStatic(Optional.empty(), new TaskEnvironment(Optional.empty(), Optional.empty(), Optional.empty(),
              Optional.of(true), Optional.of("LINUX_CONTAINER"), Map.of()), false, false),
          new MatrixDynamic(List.of(), List.of(),
              List.of("aws/codebuild/amazonlinux2-x86_64-standard:3.0", "aws/codebuild/windows-base:2019-1.0"),
              Map.of("MY_VAR", List.of("VALUE1", "VALUE2", "VALUE3")))));
      assertThat(BatchExpansion.expand(spec).get()).hasSize(6);
    }

    @Test
    void aMatrixOfBuildspecs() {
      BatchSpec spec = read("""
          batch:
            build-matrix:
              dynamic:
                buildspec:
                  - matrix1.yml
                  - matrix2.yml
          """);

      assertThat(BatchExpansion.expand(spec).get()).extracting(task -> task.buildspec().orElseThrow())
          .containsExactly("matrix1.yml", "matrix2.yml");
    }

    @Test
    void aBuildFanoutOfFive() {
      assertThat(read("""
          batch:
            fast-fail: false
            build-fanout:
              parallelism: 5
              ignore-failure: false
          """)).isEqualTo(new BatchSpec.BuildFanout(false, 5, false));
    }

    @Test
    void scalarsKeepTheirTextSoVersionsAreNotTurnedIntoNumbers() {
      BatchSpec spec = read("""
          batch:
            build-list:
              - identifier: py
                env:
                  variables:
                    PYTHON: 3.10
                    RETRIES: 007
          """);

      assertThat(((BatchSpec.BuildList) spec).tasks().get(0).environment().variables())
          .containsExactly(Map.entry("PYTHON", "3.10"), Map.entry("RETRIES", "007"));
    }

    @Test
    void aBuildListEntryWithoutIdentifierIsNamedByItsPosition() {
      BatchSpec spec = read("""
          batch:
            build-list:
              - buildspec: a.yml
              - identifier: named
          """);

      assertThat(((BatchSpec.BuildList) spec).tasks()).extracting(BatchTask::identifier)
          .containsExactly("build_list_1", "named");
    }
  }

  @Nested
  @DisplayName("a buildspec without a batch section has none")
  class NoBatch {

    @Test
    void aBuildspecWithPhasesOnlyHasNoBatchSection() {
      assertThat(BatchBuildspecReader.read("version: 0.2\nphases:\n  build:\n    commands: [make]\n").get()).isEmpty();
    }

    @Test
    void anEmptyTextHasNoBatchSection() {
      assertThat(BatchBuildspecReader.read("").get()).isEmpty();
      assertThat(BatchBuildspecReader.read("# only a comment\n").get()).isEmpty();
    }
  }

  @Nested
  @DisplayName("a section of the wrong shape is refused, naming its path")
  class WrongShape {

    @Test
    void aStringWhereTheDependenciesListIsNeeded() {
      assertThat(refusal("""
          batch:
            build-graph:
              - identifier: a
              - identifier: b
                depend-on: a
          """)).isEqualTo(BatchSpecFailure.at(InvalidBatchSpecReason.WRONG_TYPE, "batch/build-graph[1]/depend-on",
              "a scalar where a list is needed"));
    }

    @Test
    void aListWhereTheEnvironmentMappingIsNeeded() {
      assertThat(refusal("batch:\n  build-list:\n    - identifier: a\n      env: [x]\n").path())
          .isEqualTo("batch/build-list[0]/env");
    }

    @Test
    void yesIsNoBooleanInYaml12() {
      assertThat(refusal("batch:\n  fast-fail: yes\n  build-fanout:\n    parallelism: 2\n")).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.WRONG_TYPE, "batch/fast-fail", "yes where true or false is needed"));
    }

    @Test
    void aQuotedNumberIsNoParallelism() {
      assertThat(refusal("batch:\n  build-fanout:\n    parallelism: \"5\"\n").reason())
          .isEqualTo(InvalidBatchSpecReason.WRONG_TYPE);
    }

    @Test
    void aParallelismBeyondIntegersIsRefusedAsParallelism() {
      assertThat(refusal("batch:\n  build-fanout:\n    parallelism: 99999999999999999999\n")).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.INVALID_PARALLELISM, "batch/build-fanout/parallelism",
              "99999999999999999999"));
    }

    @Test
    void aBatchThatIsAList() {
      assertThat(refusal("batch: [build-list]\n").path()).isEqualTo("batch");
    }

    @Test
    void aBuildspecThatIsNoMapping() {
      assertThat(refusal("just a path.yml").reason()).isEqualTo(InvalidBatchSpecReason.WRONG_TYPE);
    }
  }

  @Nested
  @DisplayName("a batch section names exactly one kind, and only the members CodeBuild documents")
  class Kinds {

    @Test
    void anUnknownKind() {
      assertThat(refusal("batch:\n  build-lists:\n    - identifier: a\n")).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.UNKNOWN_KEY, "batch", "build-lists"));
    }

    @Test
    void twoKindsAtOnce() {
      assertThat(refusal("batch:\n  build-list: [{identifier: a}]\n  build-graph: [{identifier: b}]\n")).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.SEVERAL_BATCH_KINDS, "batch", "build-list, build-graph"));
    }

    @Test
    void noKind() {
      assertThat(refusal("batch:\n  fast-fail: true\n")).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.NO_BATCH_KIND, "batch"));
    }

    @Test
    void aMisspeltDependencyKeyIsRefusedNotIgnored() {
      assertThat(refusal("batch:\n  build-graph:\n    - identifier: a\n    - identifier: b\n      depends-on: [a]\n"))
          .isEqualTo(BatchSpecFailure.at(InvalidBatchSpecReason.UNKNOWN_KEY, "batch/build-graph[1]", "depends-on"));
    }

    @Test
    void aFleetIsNoDynamicDimension() {
      assertThat(refusal("batch:\n  build-matrix:\n    dynamic:\n      env:\n        fleet: [a, b]\n")).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.UNKNOWN_KEY, "batch/build-matrix/dynamic/env", "fleet"));
    }

    @Test
    void aGraphTaskWithoutIdentifier() {
      assertThat(refusal("batch:\n  build-graph:\n    - buildspec: a.yml\n")).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.MISSING_MEMBER, "batch/build-graph[0]/identifier"));
    }

    @Test
    void aFanoutWithoutParallelism() {
      assertThat(refusal("batch:\n  build-fanout:\n    ignore-failure: true\n")).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.MISSING_MEMBER, "batch/build-fanout/parallelism"));
    }

    @Test
    void anEmptyImageDimension() {
      assertThat(refusal("batch:\n  build-matrix:\n    dynamic:\n      env:\n        image: []\n")).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.EMPTY_DIMENSION, "batch/build-matrix/dynamic/env/image"));
    }
  }

  @Nested
  @DisplayName("the domain's rules apply to what was read")
  class DomainRules {

    @Test
    void aCycleIsRefusedWithItsPath() {
      BatchSpecFailure failure = refusal("""
          batch:
            build-graph:
              - identifier: a
                depend-on: [b]
              - identifier: b
                depend-on: [a]
          """);

      assertThat(failure).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.DEPENDENCY_CYCLE, "batch/build-graph[0]/depend-on", "a"));
      assertThat(failure.toStopFailure().message()).startsWith("BATCH_SPEC_VALIDATION_ERROR: batch/build-graph[0]");
    }

    @Test
    void aHyphenatedIdentifierIsRefusedAsCodeBuildRefusesIt() {
      assertThat(refusal("batch:\n  build-list:\n    - identifier: multi-env-app\n").reason())
          .isEqualTo(InvalidBatchSpecReason.INVALID_IDENTIFIER);
    }
  }

  @Nested
  @DisplayName("text that is not YAML is refused, never thrown")
  class Malformed {

    @Test
    void anUnclosedFlowList() {
      BatchSpecFailure failure = refusal("batch:\n  build-list: [a\n");

      assertThat(failure.reason()).isEqualTo(InvalidBatchSpecReason.MALFORMED_YAML);
      assertThat(failure.message()).startsWith("YAML_FILE_ERROR: the buildspec is not valid YAML (got ");
    }

    @Test
    void aRepeatedKey() {
      assertThat(refusal("batch:\n  fast-fail: true\n  fast-fail: false\n  build-fanout: {parallelism: 1}\n"))
          .isEqualTo(BatchSpecFailure.at(InvalidBatchSpecReason.MALFORMED_YAML, "batch",
              "the key fast-fail more than once"));
    }

    @Test
    void twoDocuments() {
      assertThat(refusal("a: 1\n---\nb: 2\n").reason()).isEqualTo(InvalidBatchSpecReason.MALFORMED_YAML);
    }

    @Test
    void anUndefinedAlias() {
      assertThat(refusal("batch: *nowhere\n").reason()).isEqualTo(InvalidBatchSpecReason.MALFORMED_YAML);
    }
  }

  @Nested
  @DisplayName("the reader is bounded: bombs, huge and deep documents are refused quickly")
  class Bounds {

    @Test
    @Timeout(5)
    void aBillionLaughsIsRefusedWithoutExpandingIt() {
      StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
      for (char level = 'b'; level <= 'i'; level++) {
        char previous = (char) (level - 1);
        bomb.append(level).append(": &").append(level).append(" [");
        for (int i = 0; i < 9; i++) {
          bomb.append(i == 0 ? "" : ",").append('*').append(previous);
        }
        bomb.append("]\n");
      }
      bomb.append("batch:\n  build-matrix:\n    dynamic:\n      env:\n        image: *i\n");

      assertThat(refusal(bomb.toString())).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.TOO_LARGE, "", "more than 50 aliases"));
    }

    @Test
    void aFewAliasesAreRead() {
      BatchSpec spec = read("""
          shared: &small
            compute-type: BUILD_GENERAL1_SMALL
          batch:
            build-list:
              - identifier: a
                env: *small
              - identifier: b
                env: *small
          """);

      assertThat(((BatchSpec.BuildList) spec).tasks()).allSatisfy(task ->
          assertThat(task.environment().computeType()).contains("BUILD_GENERAL1_SMALL"));
    }

    @Test
    @Timeout(10)
    void aDeeplyNestedDocumentIsRefusedWithoutOverflowingTheStack() {
      String deep = "batch: " + "[".repeat(100_000) + "]".repeat(100_000);

      assertThat(refusal(deep)).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.TOO_LARGE, "", "nesting deeper than 64"));
    }

    @Test
    @Timeout(10)
    void aDeeplyIndentedDocumentIsRefused() {
      StringBuilder deep = new StringBuilder();
      for (int i = 0; i < 2_000; i++) {
        deep.append(" ".repeat(i)).append("k").append(i).append(":\n");
      }
      assertThat(refusal(deep.toString()).reason()).isEqualTo(InvalidBatchSpecReason.TOO_LARGE);
    }

    @Test
    @Timeout(10)
    void aDocumentOfMoreThan256KiCodePointsIsRefused() {
      String huge = "# " + "x".repeat(BatchBuildspecReader.MAX_CODE_POINTS) + "\n";

      assertThat(refusal(huge)).isEqualTo(BatchSpecFailure.at(InvalidBatchSpecReason.TOO_LARGE, "",
          "more than 262144 code points"));
    }

    @Test
    void aDocumentJustUnderTheLimitIsRead() {
      String large = "# " + "x".repeat(BatchBuildspecReader.MAX_CODE_POINTS - 100) + "\n"
          + "batch: {build-fanout: {parallelism: 3}}\n";

      assertThat(BatchBuildspecReader.read(large).get()).contains(new BatchSpec.BuildFanout(false, 3, false));
    }
  }

  @Test
  void theLimitsAreDocumentedValues() {
    assertThat(BatchBuildspecReader.MAX_DEPTH).isEqualTo(64);
    assertThat(BatchBuildspecReader.MAX_ALIASES).isEqualTo(50);
    assertThat(BatchBuildspecReader.MAX_CODE_POINTS).isEqualTo(262_144);
  }
}
