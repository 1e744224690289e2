package io.buildstop.domain;

/**
 * Why a string cannot be a CodeBuild build id (spec §4.7, buildstop's policy where CodeBuild's is unpublished).
 *
 * <p>A build id has the form {@code <project-name>:<build-uuid>}; a build ARN holding such an id is accepted too
 * (spec §4.8). Each constant names one way to miss that form, so callers and tests can tell them apart.
 */
public enum InvalidBuildIdReason {
  /** No id at all (a {@code null}, or a missing {@code id} member on the wire). */
  MISSING("no build id was given"),
  /** The empty string: StopBuild requires at least one character. */
  EMPTY("the build id is empty"),
  /** More than {@link BuildId#MAX_LENGTH} characters (or an ARN longer than {@link BuildId#MAX_ARN_LENGTH}). */
  TOO_LONG("the build id is longer than " + BuildId.MAX_LENGTH + " characters"),
  /** A control character (below U+0020, or U+007F), which no project name or build uuid holds. */
  CONTROL_CHARACTER("the build id contains a control character"),
  /** A character outside ASCII, which no project name or build uuid holds. */
  NON_ASCII("the build id contains a character outside ASCII"),
  /** A space anywhere, including an id that is only blanks. */
  WHITESPACE("the build id contains whitespace"),
  /** No {@code :} between the project name and the build uuid. */
  MISSING_SEPARATOR("the build id has no ':' between the project name and the build uuid"),
  /** The part before the first {@code :} breaks CodeBuild's project-name pattern. */
  INVALID_PROJECT_NAME("the project name must match [A-Za-z0-9][A-Za-z0-9-_]{1,149}"),
  /** Nothing after the first {@code :}. */
  EMPTY_BUILD_UUID("the build uuid after ':' is empty"),
  /** Starts like an ARN but is not a CodeBuild build ARN ({@code arn:<partition>:codebuild:<region>:<account>:build/<id>}). */
  NOT_A_BUILD_ARN("the ARN is not a CodeBuild build ARN (arn:<partition>:codebuild:<region>:<account>:build/<id>)");

  private final String description;

  InvalidBuildIdReason(String description) {
    this.description = description;
  }

  /** A sentence that says what is wrong, for messages; never null. */
  public String description() {
    return description;
  }
}
