package io.buildstop.memory;

import java.util.Objects;

/**
 * CodeBuild's {@code AccountLimitExceededException} for CreateProject, as a value: the CodeBuild holds {@link
 * InMemoryCodeBuild.Builder#maxProjects(int)} projects already. Nothing changed.
 *
 * @param message what was refused and which limit was reached; never null
 */
public record ProjectLimitExceeded(String message) implements ProjectFailure {
  /**
   * Checks the message.
   *
   * @throws NullPointerException if {@code message} is null
   */
  public ProjectLimitExceeded {
    Objects.requireNonNull(message, "message");
  }
}
