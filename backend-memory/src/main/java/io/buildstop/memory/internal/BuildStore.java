package io.buildstop.memory.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildOrder.Position;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The builds of the in-memory CodeBuild, by id, with what a big store needs to stay fast and bounded: an index in
 * {@link io.buildstop.domain.lifecycle.BuildOrder} over all builds and one per project, so a listing page costs its
 * length and not a sort of the store; the set of running builds, so a driver of running builds never scans the
 * complete ones; and a capacity, beyond which the oldest complete builds are evicted to make room, and a new build
 * is refused when every build held is running.
 *
 * <p>Every change to a build happens inside the map's atomic update of that build, indexes included, so racing
 * callers serialise on it. Adding a build (the only change that can need room) also holds this store's lock, so
 * two additions never both take the last place.
 */
public final class BuildStore {
  private final int capacity;
  private final ConcurrentHashMap<BuildId, Build> builds = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<Position, BuildId> all = new ConcurrentSkipListMap<>();
  private final ConcurrentHashMap<String, ConcurrentSkipListMap<Position, BuildId>> byProject =
      new ConcurrentHashMap<>();
  private final Set<BuildId> running = ConcurrentHashMap.newKeySet();
  private final AtomicLong evicted = new AtomicLong();
  private final Object additions = new Object();

  /** An empty store that holds at most {@code capacity} builds. */
  public BuildStore(int capacity) {
    this.capacity = capacity;
  }

  /** The most builds it holds. */
  public int capacity() {
    return capacity;
  }

  /** The build with this id, if held. */
  public Optional<Build> get(BuildId id) {
    return Optional.ofNullable(builds.get(id));
  }

  /** Every build held, in no particular order: a snapshot. */
  public List<Build> snapshot() {
    return List.copyOf(builds.values());
  }

  /** How many builds are held. */
  public int size() {
    return builds.size();
  }

  /** How many complete builds were evicted to make room since this store was made. */
  public long evicted() {
    return evicted.get();
  }

  /**
   * Forgets every build and its indexes, and the eviction count: the store as new. Holds the additions' lock, so no
   * addition is half done; a change racing it may land before or after, never in between.
   */
  public void clear() {
    synchronized (additions) {
      builds.clear();
      all.clear();
      byProject.clear();
      running.clear();
      evicted.set(0);
    }
  }

  /** The ids of the builds in progress: a snapshot, as long as the running builds and not the store. */
  public List<BuildId> running() {
    return List.copyOf(running);
  }

  /**
   * Stores {@code build} under {@code id}, replacing any build with that id. A new id needs room: when the store is
   * full, the oldest complete build is evicted (and {@code onEvicted} told its id); when every build held is
   * running, nothing is stored.
   *
   * @return the build stored, or {@link StopFailure.LimitExceeded} when the store is full of running builds
   */
  public Either<StopFailure, Build> put(BuildId id, Build build, Consumer<BuildId> onEvicted) {
    if (builds.containsKey(id)) {
      builds.compute(id, (key, old) -> indexed(key, old, build));
      return Either.right(build);
    }
    synchronized (additions) {
      while (builds.size() >= capacity) {
        Optional<BuildId> oldest = oldestComplete();
        if (oldest.isEmpty()) {
          return Either.left(new StopFailure.LimitExceeded("Cannot have more than " + capacity
              + " builds held at once while all of them are running: stop or complete some first"));
        }
        remove(oldest.get());
        evicted.incrementAndGet();
        onEvicted.accept(oldest.get());
      }
      builds.compute(id, (key, old) -> indexed(key, old, build));
      return Either.right(build);
    }
  }

  /**
   * Applies {@code rule} to the build with this id, in one atomic step.
   *
   * @return the build after the rule, or empty when no build has this id
   */
  public Optional<Build> update(BuildId id, UnaryOperator<Build> rule) {
    return Optional.ofNullable(builds.computeIfPresent(id, (key, build) -> indexed(key, build, rule.apply(build))));
  }

  /**
   * The ids after {@code after} (from the start when empty) in ascending or descending order, of one project's
   * builds or of all, at most {@code limit} of them plus one: the caller learns whether another page follows.
   */
  public List<Map.Entry<Position, BuildId>> page(Optional<String> project, boolean ascending,
      Optional<Position> after, int limit) {
    NavigableMap<Position, BuildId> index = project.isPresent()
        ? byProject.getOrDefault(project.get(), new ConcurrentSkipListMap<>())
        : all;
    NavigableMap<Position, BuildId> ordered = ascending ? index : index.descendingMap();
    NavigableMap<Position, BuildId> rest = after.isPresent() ? ordered.tailMap(after.get(), false) : ordered;
    List<Map.Entry<Position, BuildId>> page = new ArrayList<>(Math.min(limit + 1, 128));
    for (Iterator<Map.Entry<Position, BuildId>> it = rest.entrySet().iterator();
        it.hasNext() && page.size() <= limit; ) {
      page.add(it.next());
    }
    return page;
  }

  // runs inside the map's atomic update of the build: the indexes follow the build exactly
  private Build indexed(BuildId id, Build before, Build after) {
    if (before != null) {
      if (Position.same(before, after) && before.projectName().equals(after.projectName())) {
        // the same place in the order (a stop, an advance): the indexes keep the key the build was stored under.
        // Putting id again would swap in the caller's copy of it (a map's compute hands over the key it was
        // asked with), two more strings and a BuildId per build for as long as it is held
        return running(id, after);
      }
      unindex(before, Position.of(before));
    }
    Position position = Position.of(after);
    all.put(position, id);
    after.projectName().ifPresent(project ->
        byProject.computeIfAbsent(project, name -> new ConcurrentSkipListMap<>()).put(position, id));
    if (before != null && !before.projectName().equals(after.projectName())) {
      before.projectName().ifPresent(project -> Optional.ofNullable(byProject.get(project))
          .ifPresent(index -> index.remove(Position.of(before), id)));
    }
    return running(id, after);
  }

  private Build running(BuildId id, Build build) {
    if (StopRules.isStoppable(build)) {
      running.add(id);
    } else {
      running.remove(id);
    }
    return build;
  }

  private void unindex(Build build, Position position) {
    all.remove(position);
    build.projectName().ifPresent(project -> Optional.ofNullable(byProject.get(project))
        .ifPresent(index -> index.remove(position)));
  }

  private void remove(BuildId id) {
    builds.computeIfPresent(id, (key, build) -> {
      unindex(build, Position.of(build));
      running.remove(key);
      return null;
    });
  }

  // the oldest build in the order that is not running; the walk passes only the running builds before it
  private Optional<BuildId> oldestComplete() {
    for (Map.Entry<Position, BuildId> entry : all.entrySet()) {
      if (!running.contains(entry.getValue())) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }
}
