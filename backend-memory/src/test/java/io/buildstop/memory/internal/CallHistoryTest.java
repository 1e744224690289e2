package io.buildstop.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CallHistoryTest {

  @Test
  void keepsEverythingOldestFirstUntilFull() {
    CallHistory<Integer> history = new CallHistory<>(5);

    IntStream.rangeClosed(1, 3).forEach(history::add);

    assertThat(history.snapshot()).containsExactly(1, 2, 3);
  }

  @Test
  void forgetsTheOldestOnceFullRoundAndRoundTheRing() {
    CallHistory<Integer> history = new CallHistory<>(3);

    IntStream.rangeClosed(1, 3).forEach(history::add);
    assertThat(history.snapshot()).containsExactly(1, 2, 3);
    IntStream.rangeClosed(4, 11).forEach(history::add);
    assertThat(history.snapshot()).containsExactly(9, 10, 11);
  }

  @Test
  void aCapacityOfNothingKeepsNothing() {
    CallHistory<Integer> history = new CallHistory<>(0);

    history.add(1);

    assertThat(history.snapshot()).isEmpty();
  }

  @Test
  void refusesANegativeCapacity() {
    assertThatIllegalArgumentException().isThrownBy(() -> new CallHistory<>(-1));
  }

  @Test
  void concurrentAddsKeepExactlyTheLastItemsEachThreadsInItsOwnOrder() throws InterruptedException {
    int threads = 4;
    int perThread = 20_000;
    CallHistory<long[]> history = new CallHistory<>(1_000);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> adders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long thread = t;
      Thread adder = new Thread(() -> {
        awaitQuietly(start);
        for (int i = 0; i < perThread; i++) {
          history.add(new long[] {thread, i});
        }
      });
      adder.start();
      adders.add(adder);
    }
    start.countDown();
    for (Thread adder : adders) {
      adder.join();
    }

    List<long[]> kept = history.snapshot();
    assertThat(kept).hasSize(1_000);
    long[] lastSeen = {-1, -1, -1, -1};
    for (long[] item : kept) {
      int thread = (int) item[0];
      assertThat(item[1]).as("thread %d's items in the order it added them", thread).isGreaterThan(lastSeen[thread]);
      lastSeen[thread] = item[1];
    }
    // whichever thread added last, its final item is among the kept ones
    assertThat(lastSeen).contains((long) perThread - 1);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
