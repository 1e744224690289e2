package io.buildstop.domain;

import io.buildstop.domain.model.Build;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a call to CodeBuild did not return what it asks for (a StopBuild its build, a read its builds, a StartBuild of
 * the in-memory CodeBuild its new build): one sealed family, a case per CodeBuild error and per transport failure a
 * real backend meets.
 *
 * <p>Branch on {@link #code()} with a {@code switch} expression, which the compiler checks for exhaustiveness, then
 * read the case's own members. Every member is non-null; messages never contain secrets and quote caller input only
 * in escaped, truncated form.
 */
public sealed interface StopFailure
    permits StopFailure.InvalidInput,
        StopFailure.ResourceNotFound,
        StopFailure.Throttled,
        StopFailure.AccessDenied,
        StopFailure.LimitExceeded,
        StopFailure.ParameterMismatch,
        StopFailure.Unavailable {

  /** The cases, for exhaustive {@code switch} expressions. */
  enum Code {
    /** CodeBuild's {@code InvalidInputException} (HTTP 400): the id cannot be a build id (spec §4.7). */
    INVALID_INPUT,
    /** CodeBuild's {@code ResourceNotFoundException} (HTTP 400): no build has this id (spec §4.6). */
    RESOURCE_NOT_FOUND,
    /** {@code ThrottlingException}: CodeBuild refused the call for its rate, after the client's retries. */
    THROTTLED,
    /** {@code AccessDeniedException} and the signature and credential errors: the caller may not stop the build. */
    ACCESS_DENIED,
    /**
     * CodeBuild's {@code AccountLimitExceededException} (HTTP 400): an account limit was reached, such as a
     * StartBuild while the in-memory CodeBuild holds as many running builds as it may; nothing changed.
     */
    LIMIT_EXCEEDED,
    /**
     * {@code IdempotentParameterMismatchException} (HTTP 400): a StartBuild repeated an idempotency token of the
     * last five minutes with other parameters; nothing changed.
     */
    PARAMETER_MISMATCH,
    /** No answer could be had or read: transport failure, timeout, a 5xx, a response that does not parse. */
    UNAVAILABLE
  }

  /** Which case this is; never null. */
  Code code();

  /** A sentence for people, following CodeBuild's message where CodeBuild has one; never null. */
  String message();

  /**
   * CodeBuild's {@code InvalidInputException}: the request cannot be valid, and nothing changed.
   *
   * @param message what is wrong, for people
   * @param reason the rule of {@link BuildId#parse(String)} the id broke; empty when a remote backend rejected it
   */
  record InvalidInput(String message, Optional<InvalidBuildIdReason> reason) implements StopFailure {
    /** Rejects nulls: a failure always says what went wrong. */
    public InvalidInput {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Code code() {
      return Code.INVALID_INPUT;
    }
  }

  /**
   * CodeBuild's {@code ResourceNotFoundException}: no build (or, for a listing, no project) has this name, and
   * nothing changed.
   *
   * @param message "Build &lt;id&gt; not found" (spec §4.6), or CodeBuild's message for a project
   * @param buildId the build that was looked up; empty when what was not found is a project
   */
  record ResourceNotFound(String message, Optional<BuildId> buildId) implements StopFailure {
    /** Rejects nulls: a failure always says what went wrong. */
    public ResourceNotFound {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(buildId, "buildId");
    }

    /** A build that is not found. */
    public ResourceNotFound(String message, BuildId buildId) {
      this(message, Optional.of(buildId));
    }

    @Override
    public Code code() {
      return Code.RESOURCE_NOT_FOUND;
    }
  }

  /**
   * CodeBuild throttled the call ({@code ThrottlingException}, "Rate exceeded") and the client's retries ran out.
   *
   * @param message CodeBuild's message
   */
  record Throttled(String message) implements StopFailure {
    /** Rejects nulls: a failure always says what went wrong. */
    public Throttled {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public Code code() {
      return Code.THROTTLED;
    }
  }

  /**
   * The caller may not stop this build: {@code AccessDeniedException}, or credentials CodeBuild does not accept
   * ({@code UnrecognizedClientException}, {@code InvalidSignatureException}, an expired token).
   *
   * @param errorCode CodeBuild's error code, such as {@code AccessDeniedException}
   * @param message CodeBuild's message
   */
  record AccessDenied(String errorCode, String message) implements StopFailure {
    /** Rejects nulls: a failure always says what went wrong. */
    public AccessDenied {
      Objects.requireNonNull(errorCode, "errorCode");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public Code code() {
      return Code.ACCESS_DENIED;
    }
  }

  /**
   * CodeBuild's {@code AccountLimitExceededException}: an account limit was reached, and nothing changed. Retrying
   * helps once builds complete (or projects are deleted).
   *
   * @param message CodeBuild's message
   */
  record LimitExceeded(String message) implements StopFailure {
    /** Rejects nulls: a failure always says what went wrong. */
    public LimitExceeded {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public Code code() {
      return Code.LIMIT_EXCEEDED;
    }
  }

  /**
   * {@code IdempotentParameterMismatchException}: a StartBuild repeated an idempotency token of the last five minutes
   * with other parameters, and nothing changed. Send a new token for a new build.
   *
   * @param message what was repeated, for people
   */
  record ParameterMismatch(String message) implements StopFailure {
    /** Rejects nulls: a failure always says what went wrong. */
    public ParameterMismatch {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public Code code() {
      return Code.PARAMETER_MISMATCH;
    }
  }

  /**
   * No answer could be had or read: the backend is unreachable, timed out, failed (5xx), or sent what cannot be
   * parsed. Whether the build stopped is unknown; StopBuild is idempotent, so retrying is safe (spec §4.4).
   *
   * @param message what failed, for people
   * @param cause the exception behind it, kept for diagnosis; empty when a test fake injected the failure
   */
  record Unavailable(String message, Optional<Throwable> cause) implements StopFailure {
    /** Rejects nulls: a failure always says what went wrong. */
    public Unavailable {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(cause, "cause");
    }

    @Override
    public Code code() {
      return Code.UNAVAILABLE;
    }
  }

  /** {@link InvalidInput} for an id that breaks {@code reason}; the id is quoted escaped and truncated. */
  static StopFailure invalidBuildId(InvalidBuildIdReason reason, String input) {
    return new InvalidInput(
        "The input value that was provided is not valid: " + reason.description() + " (got " + Quoting.quote(input) + ")",
        Optional.of(reason));
  }

  /** {@link ResourceNotFound} with the message of spec §4.6. */
  static StopFailure resourceNotFound(BuildId buildId) {
    return new ResourceNotFound("Build " + buildId.value() + " not found", buildId);
  }

  /** {@link ResourceNotFound} for a project that does not exist, with CodeBuild's message. */
  static StopFailure projectNotFound(String projectName) {
    return new ResourceNotFound("Project cannot be found: " + Quoting.quote(projectName), Optional.empty());
  }

  /** {@link Throttled} with CodeBuild's message. */
  static StopFailure throttled() {
    return new Throttled("Rate exceeded");
  }

  /** {@link Unavailable} for a failure without an exception behind it. */
  static StopFailure unavailable(String message) {
    return new Unavailable(message, Optional.empty());
  }

  /** {@link Unavailable} that keeps the exception behind it. */
  static StopFailure unavailable(String message, Throwable cause) {
    return new Unavailable(message, Optional.of(cause));
  }
}
