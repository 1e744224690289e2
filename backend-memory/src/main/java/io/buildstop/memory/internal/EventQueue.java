package io.buildstop.memory.internal;

import io.buildstop.api.EventSink;
import io.buildstop.domain.events.BuildEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backend's build events on their way to its listeners: a bounded queue that transitions hand their events to
 * without waiting, drained by one daemon thread at a time, so listeners see the events in the order they were handed
 * over (for one build, the order of its transitions, which hand them over inside their atomic step) and a slow,
 * blocking or throwing listener never holds up or breaks a transition.
 *
 * <p>What does not fit in the queue is dropped and counted ({@link #dropped()}); what a listener throws is counted
 * ({@link #listenerFailures()}) and the next listener and event go ahead. No drainer runs while the queue is empty: one
 * starts, on a pooled daemon thread, when events arrive and ends when it has emptied the queue, so a backend needs no
 * closing.
 */
public final class EventQueue {
  // shared by every backend: a drainer is a task, at most one per queue at a time, and an idle thread is reused
  // (starting a thread for every burst of events would cost a transition more than deriving its events); daemon
  // threads, so a backend never keeps a JVM alive
  private static final ExecutorService DRAINERS = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "buildstop-events");
    thread.setDaemon(true);
    return thread;
  });

  private final ArrayBlockingQueue<BuildEvent> queue;
  private final List<EventSink> listeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong listenerFailures = new AtomicLong();
  // events queued and events delivered, under one lock so that a caller can wait for the second to reach the first
  private final Object counts = new Object();
  private long queued;
  private long delivered;

  /** An empty queue of at most {@code capacity} events, with no listeners. */
  public EventQueue(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** The most events waiting at once. */
  public int capacity() {
    return queue.remainingCapacity() + queue.size();
  }

  /** Adds a listener: it receives the events handed over from now on. */
  public void addListener(EventSink listener) {
    listeners.add(listener);
  }

  /** Removes a listener; true if it was one. */
  public boolean removeListener(EventSink listener) {
    return listeners.remove(listener);
  }

  /** Whether anyone listens: a backend derives no events for nobody. */
  public boolean isListened() {
    return !listeners.isEmpty();
  }

  /** Hands events over, never waiting: what does not fit is dropped and counted. */
  public void offer(List<BuildEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    for (BuildEvent event : events) {
      if (queue.offer(event)) {
        synchronized (counts) {
          queued++;
        }
      } else {
        dropped.incrementAndGet();
      }
    }
    if (draining.compareAndSet(false, true)) {
      DRAINERS.execute(this::drain);
    }
  }

  /** How many events were dropped because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  /** How many times a listener threw. */
  public long listenerFailures() {
    return listenerFailures.get();
  }

  /** How many events were handed to the listeners (each event once, whatever the number of listeners). */
  public long delivered() {
    synchronized (counts) {
      return delivered;
    }
  }

  /**
   * Waits until every event queued before this call has been handed to the listeners, or {@code timeout} has passed.
   *
   * @return whether they all were; false on the timeout, or when interrupted (the interrupt is kept)
   */
  public boolean awaitDelivery(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (counts) {
      long target = queued;
      while (delivered < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          counts.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  private void drain() {
    while (true) {
      BuildEvent event = queue.poll();
      if (event == null) {
        draining.set(false);
        // an event offered after the poll and before the flag fell found a drainer still running and started none
        if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      for (EventSink listener : listeners) {
        try {
          listener.accept(event);
        } catch (RuntimeException | Error failure) {
          // a listener's failure is its own: counted, and the transition that made the event never sees it
          listenerFailures.incrementAndGet();
        }
      }
      synchronized (counts) {
        delivered++;
        counts.notifyAll();
      }
    }
  }
}
