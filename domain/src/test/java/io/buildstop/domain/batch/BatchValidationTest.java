package io.buildstop.domain.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BatchSpecFailure;
import io.buildstop.domain.InvalidBatchSpecReason;
import io.buildstop.domain.StopFailure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The batch sections CodeBuild refuses, one rule at a time, each answered with the rule, the path and the input. */
class BatchValidationTest {

  static BatchSpecFailure refusal(BatchSpec spec) {
    return BatchValidation.validate(spec).getLeft();
  }

  static BatchSpec graph(BatchTask... tasks) {
    return new BatchSpec.BuildGraph(false, List.of(tasks));
  }

  static BatchTask task(String identifier, String... dependOn) {
    return BatchTask.named(identifier).withDependOn(List.of(dependOn));
  }

  static BatchSpec matrix(MatrixDynamic dynamic) {
    return new BatchSpec.BuildMatrix(false, MatrixStatic.NONE, dynamic);
  }

  @Nested
  @DisplayName("identifiers: CodeBuild's form, once per batch")
  class Identifiers {

    @Test
    void anIdentifierWithAHyphenIsRefusedWithCodeBuildsSentence() {
      BatchSpecFailure failure = refusal(new BatchSpec.BuildList(false, List.of(task("ok_one"), task("multi-env-app"))));

      assertThat(failure).isEqualTo(BatchSpecFailure.at(
          InvalidBatchSpecReason.INVALID_IDENTIFIER, "batch/build-list[1]/identifier", "multi-env-app"));
      assertThat(failure.message()).isEqualTo("BATCH_SPEC_VALIDATION_ERROR: batch/build-list[1]/identifier: Build"
          + " Identifiers must contain only alphanumeric characters and underscores and be less than 128 characters"
          + " in length (got \"multi-env-app\")");
    }

    @Test
    void anIdentifierOf127CharactersIsAcceptedAndOf128Refused() {
      assertThat(BatchValidation.validate(graph(task("a".repeat(127)))).isRight()).isTrue();
      assertThat(refusal(graph(task("a".repeat(128)))).reason()).isEqualTo(InvalidBatchSpecReason.INVALID_IDENTIFIER);
    }

    @Test
    void anEmptyIdentifierIsRefused() {
      assertThat(refusal(graph(task(""))).reason()).isEqualTo(InvalidBatchSpecReason.INVALID_IDENTIFIER);
    }

    @Test
    void aRepeatedIdentifierIsRefusedWhereItRepeats() {
      assertThat(refusal(graph(task("build1"), task("build2"), task("build1")))).isEqualTo(BatchSpecFailure.at(
          InvalidBatchSpecReason.DUPLICATE_IDENTIFIER, "batch/build-graph[2]/identifier", "build1"));
    }
  }

  @Nested
  @DisplayName("a build graph's dependencies name other tasks of the graph and form no cycle")
  class Dependencies {

    @Test
    void aDependencyOnAnUnknownTaskIsRefused() {
      assertThat(refusal(graph(task("build1"), task("build2", "build1", "build9")))).isEqualTo(BatchSpecFailure.at(
          InvalidBatchSpecReason.UNKNOWN_DEPENDENCY, "batch/build-graph[1]/depend-on[1]", "build9"));
    }

    @Test
    void aTaskThatDependsOnItselfIsRefused() {
      assertThat(refusal(graph(task("build1", "build1")))).isEqualTo(BatchSpecFailure.at(
          InvalidBatchSpecReason.DEPENDS_ON_ITSELF, "batch/build-graph[0]/depend-on[0]", "build1"));
    }

    @Test
    void aCycleIsRefusedAtTheFirstTaskOnIt() {
      assertThat(refusal(graph(task("start"), task("a", "c"), task("b", "a"), task("c", "b", "start"))))
          .isEqualTo(BatchSpecFailure.at(InvalidBatchSpecReason.DEPENDENCY_CYCLE, "batch/build-graph[1]/depend-on", "a"));
    }

    @Test
    void aTaskThatOnlyWaitsForACycleIsNotTheOneReported() {
      assertThat(refusal(graph(task("waits", "x"), task("x", "y"), task("y", "x"))).path())
          .isEqualTo("batch/build-graph[1]/depend-on");
    }

    @Test
    void aDiamondIsNoCycle() {
      assertThat(BatchValidation.validate(graph(task("a"), task("b", "a"), task("c", "a"), task("d", "b", "c")))
          .isRight()).isTrue();
    }

    @Test
    void dependOnInABuildListIsRefused() {
      assertThat(refusal(new BatchSpec.BuildList(false, List.of(task("a"), task("b", "a"))))).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.DEPENDENCY_OUTSIDE_GRAPH, "batch/build-list[1]/depend-on"));
    }
  }

  @Nested
  @DisplayName("a batch defines at least one build and at most MAX_TASKS")
  class Size {

    @Test
    void anEmptyListOrGraphIsRefused() {
      assertThat(refusal(new BatchSpec.BuildList(false, List.of()))).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.NO_TASKS, "batch/build-list"));
      assertThat(refusal(graph()).reason()).isEqualTo(InvalidBatchSpecReason.NO_TASKS);
    }

    @Test
    void aMatrixWithoutDynamicValuesIsRefused() {
      assertThat(refusal(matrix(new MatrixDynamic(List.of(), List.of(), List.of(), Map.of())))).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.NO_TASKS, "batch/build-matrix/dynamic"));
    }

    @Test
    void aVariableWithoutValuesIsRefused() {
      assertThat(refusal(matrix(new MatrixDynamic(List.of(), List.of(), List.of("img"), Map.of("V", List.of())))))
          .isEqualTo(BatchSpecFailure.at(InvalidBatchSpecReason.EMPTY_DIMENSION, "batch/build-matrix/dynamic/env/variables/V"));
    }

    @Test
    void aMatrixOfMoreThanAHundredBuildsIsRefusedWithoutBuildingIt() {
      List<String> values = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "v" + i).toList();
      MatrixDynamic huge = new MatrixDynamic(values, values, values, Map.of("A", values, "B", values, "C", values));

      assertThat(BatchValidation.matrixSize(huge)).isEqualTo(1_000_000_000_000_000_000L);
      assertThat(refusal(matrix(huge))).isEqualTo(BatchSpecFailure.at(
          InvalidBatchSpecReason.TOO_MANY_TASKS, "batch/build-matrix/dynamic", "1000000000000000000"));
    }

    @Test
    void aMatrixOfExactlyAHundredBuildsIsAccepted() {
      List<String> ten = java.util.stream.IntStream.range(0, 10).mapToObj(i -> "v" + i).toList();
      assertThat(BatchExpansion.expand(matrix(new MatrixDynamic(ten, List.of(), ten, Map.of()))).get()).hasSize(100);
    }

    @Test
    void aListOfExactlyAHundredTasksIsAccepted() {
      List<BatchTask> tasks = java.util.stream.IntStream.range(0, 100).mapToObj(i -> task("t" + i)).toList();
      assertThat(BatchValidation.validate(new BatchSpec.BuildList(false, tasks)).isRight()).isTrue();
    }

    @Test
    void aListOfMoreThanAHundredTasksIsRefused() {
      List<BatchTask> tasks = java.util.stream.IntStream.range(0, 101).mapToObj(i -> task("t" + i)).toList();
      assertThat(refusal(new BatchSpec.BuildList(false, tasks)).reason())
          .isEqualTo(InvalidBatchSpecReason.TOO_MANY_TASKS);
    }

    @Test
    void aFanoutOfZeroOrMoreThanAHundredIsRefused() {
      assertThat(refusal(new BatchSpec.BuildFanout(false, 0, false))).isEqualTo(BatchSpecFailure.at(
          InvalidBatchSpecReason.INVALID_PARALLELISM, "batch/build-fanout/parallelism", "0"));
      assertThat(refusal(new BatchSpec.BuildFanout(false, 101, false)).reason())
          .isEqualTo(InvalidBatchSpecReason.INVALID_PARALLELISM);
      assertThat(BatchValidation.validate(new BatchSpec.BuildFanout(false, 100, false)).isRight()).isTrue();
    }
  }

  @Nested
  @DisplayName("a matrix dimension lists each value once")
  class Duplicates {

    @Test
    void aRepeatedImageIsRefusedWhereItRepeats() {
      assertThat(refusal(matrix(new MatrixDynamic(List.of(), List.of(), List.of("a", "b", "a"), Map.of()))))
          .isEqualTo(BatchSpecFailure.at(InvalidBatchSpecReason.DUPLICATE_VALUE, "batch/build-matrix/dynamic/env/image[2]", "a"));
    }

    @Test
    void aRepeatedComputeTypeIsRefused() {
      assertThat(refusal(matrix(new MatrixDynamic(List.of(), List.of("BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_SMALL"),
          List.of(), Map.of())))).isEqualTo(BatchSpecFailure.at(InvalidBatchSpecReason.DUPLICATE_VALUE,
              "batch/build-matrix/dynamic/env/compute-type[1]", "BUILD_GENERAL1_SMALL"));
    }

    @Test
    void aRepeatedBuildspecIsRefused() {
      assertThat(refusal(matrix(new MatrixDynamic(List.of("a.yml", "a.yml"), List.of(), List.of(), Map.of()))).path())
          .isEqualTo("batch/build-matrix/dynamic/buildspec[1]");
    }

    @Test
    void aRepeatedVariableValueIsRefused() {
      assertThat(refusal(matrix(new MatrixDynamic(List.of(), List.of(), List.of(), Map.of("V", List.of("x", "x"))))))
          .isEqualTo(BatchSpecFailure.at(InvalidBatchSpecReason.DUPLICATE_VALUE, "batch/build-matrix/dynamic/env/variables/V[1]", "x"));
    }
  }

  @Nested
  @DisplayName("compute-type and fleet exclude each other")
  class ComputeTypeAndFleet {

    TaskEnvironment both = new TaskEnvironment(Optional.of("BUILD_GENERAL1_SMALL"), Optional.of("my-fleet"),
        Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

    @Test
    void aTaskWithBothIsRefused() {
      assertThat(refusal(graph(BatchTask.named("a").withEnvironment(both)))).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.COMPUTE_TYPE_WITH_FLEET, "batch/build-graph[0]/env"));
    }

    @Test
    void aStaticEnvironmentWithBothIsRefused() {
      BatchSpec spec = new BatchSpec.BuildMatrix(false, new MatrixStatic(Optional.empty(), both, false, false),
          new MatrixDynamic(List.of(), List.of(), List.of("img"), Map.of()));

      assertThat(refusal(spec)).isEqualTo(
          BatchSpecFailure.at(InvalidBatchSpecReason.COMPUTE_TYPE_WITH_FLEET, "batch/build-matrix/static/env"));
    }

    @Test
    void aStaticFleetWithDynamicComputeTypesIsRefused() {
      TaskEnvironment fleet = new TaskEnvironment(Optional.empty(), Optional.of("my-fleet"), Optional.empty(),
          Optional.empty(), Optional.empty(), Map.of());
      BatchSpec spec = new BatchSpec.BuildMatrix(false, new MatrixStatic(Optional.empty(), fleet, false, false),
          new MatrixDynamic(List.of(), List.of("BUILD_GENERAL1_SMALL"), List.of(), Map.of()));

      assertThat(refusal(spec).path()).isEqualTo("batch/build-matrix/dynamic/env/compute-type");
    }
  }

  @Nested
  @DisplayName("a refusal is CodeBuild's InvalidInputException")
  class Failure {

    @Test
    void theStopFailureIsInvalidInputWithTheMessage() {
      BatchSpecFailure failure = BatchSpecFailure.at(InvalidBatchSpecReason.UNKNOWN_DEPENDENCY, "batch/build-graph[0]/depend-on[0]", "x");

      assertThat(failure.toStopFailure()).isEqualTo(new StopFailure.InvalidInput(failure.message(), Optional.empty()));
    }

    @Test
    void theMessageEscapesThePathButKeepsItsSpaces() {
      BatchSpecFailure failure = BatchSpecFailure.at(
          InvalidBatchSpecReason.EMPTY_DIMENSION, "batch/build-matrix/dynamic/env/variables/A B\u007f\u00e9\"");

      assertThat(failure.message()).isEqualTo("BATCH_SPEC_VALIDATION_ERROR: batch/build-matrix/dynamic/env/variables/A"
          + " B\\u007f\\u00e9\\u0022: the build matrix dimension lists no value");
    }

    @Test
    void theMessageEscapesAndCutsTheInput() {
      BatchSpecFailure failure = BatchSpecFailure.at(
          InvalidBatchSpecReason.INVALID_IDENTIFIER, "batch/build-list[0]/identifier", "a\nb" + "c".repeat(200));

      assertThat(failure.message()).contains("(got \"a\\u000abccc").contains("(203 characters)")
          .doesNotContain("\n");
    }
  }
}
