package io.buildstop.testkit.generators;

import io.buildstop.domain.batch.BatchIdentifiers;
import io.buildstop.domain.batch.BatchSpec;
import io.buildstop.domain.batch.BatchTask;
import io.buildstop.domain.batch.MatrixDynamic;
import io.buildstop.domain.batch.MatrixStatic;
import io.buildstop.domain.batch.TaskEnvironment;
import io.buildstop.testkit.properties.Gens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quicktheories.core.Gen;

/**
 * Batch sections of buildspecs ({@link BatchSpec}): valid ones of each kind, which CodeBuild accepts, and build graphs
 * with a dependency cycle, which it refuses. Text members are drawn from an alphabet with the characters YAML quotes
 * or escapes (colons, hashes, quotes, backslashes, tabs, non-ASCII), so that printing and reading them back is tested.
 */
public final class BatchSpecs {

  /** Text in members: letters, digits and the characters that YAML treats specially. */
  public static final String TEXT_ALPHABET = Gens.ALPHANUMERIC + " :#-_./\\'\"\t&*!%@`|>{}[],?éß";

  private BatchSpecs() {}

  /** Any valid batch section: every kind in turn. */
  public static Gen<BatchSpec> batchSpecs() {
    return Gens.anyOf(Gens.widen(buildLists()), Gens.widen(buildGraphs()), Gens.widen(buildMatrices()),
        Gens.widen(buildFanouts()));
  }

  /** Member text: 0 to 12 characters of {@link #TEXT_ALPHABET}. */
  public static Gen<String> texts() {
    return Gens.strings(TEXT_ALPHABET, 0, 12);
  }

  /** Identifiers CodeBuild accepts: 1 to 12 letters, digits and underscores. */
  public static Gen<String> identifiers() {
    return Gens.strings(Gens.ALPHANUMERIC + "_", 1, 12);
  }

  /** Build environment overrides, each member present or absent, never both compute-type and fleet. */
  public static Gen<TaskEnvironment> environments() {
    Gen<Optional<String>> text = Gens.optional(texts(), 0.4);
    return text.flatMap(computeType -> text.flatMap(fleet -> text.flatMap(image -> text.flatMap(type ->
        Gens.optional(Gens.booleans(), 0.4).flatMap(privileged -> variables(texts()).map(variables ->
            new TaskEnvironment(computeType, computeType.isPresent() ? Optional.empty() : fleet, image, privileged,
                type, variables)))))));
  }

  /** Valid build lists: 1 to 8 tasks with distinct identifiers and no dependencies. */
  public static Gen<BatchSpec.BuildList> buildLists() {
    return Gens.booleans().flatMap(fastFail -> taskLists(1, 8).map(tasks -> new BatchSpec.BuildList(fastFail, tasks)));
  }

  /**
   * Valid build graphs: 1 to 8 tasks with distinct identifiers, each depending on some of the tasks ranked below it,
   * wherever those are written, so dependencies point forwards and backwards but never round.
   */
  public static Gen<BatchSpec.BuildGraph> buildGraphs() {
    return taskLists(1, 8).flatMap(tasks -> Gens.lists(Gens.ints(0, 1000), tasks.size(), tasks.size())
        .flatMap(ranks -> Gens.lists(Gens.ints(0, 3), tasks.size() * tasks.size(), tasks.size() * tasks.size())
            .flatMap(draws -> Gens.booleans().map(fastFail -> {
              List<BatchTask> withDependencies = new ArrayList<>();
              for (int i = 0; i < tasks.size(); i++) {
                List<String> dependOn = new ArrayList<>();
                for (int j = 0; j < tasks.size(); j++) {
                  boolean below = ranks.get(j) < ranks.get(i) || ranks.get(j).equals(ranks.get(i)) && j < i;
                  if (below && draws.get(i * tasks.size() + j) == 0) {
                    dependOn.add(tasks.get(j).identifier());
                  }
                }
                withDependencies.add(tasks.get(i).withDependOn(dependOn));
              }
              return new BatchSpec.BuildGraph(fastFail, withDependencies);
            }))));
  }

  /**
   * Build graphs with a dependency cycle of 1 to 4 tasks (1: a task that depends on itself), added to a valid graph.
   */
  public static Gen<BatchSpec.BuildGraph> cyclicGraphs() {
    return buildGraphs().flatMap(graph -> Gens.lists(Gens.ints(0, graph.tasks().size() - 1), 1, 4).map(chosen -> {
      List<Integer> cycle = chosen.stream().distinct().toList();
      List<BatchTask> tasks = new ArrayList<>(graph.tasks());
      for (int k = 0; k < cycle.size(); k++) {
        BatchTask task = tasks.get(cycle.get(k));
        String next = tasks.get(cycle.get((k + 1) % cycle.size())).identifier();
        List<String> dependOn = new ArrayList<>(task.dependOn());
        if (!dependOn.contains(next)) {
          dependOn.add(next);
        }
        tasks.set(cycle.get(k), task.withDependOn(dependOn));
      }
      return new BatchSpec.BuildGraph(graph.fastFail(), tasks);
    }));
  }

  /**
   * Valid build matrices: 0 to 2 buildspecs, compute types and images and 0 to 2 variables of 1 to 3 values, each
   * dimension's values distinct, at least one dimension present, at most 72 builds.
   */
  public static Gen<BatchSpec.BuildMatrix> buildMatrices() {
    Gen<List<String>> dimension = distinctTexts(0, 2);
    return dimension.flatMap(buildspecs -> dimension.flatMap(computeTypes -> dimension.flatMap(images ->
        variables(distinctTexts(1, 3)).flatMap(variables -> statics(computeTypes.isEmpty()).flatMap(shared ->
            Gens.booleans().map(fastFail -> {
              List<String> someImages = buildspecs.isEmpty() && computeTypes.isEmpty() && images.isEmpty()
                  && variables.isEmpty() ? List.of("aws/codebuild/standard:7.0") : images;
              return new BatchSpec.BuildMatrix(fastFail, shared,
                  new MatrixDynamic(buildspecs, computeTypes, someImages, variables));
            }))))));
  }

  /** Valid fan-outs: parallelism 1 to {@link BatchSpec#MAX_TASKS}. */
  public static Gen<BatchSpec.BuildFanout> buildFanouts() {
    return Gens.booleans().flatMap(fastFail -> Gens.ints(1, BatchSpec.MAX_TASKS).flatMap(parallelism ->
        Gens.booleans().map(ignoreFailure -> new BatchSpec.BuildFanout(fastFail, parallelism, ignoreFailure))));
  }

  private static Gen<MatrixStatic> statics(boolean fleetAllowed) {
    return Gens.optional(texts(), 0.3).flatMap(buildspec -> environments().flatMap(environment ->
        Gens.booleans().flatMap(debugSession -> Gens.booleans().map(ignoreFailure -> new MatrixStatic(buildspec,
            fleetAllowed ? environment : new TaskEnvironment(environment.computeType(), Optional.empty(),
                environment.image(), environment.privilegedMode(), environment.type(), environment.variables()),
            debugSession, ignoreFailure)))));
  }

  // tasks with distinct identifiers: a drawn identifier, made unique by its position
  private static Gen<List<BatchTask>> taskLists(int min, int max) {
    return Gens.lists(tasks(), min, max).map(tasks -> {
      List<BatchTask> unique = new ArrayList<>();
      for (int i = 0; i < tasks.size(); i++) {
        BatchTask task = tasks.get(i);
        String identifier = task.identifier().substring(0, Math.min(task.identifier().length(),
            BatchIdentifiers.MAX_LENGTH - 4)) + "_" + i;
        unique.add(new BatchTask(identifier, task.buildspec(), task.environment(), task.debugSession(),
            task.ignoreFailure(), List.of()));
      }
      return unique;
    });
  }

  private static Gen<BatchTask> tasks() {
    return identifiers().flatMap(identifier -> Gens.optional(texts(), 0.3).flatMap(buildspec ->
        environments().flatMap(environment -> Gens.booleans().flatMap(debugSession -> Gens.booleans().map(
            ignoreFailure -> new BatchTask(identifier, buildspec, environment, debugSession, ignoreFailure,
                List.of()))))));
  }

  // 0 to 2 variables with distinct names, in the order drawn
  private static <T> Gen<Map<String, T>> variables(Gen<T> values) {
    return Gens.lists(Gens.strings("ABCDEFGHIJKLMNOPQRSTUVWXYZ_", 1, 8), 0, 2).flatMap(names ->
        Gens.lists(values, names.size(), names.size()).map(drawn -> {
          Map<String, T> variables = new LinkedHashMap<>();
          for (int i = 0; i < names.size(); i++) {
            variables.put(names.get(i) + i, drawn.get(i));
          }
          return variables;
        }));
  }

  private static Gen<List<String>> distinctTexts(int min, int max) {
    return Gens.lists(texts(), min, max).map(texts -> {
      List<String> distinct = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        distinct.add(texts.get(i) + i);
      }
      return distinct;
    });
  }
}
