package io.buildstop.memory.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildOrder.Position;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * is refused when every build held is running. Beyond the newest {@code wholeCompleteBuilds} complete builds, the
 * older complete ones are held as {@link CompactBuild}s: a store of a million builds holds half the bytes, and the
 * builds read and stopped most (the newest) stay whole, cheapest to read.
 *
 * <p>Every change to a build happens inside the map's atomic update of that build, indexes included, so racing
 * callers serialise on it. Adding a build (the only change that can need room) also holds this store's lock, so
 * two additions never both take the last place.
 */
public final class BuildStore {
  /**
   * Told of every change of a build, inside the change's atomic step: the one place every transition passes (a
   * batch's members too, which their batch writes here), so what it derives from a change follows the build's
   * changes one for one and in order. It must not block.
   */
  @FunctionalInterface
  public interface Transitions {
    /** Nothing is told. */
    Transitions NONE = (before, after) -> {};

    /**
     * A build changed from {@code before} (empty for a new build) to {@code after}.
     */
    void changed(Optional<Build> before, Build after);
  }

  // how many distinct shapes of complete builds a store shares before it holds further builds whole
  private static final int SHAPES = 10_000;
  // at most this many older complete builds are compacted per change: the work spreads over the calls that made it
  private static final int COMPACTIONS_PER_CHANGE = 2;

  private final int capacity;
  private final int wholeCompleteBuilds;
  // a value is a Build, or a CompactBuild once it is complete and older than the newest wholeCompleteBuilds; only
  // this class sees the difference
  private final ConcurrentHashMap<BuildId, Object> builds = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<Position, BuildId> all = new ConcurrentSkipListMap<>();
  private final ConcurrentHashMap<String, ConcurrentSkipListMap<Position, BuildId>> byProject =
      new ConcurrentHashMap<>();
  private final Set<BuildId> running = ConcurrentHashMap.newKeySet();
  // the complete builds held whole, in the order they completed (a build completes into it once until compacted)
  private final ConcurrentHashMap<BuildId, Long> whole = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<Long, BuildId> wholeByCompletion = new ConcurrentSkipListMap<>();
  private final AtomicLong completions = new AtomicLong();
  private final CompactBuild.Shapes shapes = new CompactBuild.Shapes(SHAPES);
  private final AtomicLong evicted = new AtomicLong();
  private final AtomicLong compact = new AtomicLong();
  private final Object additions = new Object();
  private final Transitions transitions;

  /** An empty store that holds at most {@code capacity} builds, every one whole. */
  public BuildStore(int capacity) {
    this(capacity, capacity);
  }

  /**
   * An empty store that holds at most {@code capacity} builds, the newest {@code wholeCompleteBuilds} complete ones
   * whole and the older complete ones compact.
   */
  public BuildStore(int capacity, int wholeCompleteBuilds) {
    this(capacity, wholeCompleteBuilds, Transitions.NONE);
  }

  /**
   * As {@link #BuildStore(int, int)}, telling {@code transitions} of every change of a build (not of a deletion, an
   * eviction or a {@link #clear()}: those forget builds, they are no transitions of them).
   */
  public BuildStore(int capacity, int wholeCompleteBuilds, Transitions transitions) {
    this.capacity = capacity;
    this.wholeCompleteBuilds = wholeCompleteBuilds;
    this.transitions = transitions;
  }

  /** The most builds it holds. */
  public int capacity() {
    return capacity;
  }

  /** The build with this id, if held. */
  public Optional<Build> get(BuildId id) {
    return Optional.ofNullable(builds.get(id)).map(BuildStore::whole);
  }

  /** Every build held, in no particular order: a snapshot. */
  public List<Build> snapshot() {
    List<Build> snapshot = new ArrayList<>(builds.size());
    for (Object held : builds.values()) {
      snapshot.add(whole(held));
    }
    return List.copyOf(snapshot);
  }

  /** How many builds are held. */
  public int size() {
    return builds.size();
  }

  /** How many complete builds are held compact now. */
  public long compactBuilds() {
    return compact.get();
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
      whole.clear();
      wholeByCompletion.clear();
      shapes.clear();
      compact.set(0);
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
      builds.compute(id, (key, old) -> changed(key, replaced(old), build));
      compactBeyondTheNewest();
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
      builds.compute(id, (key, old) -> changed(key, replaced(old), build));
    }
    compactBeyondTheNewest();
    return Either.right(build);
  }

  /**
   * Applies {@code rule} to the build with this id, in one atomic step.
   *
   * @return the build after the rule, or empty when no build has this id
   */
  public Optional<Build> update(BuildId id, UnaryOperator<Build> rule) {
    Build[] after = new Build[1];
    builds.computeIfPresent(id, (key, held) -> {
      Build before = whole(held);
      after[0] = rule.apply(before);
      // a rule that changes nothing (a stop of a complete build) leaves the build as held, compact or not
      if (after[0] == before) {
        return held;
      }
      if (held instanceof CompactBuild) {
        compact.decrementAndGet();
      }
      return changed(key, before, after[0]);
    });
    if (after[0] != null) {
      compactBeyondTheNewest();
    }
    return Optional.ofNullable(after[0]);
  }

  /**
   * The ids after {@code after} (from the start when empty) in ascending or descending order, of one project's
   * builds or of all, at most {@code limit} of them plus one: the caller learns whether another page follows.
   */
  public List<Map.Entry<Position, BuildId>> page(Optional<String> project, boolean ascending,
      Optional<Position> after, int limit) {
    return IndexPages.page(all, byProject, project, ascending, after, limit);
  }

  // runs inside the map's atomic update of the build: the indexes, and whoever is told of transitions, follow it
  private Build changed(BuildId id, Build before, Build after) {
    Build indexed = indexed(id, before, after);
    transitions.changed(Optional.ofNullable(before), after);
    return indexed;
  }

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
      // runs inside the build's atomic update, so no other change of this build races the check; a build that ran
      // again and completed again before it was compacted keeps its first place (it is only compacted sooner).
      // A store that cannot hold more than wholeCompleteBuilds builds never compacts, and keeps no order for it
      if (wholeCompleteBuilds < capacity && !whole.containsKey(id)) {
        Long completion = completions.incrementAndGet();
        whole.put(id, completion);
        wholeByCompletion.put(completion, id);
      }
    }
    return build;
  }

  // the oldest complete builds held whole beyond the newest wholeCompleteBuilds become compact, a few per change
  private void compactBeyondTheNewest() {
    for (int i = 0; i < COMPACTIONS_PER_CHANGE && whole.size() > wholeCompleteBuilds; i++) {
      Map.Entry<Long, BuildId> oldest = wholeByCompletion.pollFirstEntry();
      if (oldest == null) {
        return;
      }
      BuildId id = oldest.getValue();
      if (whole.remove(id, oldest.getKey())) {
        builds.computeIfPresent(id, (key, held) -> held instanceof Build && !StopRules.isStoppable((Build) held)
            ? CompactBuild.of((Build) held, shapes).<Object>map(made -> {
                compact.incrementAndGet();
                return made;
              }).orElse(held)
            : held);
      }
    }
  }

  // the build a change replaces, whole; a compact one leaves the count
  private Build replaced(Object held) {
    if (held instanceof CompactBuild) {
      compact.decrementAndGet();
    }
    return held == null ? null : whole(held);
  }

  private static Build whole(Object held) {
    return held instanceof CompactBuild ? ((CompactBuild) held).expand() : (Build) held;
  }

  private void unindex(Build build, Position position) {
    all.remove(position);
    build.projectName().ifPresent(project -> Optional.ofNullable(byProject.get(project))
        .ifPresent(index -> index.remove(position)));
  }

  /**
   * Deletes the build with this id, and its indexes: BatchDeleteBuilds' and DeleteBuildBatch's removal, not an
   * eviction (nothing is counted).
   *
   * @return whether a build was held under this id
   */
  public boolean delete(BuildId id) {
    boolean held = builds.containsKey(id);
    remove(id);
    return held;
  }

  private void remove(BuildId id) {
    builds.computeIfPresent(id, (key, held) -> {
      Build build = replaced(held);
      unindex(build, Position.of(build));
      running.remove(key);
      Long completion = whole.remove(key);
      if (completion != null) {
        wholeByCompletion.remove(completion, key);
      }
      return null;
    });
  }

  // the oldest build in the order that is not running; the walk passes only the running builds before it, and
  // does not start when every build runs (else each refused addition to a store full of running builds would walk
  // all of them)
  private Optional<BuildId> oldestComplete() {
    if (running.size() >= builds.size()) {
      return Optional.empty();
    }
    for (Map.Entry<Position, BuildId> entry : all.entrySet()) {
      if (!running.contains(entry.getValue())) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }
}
