package io.buildstop.domain.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.InvalidBatchSpecReason;
import io.buildstop.testkit.generators.BatchSpecs;
import io.buildstop.testkit.properties.Coverage;
import io.buildstop.testkit.properties.Property;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** BatchValidation and BatchExpansion over generated batch sections. */
@DisplayName("batch sections")
class BatchExpansionPropertiesTest {

  @Test
  void everyGeneratedSectionIsValid() {
    Property.tries(500).forAll(BatchSpecs.batchSpecs(), spec -> {
      assertThat(BatchValidation.validate(spec).swap().getOrNull()).as("the refusal").isNull();
    });
  }

  @Test
  void aMatrixHasAsManyBuildsAsTheProductOfItsDimensions() {
    Property.tries(500).forAll(BatchSpecs.buildMatrices(), matrix -> {
      MatrixDynamic dynamic = matrix.dynamic();
      long product = 1;
      for (List<String> dimension : List.of(dynamic.buildspecs(), dynamic.computeTypes(), dynamic.images())) {
        product *= Math.max(1, dimension.size());
      }
      for (List<String> values : dynamic.variables().values()) {
        product *= values.size();
      }

      assertThat(BatchExpansion.expand(matrix).get()).hasSize((int) product);
      assertThat(BatchValidation.matrixSize(dynamic)).isEqualTo(product);
    });
  }

  @Test
  void everyCombinationOfAMatrixIsOneBuild() {
    Property.tries(300).forAll(BatchSpecs.buildMatrices(), matrix -> {
      MatrixDynamic dynamic = matrix.dynamic();
      Set<List<Object>> combinations = new HashSet<>();
      for (BatchTask build : BatchExpansion.expand(matrix).get()) {
        TaskEnvironment environment = build.environment();
        Map<String, String> variables = environment.variables();
        combinations.add(List.of(build.buildspec(), environment.computeType(), environment.image(),
            dynamic.variables().keySet().stream().map(variables::get).toList()));
        assertThat(build.ignoreFailure()).isEqualTo(matrix.staticSettings().ignoreFailure());
        assertThat(environment.type()).isEqualTo(matrix.staticSettings().environment().type());
        dynamic.variables().forEach((name, values) -> assertThat(values).contains(variables.get(name)));
      }
      assertThat((long) combinations.size()).isEqualTo(BatchValidation.matrixSize(dynamic));
    });
  }

  @Test
  void everyBuildOfASectionHasItsOwnValidIdentifier() {
    Coverage<BatchSpec.Kind> kinds = Coverage.of("kinds");
    Property.tries(500).forAll(BatchSpecs.batchSpecs(), spec -> {
      kinds.collect(spec.kind());
      List<BatchTask> builds = BatchExpansion.expand(spec).get();

      assertThat(builds).extracting(BatchTask::identifier).doesNotHaveDuplicates()
          .allMatch(BatchIdentifiers::isValid);
    });
    kinds.requireEach(List.of(BatchSpec.Kind.values()));
  }

  @Test
  void aGraphExpandsToItsTasksWithTheirDependencies() {
    Property.tries(500).forAll(BatchSpecs.buildGraphs(), graph -> {
      assertThat(BatchExpansion.expand(graph).get()).isEqualTo(graph.tasks());
    });
  }

  @Test
  void dependencyOrderPlacesEveryTaskOnceAfterAllItsDependencies() {
    Property.tries(500).forAll(BatchSpecs.buildGraphs(), graph -> {
      List<BatchTask> ordered = BatchExpansion.dependencyOrder(graph.tasks());

      assertThat(ordered).containsExactlyInAnyOrderElementsOf(graph.tasks());
      Set<String> placed = new HashSet<>();
      for (BatchTask task : ordered) {
        assertThat(placed).containsAll(task.dependOn());
        placed.add(task.identifier());
      }
    });
  }

  @Test
  void validationRefusesEveryCycle() {
    Coverage<InvalidBatchSpecReason> outcomes = Coverage.of("refusals");
    Property.tries(500).forAll(BatchSpecs.cyclicGraphs(), graph -> {
      InvalidBatchSpecReason reason = BatchValidation.validate(graph).getLeft().reason();
      outcomes.collect(reason);

      assertThat(reason).isIn(InvalidBatchSpecReason.DEPENDENCY_CYCLE, InvalidBatchSpecReason.DEPENDS_ON_ITSELF);
      assertThat(BatchExpansion.dependencyOrder(graph.tasks())).hasSizeLessThan(graph.tasks().size());
    });
    outcomes.requireEach(List.of(InvalidBatchSpecReason.DEPENDENCY_CYCLE, InvalidBatchSpecReason.DEPENDS_ON_ITSELF));
  }

  @Test
  void aFanoutIsParallelismBuildsThatShareItsIgnoreFailure() {
    Property.tries(200).forAll(BatchSpecs.buildFanouts(), fanout -> {
      List<BatchTask> builds = BatchExpansion.expand(fanout).get();

      assertThat(builds).hasSize(fanout.parallelism())
          .allMatch(build -> build.ignoreFailure() == fanout.ignoreFailure() && build.buildspec().equals(Optional.empty()));
    });
  }
}
