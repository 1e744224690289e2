package io.buildstop.memory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last {@code capacity} items added, oldest first: a ring of slots numbered by one shared counter. Adding is
 * one atomic increment and one slot write, so threads stopping distinct builds share a single counter rather than
 * a queue's head, tail and size. Thread-safe.
 *
 * @param <T> what is remembered
 */
public final class CallHistory<T> {
  private record Entry<T>(long sequence, T item) {}

  private final int capacity;
  private final AtomicReferenceArray<Entry<T>> slots;
  private final AtomicLong added = new AtomicLong();
  private final AtomicLong cleared = new AtomicLong();

  /** The largest capacity: the ring's slots are allocated up front, 4 to 8 bytes each. */
  public static final int MAX_CAPACITY = 1_000_000;

  /**
   * @param capacity how many of the most recent items to keep; 0 keeps none
   * @throws IllegalArgumentException if {@code capacity} is negative or over {@link #MAX_CAPACITY}
   */
  public CallHistory(int capacity) {
    if (capacity < 0 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("capacity must be between 0 and " + MAX_CAPACITY + ": " + capacity);
    }
    this.capacity = capacity;
    this.slots = new AtomicReferenceArray<>(capacity);
  }

  /** Remembers {@code item}, forgetting the oldest one when full. */
  public void add(T item) {
    if (capacity == 0) {
      return;
    }
    long sequence = added.getAndIncrement();
    Entry<T> entry = new Entry<>(sequence, item);
    int slot = slot(sequence);
    // a thread paused between taking its number and writing must not overwrite a newer item the ring has
    // wrapped onto the same slot meanwhile: the newer one is the one to keep
    while (true) {
      Entry<T> present = slots.get(slot);
      if (present != null && present.sequence() > sequence) {
        return;
      }
      if (slots.compareAndSet(slot, present, entry)) {
        return;
      }
    }
  }

  /** Forgets every item kept; the items added afterwards are the history. */
  public void clear() {
    long end = added.get();
    for (int slot = 0; slot < capacity; slot++) {
      slots.set(slot, null);
    }
    // an add racing the clear may survive it or not; none of those before it does
    cleared.accumulateAndGet(end, Math::max);
  }

  /**
   * The items kept, oldest first: a snapshot. An item whose add is still under way when the snapshot is taken
   * may be missing from it, and one overwritten meanwhile by a newer add is left out rather than shown out of order.
   */
  public List<T> snapshot() {
    long end = added.get();
    List<T> items = new ArrayList<>((int) Math.min(capacity, end));
    for (long sequence = Math.max(cleared.get(), end - capacity); sequence < end; sequence++) {
      Entry<T> entry = slots.get(slot(sequence));
      if (entry != null && entry.sequence() == sequence) {
        items.add(entry.item());
      }
    }
    return List.copyOf(items);
  }

  private int slot(long sequence) {
    return (int) (sequence % capacity);
  }
}
