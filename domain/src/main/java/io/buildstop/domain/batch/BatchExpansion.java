package io.buildstop.domain.batch;

import io.buildstop.domain.BatchSpecFailure;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A batch section's builds, in a documented order (docs/batch-buildspec.md):
 * <ul>
 *   <li>a build list or graph: its entries, in the order written;</li>
 *   <li>a build matrix: one build per combination, the dimensions taken in the order {@code buildspec},
 *       {@code env/compute-type}, {@code env/image}, then the variables as written, the last varying fastest (as
 *       CodeBuild's example lists its six builds); identifiers from {@link BatchIdentifiers#forMatrixBuild(int)};</li>
 *   <li>a fan-out: {@code parallelism} identical builds named by {@link BatchIdentifiers#forFanoutBuild(int)}.</li>
 * </ul>
 */
public final class BatchExpansion {

  private BatchExpansion() {}

  /**
   * The builds of a batch section, after {@link BatchValidation#validate(BatchSpec)}.
   *
   * @param spec the section as read
   * @return its builds in the documented order, or the first rule the section breaks; never throws
   */
  public static Either<BatchSpecFailure, List<BatchTask>> expand(BatchSpec spec) {
    return BatchValidation.validate(spec).map(valid -> switch (valid.kind()) {
      case BUILD_LIST -> ((BatchSpec.BuildList) valid).tasks();
      case BUILD_GRAPH -> ((BatchSpec.BuildGraph) valid).tasks();
      case BUILD_MATRIX -> matrix((BatchSpec.BuildMatrix) valid);
      case BUILD_FANOUT -> fanout((BatchSpec.BuildFanout) valid);
    });
  }

  /**
   * The tasks in an order in which every task comes after the tasks it depends on: at each step the first task (in
   * the given order) whose dependencies are all placed. Tasks on a cycle, or waiting for a missing task, are left
   * out; for a validated graph none is.
   *
   * @param tasks a graph's tasks
   * @return the tasks in dependency order; never null
   */
  public static List<BatchTask> dependencyOrder(List<BatchTask> tasks) {
    List<BatchTask> ordered = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    List<BatchTask> remaining = new ArrayList<>(tasks);
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int i = 0; i < remaining.size(); i++) {
        BatchTask task = remaining.get(i);
        if (placed.containsAll(task.dependOn())) {
          ordered.add(task);
          placed.add(task.identifier());
          remaining.remove(i);
          progress = true;
          break;
        }
      }
    }
    return List.copyOf(ordered);
  }

  private static List<BatchTask> matrix(BatchSpec.BuildMatrix matrix) {
    MatrixStatic shared = matrix.staticSettings();
    MatrixDynamic dynamic = matrix.dynamic();
    // one partial build per combination so far, widened by each dimension in turn: the last dimension varies fastest
    List<BatchTask> combinations = List.of(new BatchTask("", shared.buildspec(), shared.environment(),
        shared.debugSession(), shared.ignoreFailure(), List.of()));
    combinations = widen(combinations, dynamic.buildspecs(), (task, buildspec) -> new BatchTask(task.identifier(),
        Optional.of(buildspec), task.environment(), task.debugSession(), task.ignoreFailure(), task.dependOn()));
    combinations = widen(combinations, dynamic.computeTypes(),
        (task, computeType) -> task.withEnvironment(task.environment().withComputeType(computeType)));
    combinations = widen(combinations, dynamic.images(),
        (task, image) -> task.withEnvironment(task.environment().withImage(image)));
    for (Map.Entry<String, List<String>> variable : dynamic.variables().entrySet()) {
      combinations = widen(combinations, variable.getValue(),
          (task, value) -> task.withEnvironment(task.environment().withVariable(variable.getKey(), value)));
    }
    List<BatchTask> builds = new ArrayList<>();
    for (int i = 0; i < combinations.size(); i++) {
      BatchTask build = combinations.get(i);
      builds.add(new BatchTask(BatchIdentifiers.forMatrixBuild(i), build.buildspec(), build.environment(),
          build.debugSession(), build.ignoreFailure(), List.of()));
    }
    return List.copyOf(builds);
  }

  private static List<BatchTask> widen(
      List<BatchTask> combinations, List<String> values, BiFunction<BatchTask, String, BatchTask> apply) {
    if (values.isEmpty()) {
      return combinations;
    }
    List<BatchTask> widened = new ArrayList<>();
    for (BatchTask combination : combinations) {
      for (String value : values) {
        widened.add(apply.apply(combination, value));
      }
    }
    return widened;
  }

  private static List<BatchTask> fanout(BatchSpec.BuildFanout fanout) {
    List<BatchTask> builds = new ArrayList<>();
    for (int i = 0; i < fanout.parallelism(); i++) {
      builds.add(new BatchTask(BatchIdentifiers.forFanoutBuild(i), Optional.empty(), TaskEnvironment.NONE, false,
          fanout.ignoreFailure(), List.of()));
    }
    return List.copyOf(builds);
  }
}
