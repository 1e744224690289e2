package io.buildstop.domain.batch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One build of a batch: an entry of a build list or graph as written, and every build that
 * {@link BatchExpansion#expand(BatchSpec)} derives from a section.
 *
 * @param identifier {@code identifier}; CodeBuild's form is checked by {@link BatchValidation}, not here
 * @param buildspec {@code buildspec}: another buildspec for this build; absent means the batch's own
 * @param environment {@code env}: the build environment overrides
 * @param debugSession {@code debug-session}
 * @param ignoreFailure {@code ignore-failure}: whether the batch may succeed when this build fails
 * @param dependOn {@code depend-on}: the identifiers this build waits for (build graphs only); an unmodifiable copy
 */
public record BatchTask(
    String identifier,
    Optional<String> buildspec,
    TaskEnvironment environment,
    boolean debugSession,
    boolean ignoreFailure,
    List<String> dependOn) {

  /** Rejects nulls and copies the dependencies. */
  public BatchTask {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(buildspec, "buildspec");
    Objects.requireNonNull(environment, "environment");
    dependOn = List.copyOf(dependOn);
  }

  /** A task with this identifier and nothing else: the batch's buildspec, no override, no dependency. */
  public static BatchTask named(String identifier) {
    return new BatchTask(identifier, Optional.empty(), TaskEnvironment.NONE, false, false, List.of());
  }

  /** A copy that depends on these identifiers. */
  public BatchTask withDependOn(List<String> dependOn) {
    return new BatchTask(identifier, buildspec, environment, debugSession, ignoreFailure, dependOn);
  }

  /** A copy with these environment overrides. */
  public BatchTask withEnvironment(TaskEnvironment environment) {
    return new BatchTask(identifier, buildspec, environment, debugSession, ignoreFailure, dependOn);
  }
}
