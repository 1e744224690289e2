package io.buildstop.testkit.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Calls made at once on their own threads: each waits at a gate until all are there, then all go together. */
final class Racers {
  /** The most racers at once. */
  static final int MAX = 4;
  // daemon threads: a racer blocked in a failed test must not hold up the JVM's exit
  private static final ExecutorService POOL = Executors.newFixedThreadPool(MAX, runnable -> {
    Thread thread = new Thread(runnable, "racer");
    thread.setDaemon(true);
    return thread;
  });

  private Racers() {}

  /**
   * Runs {@code racers} at once.
   *
   * @return their results, in the order of {@code racers}
   * @throws AssertionError if a racer threw or did not finish within 10 seconds
   */
  static <T> List<T> race(List<Callable<T>> racers) {
    if (racers.size() > MAX) {
      throw new IllegalArgumentException("at most " + MAX + " racers, got " + racers.size());
    }
    CountDownLatch ready = new CountDownLatch(racers.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> running = new ArrayList<>();
    for (Callable<T> racer : racers) {
      running.add(POOL.submit(() -> {
        ready.countDown();
        go.await();
        return racer.call();
      }));
    }
    try {
      if (!ready.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the racers did not all reach the gate");
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> racer : running) {
        results.add(racer.get(10, TimeUnit.SECONDS));
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted in a race", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("a racer failed", e);
    }
  }

  /** Every order of {@code 0..n-1}: the orders in which {@code n} racers may have taken effect. */
  static List<List<Integer>> orders(int n) {
    List<List<Integer>> orders = new ArrayList<>();
    permute(new ArrayList<>(), n, orders);
    return orders;
  }

  private static void permute(List<Integer> prefix, int n, List<List<Integer>> orders) {
    if (prefix.size() == n) {
      orders.add(List.copyOf(prefix));
      return;
    }
    for (int i = 0; i < n; i++) {
      if (!prefix.contains(i)) {
        prefix.add(i);
        permute(prefix, n, orders);
        prefix.remove(prefix.size() - 1);
      }
    }
  }
}
