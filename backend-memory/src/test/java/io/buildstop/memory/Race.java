package io.buildstop.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs tasks on a pool all at once: each waits at a start gate until every one is there, then all go together. */
final class Race {
  private final ExecutorService pool;

  Race(ExecutorService pool) {
    this.pool = pool;
  }

  /**
   * Many racers: they block on a latch and are woken together. Woken threads start some microseconds apart, so
   * this finds orderings, but only now and then puts two racers inside the same few-microsecond window.
   *
   * @return the tasks' results, in the order of {@code tasks}; the pool must have a thread per task
   */
  <T> List<T> run(List<Callable<T>> tasks) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(tasks.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> futures = submit(tasks, () -> {
      ready.countDown();
      go.await();
    });
    if (!ready.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the pool has fewer threads than the race has runners");
    }
    go.countDown();
    return results(futures);
  }

  /**
   * Racers in lockstep: each busy-waits until the last one arrives, so they leave the gate in the same instant and
   * run the same code side by side, which hits a window between a read and a write within a few rounds. Give no
   * more tasks than the machine has cores, or the spinners starve each other.
   *
   * @return the tasks' results, in the order of {@code tasks}
   */
  <T> List<T> inLockstep(List<Callable<T>> tasks) throws InterruptedException {
    AtomicInteger missing = new AtomicInteger(tasks.size());
    return results(submit(tasks, () -> {
      missing.decrementAndGet();
      while (missing.get() > 0) {
        if (Thread.interrupted()) {
          throw new InterruptedException("the race was called off");
        }
        Thread.onSpinWait();
      }
    }));
  }

  private interface Gate {
    void pass() throws InterruptedException;
  }

  private <T> List<Future<T>> submit(List<Callable<T>> tasks, Gate gate) {
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(pool.submit(() -> {
        gate.pass();
        return task.call();
      }));
    }
    return futures;
  }

  private static <T> List<T> results(List<Future<T>> futures) throws InterruptedException {
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      try {
        results.add(future.get(10, TimeUnit.SECONDS));
      } catch (ExecutionException | TimeoutException e) {
        throw new AssertionError("a racer failed", e);
      }
    }
    return results;
  }
}
