package io.buildstop.memory.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BatchDeletion;
import io.buildstop.domain.lifecycle.BatchLifecycle;
import io.buildstop.domain.lifecycle.BatchRun;
import io.buildstop.domain.lifecycle.BatchStopRules;
import io.buildstop.domain.lifecycle.BuildOrder.Position;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The batch builds of the in-memory CodeBuild: each batch with its members as one {@link BatchRun}, by batch id, and
 * an index in {@link io.buildstop.domain.lifecycle.BuildOrder} for the listings ({@link BuildListing}).
 *
 * <p>The run is the truth about a batch and its members. Every member that has started is also a build in the
 * {@link BuildStore}, so that BatchGetBuilds, ListBuilds and StopBuild see it. Every change of a batch is one
 * {@link ConcurrentHashMap#compute} of its run that applies the domain's rule and writes the members it changed to
 * the build store before the new run is published: StopBuildBatch, StopBuild of a member (routed here through {@link
 * #memberOf(BuildId)}) and the lifecycle serialise on the batch, so the batch and each member make one terminal
 * transition. The lock order is always batch, then build: no build update ever waits for a batch.
 *
 * <p>A reader of builds takes no batch lock: during a transition it may see a member already changed while the
 * batch is not yet, never a member half written. A member evicted from the build store (complete, oldest) stays in
 * its run.
 *
 * <p>The store holds at most {@code capacity} batches, bounded as the build store is: a new batch beyond it evicts
 * the oldest finished batch (its member builds stay builds of the build store, which bounds them), and when every
 * batch held runs, a new one is refused.
 */
public final class BatchStore {
  /** Where a member build belongs: its batch and its group's identifier. */
  public record MemberOf(BuildId batch, String identifier) {}

  private final BuildStore builds;
  private final Consumer<BuildId> onEvicted;
  private final int capacity;
  private final AtomicLong evicted = new AtomicLong();
  private final Object additions = new Object();
  private final ConcurrentHashMap<BuildId, BatchRun> batches = new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<Position, BuildId> all = new ConcurrentSkipListMap<>();
  private final ConcurrentHashMap<String, ConcurrentSkipListMap<Position, BuildId>> byProject =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<BuildId, MemberOf> members = new ConcurrentHashMap<>();

  /**
   * An empty store of at most {@code capacity} batches whose started members are written to {@code builds} ({@code
   * onEvicted} told of the builds it evicts or deletes).
   */
  public BatchStore(BuildStore builds, Consumer<BuildId> onEvicted, int capacity) {
    this.builds = builds;
    this.onEvicted = onEvicted;
    this.capacity = capacity;
  }

  /** The most batches it holds. */
  public int capacity() {
    return capacity;
  }

  /** How many finished batches were evicted to make room since this store was made (or cleared). */
  public long evicted() {
    return evicted.get();
  }

  /** The batch with this id and its members, if held. */
  public Optional<BatchRun> get(BuildId id) {
    return Optional.ofNullable(batches.get(id));
  }

  /** The batch a build is a started member of, if it is one. */
  public Optional<MemberOf> memberOf(BuildId build) {
    return Optional.ofNullable(members.get(build));
  }

  /** The batches in progress: a snapshot. */
  public List<BatchRun> running() {
    return batches.values().stream().filter(run -> BatchStopRules.isStoppable(run.batch())).toList();
  }

  /** How many batches are held. */
  public int size() {
    return batches.size();
  }

  /**
   * Stores {@code run} under {@code id}, replacing any batch with that id, and writes its started members to the
   * build store.
   *
   * @return the run, or the first failure of the build store to take a member (the batch is stored nonetheless)
   */
  public Either<StopFailure, BatchRun> put(BuildId id, BatchRun run) {
    if (batches.containsKey(id)) {
      return store(id, run);
    }
    // as the build store: one addition at a time, so two never both take the last place
    synchronized (additions) {
      while (batches.size() >= capacity) {
        if (!evictOldestFinished()) {
          return Either.left(new StopFailure.LimitExceeded("Cannot have more than " + capacity
              + " build batches held at once while all of them are running: stop some, or let them finish, first"));
        }
      }
      return store(id, run);
    }
  }

  private Either<StopFailure, BatchRun> store(BuildId id, BatchRun run) {
    List<StopFailure> failures = new ArrayList<>();
    batches.compute(id, (key, before) -> {
      if (before != null) {
        unindex(before);
        before.members().values().forEach(member -> memberId(member).ifPresent(members::remove));
      }
      failures.addAll(mirror(key, null, run));
      index(key, run);
      return run;
    });
    return failures.isEmpty() ? Either.right(run) : Either.left(failures.get(0));
  }

  /**
   * Applies {@code rule} to the batch with this id and its members, in one atomic step; the members it changed are
   * written to the build store within that step.
   *
   * @return the run after the rule, or empty when no batch has this id
   */
  public Optional<BatchRun> update(BuildId id, UnaryOperator<BatchRun> rule) {
    BatchRun[] after = new BatchRun[1];
    batches.computeIfPresent(id, (key, before) -> {
      after[0] = rule.apply(before);
      if (after[0] == before || after[0].equals(before)) {
        return before;
      }
      // a member the build store cannot take (full of running builds) stays in the run, the truth about it
      mirror(key, before, after[0]);
      return after[0];
    });
    return Optional.ofNullable(after[0]);
  }

  /**
   * DeleteBuildBatch of the batch with this id, in one atomic step of the batch: the batch is forgotten with the
   * builds {@link BatchDeletion#of} deletes; a running member stays a build, on its own from now on (no longer
   * routed to a batch).
   *
   * @return what was deleted, or empty when no batch has this id
   */
  public Optional<BatchDeletion> delete(BuildId id) {
    BatchDeletion[] deletion = new BatchDeletion[1];
    batches.computeIfPresent(id, (key, run) -> {
      deletion[0] = BatchDeletion.of(run);
      forget(run);
      for (String arn : deletion[0].buildsDeleted()) {
        BuildId.parse(arn).forEach(build -> {
          builds.delete(build);
          onEvicted.accept(build);
        });
      }
      return null;
    });
    return Optional.ofNullable(deletion[0]);
  }

  /** As {@link BuildStore#page}, over the batches. */
  public List<Map.Entry<Position, BuildId>> page(Optional<String> project, boolean ascending,
      Optional<Position> after, int limit) {
    return IndexPages.page(all, byProject, project, ascending, after, limit);
  }

  /**
   * Forgets every batch (their member builds are the build store's to forget, after this). Clearing the map waits
   * for a change of a batch in flight, so its member writes land before this returns.
   */
  public void clear() {
    synchronized (additions) {
      batches.clear();
      all.clear();
      byProject.clear();
      members.clear();
      evicted.set(0);
    }
  }

  // the oldest batch in the order that has finished, forgotten; false when every batch held runs
  private boolean evictOldestFinished() {
    for (Map.Entry<Position, BuildId> entry : all.entrySet()) {
      boolean[] removed = new boolean[1];
      batches.computeIfPresent(entry.getValue(), (key, run) -> {
        if (!BatchLifecycle.isComplete(run.batch())) {
          return run;
        }
        forget(run);
        removed[0] = true;
        return null;
      });
      if (removed[0]) {
        evicted.incrementAndGet();
        return true;
      }
    }
    return false;
  }

  // inside the batch's compute that removes it: its indexes, and its members' routing to it
  private void forget(BatchRun run) {
    unindex(run);
    run.members().values().forEach(member -> memberId(member).ifPresent(id -> members.remove(id)));
  }

  /** A batch's place in the listings, as {@link Position#of(Build)} a build's: start, number, id. */
  public static Position positionOf(BuildBatch batch) {
    return new Position(batch.startTime().orElse(Instant.MIN), batch.buildBatchNumber().orElse(Long.MIN_VALUE),
        batch.id().orElse(""));
  }

  // runs inside the batch's compute: every started member that changed is written whole to the build store
  private List<StopFailure> mirror(BuildId batch, BatchRun before, BatchRun after) {
    List<StopFailure> failures = new ArrayList<>();
    if (before != null) {
      // a member replaced by a new attempt (RetryBuildBatch) stays a build, no longer routed to the batch
      before.members().forEach((identifier, old) -> {
        Optional<BuildId> oldId = memberId(old);
        if (oldId.isPresent() && !oldId.equals(Optional.ofNullable(after.members().get(identifier))
            .flatMap(BatchStore::memberId))) {
          members.remove(oldId.get());
        }
      });
    }
    after.members().forEach((identifier, member) -> {
      Optional<BuildId> id = memberId(member);
      if (id.isEmpty() || member.buildStatusAsString().isEmpty()
          || before != null && member.equals(before.members().get(identifier))) {
        return;
      }
      // a member before a build: a StopBuild that finds the build must find its batch too, and wait for this step,
      // or it would stop the build alone while its batch holds it running
      members.put(id.get(), new MemberOf(batch, identifier));
      if (builds.update(id.get(), held -> member).isEmpty()) {
        builds.put(id.get(), member, onEvicted).peekLeft(failures::add);
      }
    });
    return failures;
  }

  private static Optional<BuildId> memberId(Build member) {
    return member.id().flatMap(id -> BuildId.parse(id).toJavaOptional());
  }

  private void index(BuildId id, BatchRun run) {
    Position position = positionOf(run.batch());
    all.put(position, id);
    run.batch().projectName().ifPresent(project ->
        byProject.computeIfAbsent(project, name -> new ConcurrentSkipListMap<>()).put(position, id));
  }

  private void unindex(BatchRun run) {
    Position position = positionOf(run.batch());
    all.remove(position);
    run.batch().projectName().ifPresent(project -> Optional.ofNullable(byProject.get(project))
        .ifPresent(index -> index.remove(position)));
  }
}
