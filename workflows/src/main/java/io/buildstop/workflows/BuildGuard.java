package io.buildstop.workflows;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.workflows.internal.Outcomes;
import io.buildstop.workflows.internal.Retrying;
import io.buildstop.workflows.internal.Settings;
import io.buildstop.workflows.internal.StopPorts;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * Stops one build when closed before the build completed: the job that started it was cancelled, failed or is
 * shutting down. Made by {@link StopOnCancellation}; one made by {@link StopOnCancellation#ofBatches} guards a build
 * batch in the same way (BatchGetBuildBatches, then StopBuildBatch, which stops its running member builds).
 *
 * <p>{@link #close()} reads the build: complete, it does nothing ({@link Outcome.AlreadyComplete}); otherwise it
 * stops it ({@link Outcome.Stopped}, or {@link Outcome.Failed} after the retries). It acts once: a second close, or a
 * close after {@link #disarm()}, does nothing. It never throws. Thread-safe: a close from a shutdown hook and one
 * from the job's thread act once between them, and the later one returns when the first is done.
 */
public final class BuildGuard implements AutoCloseable {
  private enum State { ARMED, DISARMED, CLOSED }

  private final StopPorts<?> ports;
  private final BuildId buildId;
  private final Settings settings;
  private State state = State.ARMED;
  private Optional<Outcome<?>> outcome = Optional.empty();
  private Optional<Thread> shutdownHook = Optional.empty();

  BuildGuard(StopPorts<?> ports, BuildId buildId, Settings settings) {
    this.ports = ports;
    this.buildId = buildId;
    this.settings = settings;
  }

  /** The build (or, for a batch guard, the batch) this guard stops. */
  public BuildId buildId() {
    return buildId;
  }

  /**
   * Also closes this guard when the JVM shuts down (SIGINT, SIGTERM, {@code System.exit}), as a CI job's cleanup;
   * {@link #close()} and {@link #disarm()} remove the hook again. Does nothing once closed or disarmed, or when
   * already registered. If the JVM is already shutting down, closes the guard now.
   *
   * @return this guard
   */
  public BuildGuard stopOnShutdown() {
    synchronized (this) {
      if (state != State.ARMED || shutdownHook.isPresent()) {
        return this;
      }
      Thread hook = new Thread(this::close, "buildstop-guard-" + buildId);
      try {
        Runtime.getRuntime().addShutdownHook(hook);
        shutdownHook = Optional.of(hook);
        return this;
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting: no hook will run, so the guard acts now (outside the lock, below)
      }
    }
    close();
    return this;
  }

  /**
   * The job finished normally: leave the build alone. Closing then does nothing; the shutdown hook, if any, is
   * removed. Does nothing once closed.
   */
  public synchronized void disarm() {
    if (state == State.ARMED) {
      state = State.DISARMED;
      removeShutdownHook();
    }
  }

  /**
   * Stops the build unless it is complete, once; afterwards, and after {@link #disarm()}, does nothing. Blocks for
   * the read, the stop and their retries. Never throws; the outcome is in {@link #outcome()}. A thread interrupted
   * before the close (a cancelled job's) still stops the build, and stays interrupted; an interrupt during the
   * retries ends them.
   */
  @Override
  public synchronized void close() {
    if (state != State.ARMED) {
      return;
    }
    state = State.CLOSED;
    removeShutdownHook();
    // a cancelled job's thread is often interrupted: the stop must still be made, so the flag waits until after it
    boolean interrupted = Thread.interrupted();
    try {
      outcome = Optional.of(stopUnlessComplete(ports));
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * What closing did: empty while armed, when disarmed, or while the close is still running; else the outcome.
   * {@link Outcome.WouldStop} only from a dry-run guard.
   */
  public synchronized Optional<Outcome<?>> outcome() {
    return outcome;
  }

  /** The registered shutdown hook, if any: for tests, which run it without shutting the JVM down. */
  synchronized Optional<Thread> shutdownHook() {
    return shutdownHook;
  }

  private <T> Outcome<T> stopUnlessComplete(StopPorts<T> ports) {
    Retrying retrying = settings.retrying();
    Either<StopFailure, List<T>> read = retrying.call(() -> ports.read(List.of(buildId.value())));
    if (read.isRight()) {
      if (read.get().isEmpty()) {
        return Outcomes.ofFailure(ports.notFound(buildId));
      }
      T current = read.get().get(0);
      if (ports.isComplete(current)) {
        return new Outcome.AlreadyComplete<>(current);
      }
      if (settings.dryRun()) {
        return new Outcome.WouldStop<>(current);
      }
    } else if (settings.dryRun()) {
      return Outcomes.ofFailure(read.getLeft());
    }
    // running, or unreadable: stop anyway, which is safe on a complete build (spec §4.3)
    return Outcomes.ofStop(ports, retrying.call(() -> ports.stop(buildId)));
  }

  private void removeShutdownHook() {
    Optional<Thread> hook = shutdownHook;
    shutdownHook = Optional.empty();
    if (hook.isEmpty() || hook.get() == Thread.currentThread()) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook.get());
    } catch (IllegalStateException shuttingDown) {
      // the JVM is shutting down and refuses to remove hooks: ours runs close() too, which finds the guard closed
    }
  }
}
