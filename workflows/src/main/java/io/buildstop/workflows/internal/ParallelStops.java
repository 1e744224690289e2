package io.buildstop.workflows.internal;

import io.buildstop.domain.StopFailure;
import io.buildstop.workflows.Outcome;
import io.buildstop.workflows.StopReport;
import io.buildstop.workflows.StopReportLine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stops the builds and batches of a plan on a pool of at most {@code concurrency} threads, made for the run and shut down after
 * it; each stop retried while throttled or unavailable. One line per build, in the plan's order; one failure never
 * aborts the rest. Never throws.
 */
public final class ParallelStops {
  private ParallelStops() {}

  /**
   * The report of stopping every build and batch of {@code plan}, or of not stopping them in a dry run.
   *
   * @param plan builds and batches with valid ids, each once, as read
   */
  public static StopReport run(List<Planned<?>> plan, Settings settings) {
    if (settings.dryRun()) {
      return new StopReport(plan.stream().map(planned -> planned.line(planned.wouldStop())).toList());
    }
    if (plan.isEmpty()) {
      return new StopReport(List.of());
    }
    Retrying retrying = settings.retrying();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.concurrency(), plan.size()), threads());
    try {
      List<Future<Outcome<?>>> stops = new ArrayList<>();
      for (Planned<?> planned : plan) {
        stops.add(pool.submit(() -> planned.stop(retrying)));
      }
      return new StopReport(await(plan, stops, pool));
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<StopReportLine> await(List<Planned<?>> plan, List<Future<Outcome<?>>> stops,
      ExecutorService pool) {
    List<StopReportLine> lines = new ArrayList<>();
    boolean interrupted = false;
    for (int i = 0; i < plan.size(); i++) {
      Future<Outcome<?>> stop = stops.get(i);
      if (!interrupted) {
        try {
          lines.add(plan.get(i).line(stop.get()));
          continue;
        } catch (InterruptedException e) {
          // the caller gave up: interrupt the stops in flight, report what finished, never block again
          interrupted = true;
          pool.shutdownNow();
        } catch (ExecutionException e) {
          lines.add(plan.get(i).line(new Outcome.Failed<>(StopFailure.unavailable("the stop failed: " + e.getCause(),
              e.getCause()))));
          continue;
        }
      }
      lines.add(plan.get(i).line(doneOrUnknown(stop)));
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return lines;
  }

  // after an interrupt: a stop that finished keeps its outcome; one that did not may or may not have happened
  private static Outcome<?> doneOrUnknown(Future<Outcome<?>> stop) {
    if (stop.isDone() && !stop.isCancelled()) {
      try {
        return stop.get();
      } catch (InterruptedException | ExecutionException e) {
        return new Outcome.Failed<>(StopFailure.unavailable("the stop failed: " + e, e));
      }
    }
    return new Outcome.Failed<>(StopFailure.unavailable(
        "interrupted before this stop finished: the build may or may not have stopped; running again is safe"));
  }

  private static ThreadFactory threads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "buildstop-stop-" + count.incrementAndGet());
      // a port call that hangs must not keep the JVM alive after the caller gave up on it
      thread.setDaemon(true);
      return thread;
    };
  }
}
