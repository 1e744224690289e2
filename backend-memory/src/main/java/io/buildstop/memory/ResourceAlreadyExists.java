package io.buildstop.memory;

import java.util.Objects;

/**
 * CodeBuild's {@code ResourceAlreadyExistsException}, as a value: CreateProject with the name of a project that
 * exists. Nothing changed; the existing project stays as it was.
 *
 * @param message CodeBuild's message, {@code Project already exists: <the existing project's ARN>}; never null
 */
public record ResourceAlreadyExists(String message) implements ProjectFailure {
  /**
   * Checks the message.
   *
   * @throws NullPointerException if {@code message} is null
   */
  public ResourceAlreadyExists {
    Objects.requireNonNull(message, "message");
  }
}
