package io.buildstop.domain.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A batch task's build environment overrides ({@code env} of a task): each member absent means "as the project or the
 * buildspec says". Values are kept as written: CodeBuild checks compute types, images and fleets when it starts the
 * build, not when it reads the batch section.
 *
 * @param computeType {@code compute-type}, such as {@code BUILD_GENERAL1_SMALL}
 * @param fleet {@code fleet}, a reserved-capacity fleet; never together with a compute type
 * @param image {@code image}, such as {@code aws/codebuild/amazonlinux2-x86_64-standard:3.0}
 * @param privilegedMode {@code privileged-mode}
 * @param type {@code type}, the environment type, such as {@code LINUX_CONTAINER}
 * @param variables {@code variables}, in the order written; an unmodifiable copy
 */
public record TaskEnvironment(
    Optional<String> computeType,
    Optional<String> fleet,
    Optional<String> image,
    Optional<Boolean> privilegedMode,
    Optional<String> type,
    Map<String, String> variables) {

  /** No override at all. */
  public static final TaskEnvironment NONE = new TaskEnvironment(
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

  /** Rejects nulls, and copies the variables, keeping their order. */
  public TaskEnvironment {
    Objects.requireNonNull(computeType, "computeType");
    Objects.requireNonNull(fleet, "fleet");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(privilegedMode, "privilegedMode");
    Objects.requireNonNull(type, "type");
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(variables, "variables")));
    variables.forEach((name, value) -> {
      Objects.requireNonNull(name, "variable name");
      Objects.requireNonNull(value, "variable value");
    });
  }

  /** A copy with this compute type. */
  public TaskEnvironment withComputeType(String computeType) {
    return new TaskEnvironment(Optional.of(computeType), fleet, image, privilegedMode, type, variables);
  }

  /** A copy with this image. */
  public TaskEnvironment withImage(String image) {
    return new TaskEnvironment(computeType, fleet, Optional.of(image), privilegedMode, type, variables);
  }

  /** A copy with this variable set; it keeps its place when it was set before, and comes last otherwise. */
  public TaskEnvironment withVariable(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(variables);
    copy.put(name, value);
    return new TaskEnvironment(computeType, fleet, image, privilegedMode, type, copy);
  }
}
