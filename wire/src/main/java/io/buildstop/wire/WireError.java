package io.buildstop.wire;

import java.util.Objects;

/**
 * Why a JSON document could not be read as CodeBuild's wire form, and where.
 *
 * <p>{@code path} names the member that was wrong, in the document's own words: {@code build.phases[2].startTime}
 * for a member of the third phase, {@code builds[1].id} inside a BatchGetBuilds response, {@code $} for the document
 * as a whole (text that is not JSON at all, or a response that is not an object). {@code problem} says what was
 * expected and what was found, for example {@code expected a number or an ISO-8601 string, found a boolean}. Neither
 * component is ever null. A problem never quotes a string member's value, so secrets in the document (environment
 * variable values, registry credentials) stay out of logs; only a rejected timestamp or number is quoted, cut short.
 * For text that is not JSON, the problem gives the parser's reason and position, which may name the offending
 * token.
 *
 * @param path where in the document the problem is, never null
 * @param problem what was expected there and what was found, never null
 */
public record WireError(String path, String problem) {

  /** The path of the document as a whole, used when the text is not JSON or its root has the wrong type. */
  public static final String DOCUMENT = "$";

  /**
   * Checks the components.
   *
   * @param path where in the document the problem is
   * @param problem what was expected there and what was found
   * @throws NullPointerException if either component is null
   */
  public WireError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(problem, "problem");
  }

  /**
   * The error as one line.
   *
   * @return {@code path: problem}, never null
   */
  public String message() {
    return path + ": " + problem;
  }

  /**
   * The same as {@link #message()}, so that a failed assertion or a log line reads as a sentence.
   *
   * @return {@code path: problem}, never null
   */
  @Override
  public String toString() {
    return message();
  }
}
