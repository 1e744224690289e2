package io.buildstop.benchmarks;

import io.buildstop.api.BuildIdPage;
import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.memory.SortOrderType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a big store costs per call, for stores of each size given (1,000 and 1,000,000 builds by default, all
 * stopped but 10 running): a ListBuilds page from the start and from the middle (with the token of the page
 * before), a ListBuildsForProject page ascending, and one tick of the lifecycle driver's view of
 * the store (the builds in progress, among the complete ones). Each row times {@code rounds} calls and prints the median and p99 in microseconds. Run with the
 * heap the largest store needs: {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar
 * io.buildstop.benchmarks.StoreScale 1000 1000000}.
 */
public final class StoreScale {
  private static final int RUNNING = 10;
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private StoreScale() {}

  public static void main(String[] args) {
    int[] sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {1_000,
        1_000_000};
    System.out.printf(Locale.ROOT, "%-34s %10s %8s %12s %12s%n", "call", "builds", "rounds", "median µs", "p99 µs");
    for (int size : sizes) {
      measure(size);
    }
  }

  private static void measure(int size) {
    InMemoryCodeBuild backend = InMemoryCodeBuild.builder().stopCallHistory(0).maxBuilds(size).build();
    // the captured stopped build with ids of its own, nested values shared (557 B each): a million fit in 1 GB
    Build stopped = Seeding.capturedStoppedBuild();
    String[] ids = Seeding.newIds(size - RUNNING);
    for (int i = 0; i < ids.length; i++) {
      backend.put(Seeding.withId(stopped, ids[i]).withStartTime(START.plusSeconds(i))
          .withProjectName(Seeding.PROJECT)).get();
    }
    for (int i = 0; i < RUNNING; i++) {
      backend.startBuild(Seeding.PROJECT).get();
    }
    Optional<String> middle = middleToken(backend, size);
    int rounds = size > 100_000 ? 200 : 2_000;
    row("ListBuilds, first page", size, rounds,
        () -> backend.listBuilds(SortOrderType.DESCENDING, Optional.empty()).get().ids().size());
    row("ListBuilds, a middle page", size, rounds,
        () -> backend.listBuilds(SortOrderType.DESCENDING, middle).get().ids().size());
    row("ListBuildsForProject, ascending", size, rounds,
        () -> backend.listBuildsForProject(Seeding.PROJECT, SortOrderType.ASCENDING, Optional.empty()).get()
            .ids().size());
    row("lifecycle tick: running builds", size, rounds, () -> backend.runningBuilds().size());
  }

  // the token of the page that ends halfway through the store, found by walking there once
  private static Optional<String> middleToken(InMemoryCodeBuild backend, int size) {
    Optional<String> token = Optional.empty();
    for (int page = 0; page < size / 200; page++) {
      BuildIdPage next = backend.listBuilds(SortOrderType.DESCENDING, token).get();
      token = next.nextToken();
    }
    return token;
  }

  private static void row(String call, int size, int rounds, java.util.function.IntSupplier work) {
    long sink = 0;
    for (int i = 0; i < Math.min(rounds, 200); i++) {
      sink += work.getAsInt();
    }
    List<Long> nanos = new ArrayList<>(rounds);
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      sink += work.getAsInt();
      nanos.add(System.nanoTime() - start);
    }
    nanos.sort(null);
    System.out.printf(Locale.ROOT, "%-34s %10d %8d %12.1f %12.1f%s%n", call, size, rounds,
        nanos.get(rounds / 2) / 1e3, nanos.get((int) Math.ceil(rounds * 0.99) - 1) / 1e3, sink < 0 ? "!" : "");
  }
}
