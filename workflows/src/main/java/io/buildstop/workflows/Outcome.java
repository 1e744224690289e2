package io.buildstop.workflows;

import io.buildstop.domain.StopFailure;
import java.util.Objects;

/**
 * What a workflow did to one build or build batch: one sealed family, a case per line of a {@link StopReport}.
 *
 * <p>Branch on {@link #code()} with a {@code switch} expression, which the compiler checks for exhaustiveness, then
 * read the case's own members. Every member is non-null.
 *
 * @param <T> what the workflow stops: {@code Build}, or {@code BuildBatch} for a batch; the cases that carry one
 *     carry it as the backend answered
 */
public sealed interface Outcome<T>
    permits Outcome.Stopped, Outcome.AlreadyComplete, Outcome.NotFound, Outcome.Failed, Outcome.WouldStop {

  /** The cases, for exhaustive {@code switch} expressions. */
  enum Code {
    /** The stop was accepted: the build is STOPPED, or still finalising its stop (spec §4.9). */
    STOPPED,
    /** The build was already complete, or completed on its own before the stop reached it (spec §4.3, §4.5). */
    ALREADY_COMPLETE,
    /** No build has this id (spec §4.6). */
    NOT_FOUND,
    /** The stop failed for good, after the retries; the failure says why. */
    FAILED,
    /** A dry run: this build would have been stopped, and nothing was. */
    WOULD_STOP
  }

  /** Which case this is; never null. */
  Code code();

  /**
   * The stop was accepted. Usually the build is now STOPPED and complete; a backend that finalises asynchronously
   * (spec §4.9) may still show it running, and it settles as STOPPED.
   *
   * @param after the build or batch the stop returned
   */
  record Stopped<T>(T after) implements Outcome<T> {
    /** Rejects null. */
    public Stopped {
      Objects.requireNonNull(after, "after");
    }

    @Override
    public Code code() {
      return Code.STOPPED;
    }
  }

  /**
   * The build was complete before it could be stopped: it had finished when read, or it completed meanwhile and the
   * stop returned it unchanged with its final status (spec §4.3). Not an error.
   *
   * @param build the complete build or batch, with its final status
   */
  record AlreadyComplete<T>(T build) implements Outcome<T> {
    /** Rejects null. */
    public AlreadyComplete {
      Objects.requireNonNull(build, "build");
    }

    @Override
    public Code code() {
      return Code.ALREADY_COMPLETE;
    }
  }

  /**
   * No build has this id (spec §4.6); nothing changed.
   *
   * @param message what the backend said
   */
  record NotFound<T>(String message) implements Outcome<T> {
    /** Rejects null. */
    public NotFound {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public Code code() {
      return Code.NOT_FOUND;
    }
  }

  /**
   * The stop failed for good: after the retries for {@link StopFailure.Throttled} and {@link
   * StopFailure.Unavailable}, or at once for any other failure. Whether an {@code Unavailable} build stopped is
   * unknown; running the workflow again is safe (spec §4.4).
   *
   * @param failure why
   */
  record Failed<T>(StopFailure failure) implements Outcome<T> {
    /** Rejects null. */
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }

    @Override
    public Code code() {
      return Code.FAILED;
    }
  }

  /**
   * A dry run: this build is running and the workflow would have stopped it; nothing was stopped.
   *
   * @param current the build or batch as read
   */
  record WouldStop<T>(T current) implements Outcome<T> {
    /** Rejects null. */
    public WouldStop {
      Objects.requireNonNull(current, "current");
    }

    @Override
    public Code code() {
      return Code.WOULD_STOP;
    }
  }
}
