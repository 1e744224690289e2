package io.buildstop.workflows.contract;

import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * A stopper over any backend whose calls fail as a test says, and which records every call: throttling injected
 * mid-workflow, a build that always fails, a build that completes just before its stop arrives.
 */
public final class ScriptedStopper implements BuildStopper {
  private final BuildStopper delegate;
  private final List<BuildId> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger callCount = new AtomicInteger();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicReference<StopFailure> failure = new AtomicReference<>();
  private final Map<BuildId, StopFailure> alwaysFailing = new ConcurrentHashMap<>();
  private volatile BiConsumer<Integer, BuildId> beforeEachCall = (call, id) -> { };

  /** Passes every call to {@code delegate} until told otherwise. */
  public ScriptedStopper(BuildStopper delegate) {
    this.delegate = delegate;
  }

  /** The next {@code calls} calls, whichever build they are for, fail with {@code with} and change nothing. */
  public ScriptedStopper failNext(int calls, StopFailure with) {
    failure.set(with);
    failuresLeft.set(calls);
    return this;
  }

  /** Every call for {@code id} fails with {@code with} and changes nothing. */
  public ScriptedStopper alwaysFail(BuildId id, StopFailure with) {
    alwaysFailing.put(id, with);
    return this;
  }

  /** Runs {@code action(callNumber, id)} before each call is answered; call numbers start at 1. */
  public ScriptedStopper beforeEachCall(BiConsumer<Integer, BuildId> action) {
    this.beforeEachCall = action;
    return this;
  }

  @Override
  public Either<StopFailure, Build> stopBuild(BuildId id) {
    calls.add(id);
    beforeEachCall.accept(callCount.incrementAndGet(), id);
    Optional<StopFailure> always = Optional.ofNullable(alwaysFailing.get(id));
    if (always.isPresent()) {
      return Either.left(always.get());
    }
    if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      return Either.left(failure.get());
    }
    return delegate.stopBuild(id);
  }

  /** Every call so far, in order. */
  public List<BuildId> calls() {
    return List.copyOf(calls);
  }

  /** How many calls asked for {@code id}. */
  public long callsFor(BuildId id) {
    return calls.stream().filter(id::equals).count();
  }
}
