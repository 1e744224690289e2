package io.buildstop.domain.batch;

import java.util.List;
import java.util.Objects;

/**
 * The {@code batch} section of a buildspec, typed: exactly one of the four kinds CodeBuild documents, and
 * {@code fast-fail}. Values are as written; {@link BatchValidation#validate(BatchSpec)} says whether CodeBuild would
 * accept them and {@link BatchExpansion#expand(BatchSpec)} derives the batch's builds.
 *
 * <p>Branch on {@link #kind()} with a {@code switch} expression, which the compiler checks for exhaustiveness.
 */
public sealed interface BatchSpec
    permits BatchSpec.BuildList, BatchSpec.BuildGraph, BatchSpec.BuildMatrix, BatchSpec.BuildFanout {

  /**
   * The most builds one batch section may define (buildstop's policy: CodeBuild bounds a batch by the project's
   * {@code restrictions.maximumBuildsAllowed}, which the section cannot know; this bound keeps a matrix's product and a
   * fan-out's parallelism finite before anything is built).
   */
  int MAX_TASKS = 100;

  /** The kinds, as the buildspec names them. */
  enum Kind {
    /** {@code build-list}: builds that run in parallel. */
    BUILD_LIST("build-list"),
    /** {@code build-graph}: builds that wait for the builds they depend on. */
    BUILD_GRAPH("build-graph"),
    /** {@code build-matrix}: one build per combination of the dynamic values. */
    BUILD_MATRIX("build-matrix"),
    /** {@code build-fanout}: {@code parallelism} identical builds. */
    BUILD_FANOUT("build-fanout");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    /** The key under {@code batch}, such as {@code build-graph}; never null. */
    public String key() {
      return key;
    }
  }

  /** Which kind this is; never null. */
  Kind kind();

  /** {@code fast-fail}: whether a failing build stops the batch's running builds (default false). */
  boolean fastFail();

  /**
   * {@code batch/build-list}: tasks that run in parallel.
   *
   * @param fastFail {@code batch/fast-fail}
   * @param tasks the entries in the order written, none with a dependency
   */
  record BuildList(boolean fastFail, List<BatchTask> tasks) implements BatchSpec {
    /** Rejects nulls and copies the tasks. */
    public BuildList {
      tasks = List.copyOf(tasks);
    }

    @Override
    public Kind kind() {
      return Kind.BUILD_LIST;
    }
  }

  /**
   * {@code batch/build-graph}: tasks that wait for the tasks named in their {@code depend-on}.
   *
   * @param fastFail {@code batch/fast-fail}
   * @param tasks the entries in the order written
   */
  record BuildGraph(boolean fastFail, List<BatchTask> tasks) implements BatchSpec {
    /** Rejects nulls and copies the tasks. */
    public BuildGraph {
      tasks = List.copyOf(tasks);
    }

    @Override
    public Kind kind() {
      return Kind.BUILD_GRAPH;
    }
  }

  /**
   * {@code batch/build-matrix}: one build per combination of the dynamic values, each with the static settings.
   *
   * @param fastFail {@code batch/fast-fail}
   * @param staticSettings {@code static}: what every build of the matrix shares
   * @param dynamic {@code dynamic}: the dimensions whose product the matrix is
   */
  record BuildMatrix(boolean fastFail, MatrixStatic staticSettings, MatrixDynamic dynamic) implements BatchSpec {
    /** Rejects nulls. */
    public BuildMatrix {
      Objects.requireNonNull(staticSettings, "staticSettings");
      Objects.requireNonNull(dynamic, "dynamic");
    }

    @Override
    public Kind kind() {
      return Kind.BUILD_MATRIX;
    }
  }

  /**
   * {@code batch/build-fanout}: {@code parallelism} identical builds, each running a share of the tests.
   *
   * @param fastFail {@code batch/fast-fail}
   * @param parallelism {@code parallelism}: how many builds; {@link BatchValidation} requires 1 to {@link #MAX_TASKS}
   * @param ignoreFailure {@code ignore-failure}
   */
  record BuildFanout(boolean fastFail, int parallelism, boolean ignoreFailure) implements BatchSpec {
    @Override
    public Kind kind() {
      return Kind.BUILD_FANOUT;
    }
  }
}
