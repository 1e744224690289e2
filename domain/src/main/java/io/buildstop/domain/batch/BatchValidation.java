package io.buildstop.domain.batch;

import static io.buildstop.domain.InvalidBatchSpecReason.COMPUTE_TYPE_WITH_FLEET;
import static io.buildstop.domain.InvalidBatchSpecReason.DEPENDENCY_CYCLE;
import static io.buildstop.domain.InvalidBatchSpecReason.DEPENDENCY_OUTSIDE_GRAPH;
import static io.buildstop.domain.InvalidBatchSpecReason.DEPENDS_ON_ITSELF;
import static io.buildstop.domain.InvalidBatchSpecReason.DUPLICATE_IDENTIFIER;
import static io.buildstop.domain.InvalidBatchSpecReason.DUPLICATE_VALUE;
import static io.buildstop.domain.InvalidBatchSpecReason.EMPTY_DIMENSION;
import static io.buildstop.domain.InvalidBatchSpecReason.INVALID_IDENTIFIER;
import static io.buildstop.domain.InvalidBatchSpecReason.INVALID_PARALLELISM;
import static io.buildstop.domain.InvalidBatchSpecReason.NO_TASKS;
import static io.buildstop.domain.InvalidBatchSpecReason.TOO_MANY_TASKS;
import static io.buildstop.domain.InvalidBatchSpecReason.UNKNOWN_DEPENDENCY;

import io.buildstop.domain.BatchSpecFailure;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a batch section must keep for CodeBuild to start it, as one pure function. The first rule broken, in the
 * order written (task by task, member by member), is the answer, naming its path (docs/batch-buildspec.md).
 */
public final class BatchValidation {

  private BatchValidation() {}

  /**
   * Checks a batch section.
   *
   * @param spec the section as read
   * @return the section unchanged, or the first rule it breaks; never throws
   */
  public static Either<BatchSpecFailure, BatchSpec> validate(BatchSpec spec) {
    String root = "batch/" + spec.kind().key();
    Optional<BatchSpecFailure> failure = switch (spec.kind()) {
      case BUILD_LIST -> tasks(root, ((BatchSpec.BuildList) spec).tasks(), false);
      case BUILD_GRAPH -> tasks(root, ((BatchSpec.BuildGraph) spec).tasks(), true);
      case BUILD_MATRIX -> matrix(root, (BatchSpec.BuildMatrix) spec);
      case BUILD_FANOUT -> fanout(root, (BatchSpec.BuildFanout) spec);
    };
    return failure.<Either<BatchSpecFailure, BatchSpec>>map(Either::left).orElseGet(() -> Either.right(spec));
  }

  /**
   * How many builds a matrix has: the product of the sizes of its dimensions that list values; 0 when none does.
   * Saturates at {@code Long.MAX_VALUE}, so a huge matrix is counted without building it.
   */
  public static long matrixSize(MatrixDynamic dynamic) {
    List<Integer> sizes = new ArrayList<>();
    for (List<String> dimension : List.of(dynamic.buildspecs(), dynamic.computeTypes(), dynamic.images())) {
      if (!dimension.isEmpty()) {
        sizes.add(dimension.size());
      }
    }
    dynamic.variables().values().forEach(values -> sizes.add(values.size()));
    if (sizes.isEmpty()) {
      return 0;
    }
    long product = 1;
    for (int size : sizes) {
      product = size == 0 ? 0 : product > Long.MAX_VALUE / size ? Long.MAX_VALUE : product * size;
    }
    return product;
  }

  private static Optional<BatchSpecFailure> tasks(String root, List<BatchTask> tasks, boolean graph) {
    if (tasks.isEmpty()) {
      return Optional.of(BatchSpecFailure.at(NO_TASKS, root));
    }
    if (tasks.size() > BatchSpec.MAX_TASKS) {
      return Optional.of(BatchSpecFailure.at(TOO_MANY_TASKS, root, String.valueOf(tasks.size())));
    }
    Set<String> identifiers = new HashSet<>();
    for (int i = 0; i < tasks.size(); i++) {
      BatchTask task = tasks.get(i);
      String path = root + "[" + i + "]";
      if (!BatchIdentifiers.isValid(task.identifier())) {
        return Optional.of(BatchSpecFailure.at(INVALID_IDENTIFIER, path + "/identifier", task.identifier()));
      }
      if (!identifiers.add(task.identifier())) {
        return Optional.of(BatchSpecFailure.at(DUPLICATE_IDENTIFIER, path + "/identifier", task.identifier()));
      }
      if (exclusiveMembers(task.environment())) {
        return Optional.of(BatchSpecFailure.at(COMPUTE_TYPE_WITH_FLEET, path + "/env"));
      }
      if (!graph && !task.dependOn().isEmpty()) {
        return Optional.of(BatchSpecFailure.at(DEPENDENCY_OUTSIDE_GRAPH, path + "/depend-on"));
      }
    }
    return graph ? dependencies(root, tasks, identifiers) : Optional.empty();
  }

  private static Optional<BatchSpecFailure> dependencies(String root, List<BatchTask> tasks, Set<String> identifiers) {
    for (int i = 0; i < tasks.size(); i++) {
      BatchTask task = tasks.get(i);
      for (int k = 0; k < task.dependOn().size(); k++) {
        String dependency = task.dependOn().get(k);
        String path = root + "[" + i + "]/depend-on[" + k + "]";
        if (dependency.equals(task.identifier())) {
          return Optional.of(BatchSpecFailure.at(DEPENDS_ON_ITSELF, path, dependency));
        }
        if (!identifiers.contains(dependency)) {
          return Optional.of(BatchSpecFailure.at(UNKNOWN_DEPENDENCY, path, dependency));
        }
      }
    }
    return firstOnACycle(tasks).map(i ->
        BatchSpecFailure.at(DEPENDENCY_CYCLE, root + "[" + i + "]/depend-on", tasks.get(i).identifier()));
  }

  // the position of the first task (in the order written) that a chain of dependencies leads back to
  private static Optional<Integer> firstOnACycle(List<BatchTask> tasks) {
    Map<String, BatchTask> byIdentifier = new HashMap<>();
    tasks.forEach(task -> byIdentifier.put(task.identifier(), task));
    for (int i = 0; i < tasks.size(); i++) {
      if (reaches(byIdentifier, tasks.get(i).identifier(), tasks.get(i).identifier())) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static boolean reaches(Map<String, BatchTask> byIdentifier, String from, String target) {
    Set<String> seen = new HashSet<>();
    List<String> pending = new ArrayList<>(byIdentifier.get(from).dependOn());
    while (!pending.isEmpty()) {
      String next = pending.remove(pending.size() - 1);
      if (next.equals(target)) {
        return true;
      }
      if (seen.add(next) && byIdentifier.containsKey(next)) {
        pending.addAll(byIdentifier.get(next).dependOn());
      }
    }
    return false;
  }

  private static Optional<BatchSpecFailure> matrix(String root, BatchSpec.BuildMatrix matrix) {
    MatrixDynamic dynamic = matrix.dynamic();
    TaskEnvironment shared = matrix.staticSettings().environment();
    if (exclusiveMembers(shared)) {
      return Optional.of(BatchSpecFailure.at(COMPUTE_TYPE_WITH_FLEET, root + "/static/env"));
    }
    if (shared.fleet().isPresent() && !dynamic.computeTypes().isEmpty()) {
      return Optional.of(BatchSpecFailure.at(COMPUTE_TYPE_WITH_FLEET, root + "/dynamic/env/compute-type"));
    }
    String dynamicPath = root + "/dynamic";
    Optional<BatchSpecFailure> duplicate = duplicate(dynamicPath + "/buildspec", dynamic.buildspecs())
        .or(() -> duplicate(dynamicPath + "/env/compute-type", dynamic.computeTypes()))
        .or(() -> duplicate(dynamicPath + "/env/image", dynamic.images()));
    if (duplicate.isPresent()) {
      return duplicate;
    }
    for (Map.Entry<String, List<String>> variable : dynamic.variables().entrySet()) {
      if (variable.getValue().isEmpty()) {
        return Optional.of(BatchSpecFailure.at(EMPTY_DIMENSION, dynamicPath + "/env/variables/" + variable.getKey()));
      }
      Optional<BatchSpecFailure> repeated =
          duplicate(dynamicPath + "/env/variables/" + variable.getKey(), variable.getValue());
      if (repeated.isPresent()) {
        return repeated;
      }
    }
    long size = matrixSize(dynamic);
    if (size == 0) {
      return Optional.of(BatchSpecFailure.at(NO_TASKS, dynamicPath));
    }
    if (size > BatchSpec.MAX_TASKS) {
      return Optional.of(BatchSpecFailure.at(TOO_MANY_TASKS, dynamicPath, String.valueOf(size)));
    }
    return Optional.empty();
  }

  private static Optional<BatchSpecFailure> duplicate(String path, List<String> values) {
    Set<String> seen = new HashSet<>();
    for (int j = 0; j < values.size(); j++) {
      if (!seen.add(values.get(j))) {
        return Optional.of(BatchSpecFailure.at(DUPLICATE_VALUE, path + "[" + j + "]", values.get(j)));
      }
    }
    return Optional.empty();
  }

  private static Optional<BatchSpecFailure> fanout(String root, BatchSpec.BuildFanout fanout) {
    return fanout.parallelism() >= 1 && fanout.parallelism() <= BatchSpec.MAX_TASKS
        ? Optional.empty()
        : Optional.of(BatchSpecFailure.at(INVALID_PARALLELISM, root + "/parallelism",
            String.valueOf(fanout.parallelism())));
  }

  // CodeBuild's batch reference: compute-type and fleet cannot be provided in the same identifier
  private static boolean exclusiveMembers(TaskEnvironment environment) {
    return environment.computeType().isPresent() && environment.fleet().isPresent();
  }
}
