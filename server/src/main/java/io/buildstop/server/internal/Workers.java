package io.buildstop.server.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The server's worker threads, as the JDK server's executor: each task is one exchange (read the request, answer
 * it). Counts the exchanges in flight, so that a graceful stop can wait for them, and hands an {@link Error} a task
 * ends with to {@code fatal} before it kills the worker.
 */
public final class Workers implements Executor {
  private final ExecutorService pool;
  private final Consumer<Error> fatal;
  private final AtomicInteger inFlight = new AtomicInteger();

  /** Runs exchanges on {@code pool}; an {@link Error} in one goes to {@code fatal}. */
  public Workers(ExecutorService pool, Consumer<Error> fatal) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.fatal = Objects.requireNonNull(fatal, "fatal");
  }

  @Override
  public void execute(Runnable exchange) {
    inFlight.incrementAndGet();
    try {
      pool.execute(() -> {
        try {
          exchange.run();
        } catch (Error e) {
          fatal.accept(e);
          throw e;
        } finally {
          inFlight.decrementAndGet();
        }
      });
    } catch (RejectedExecutionException e) {
      inFlight.decrementAndGet();
      throw e;
    }
  }

  /** How many exchanges are queued or running. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Waits until no exchange is in flight, or {@code timeout} has passed.
   *
   * @return whether none is in flight
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (inFlight.get() > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(10)));
    }
    return true;
  }

  /** Stops the workers, interrupting the exchanges still running. */
  public void shutdownNow() {
    pool.shutdownNow();
  }
}
