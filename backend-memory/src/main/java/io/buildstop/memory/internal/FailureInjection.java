package io.buildstop.memory.internal;

import io.buildstop.domain.StopFailure;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The next N calls fail with a chosen failure: counted down atomically, so N concurrent callers take one each. */
public final class FailureInjection {
  private record Pending(int remaining, StopFailure failure) {}

  private final AtomicReference<Pending> pending = new AtomicReference<>();

  /** Arms the next {@code calls} calls to fail with {@code failure}, replacing what was armed before. */
  public void failNext(int calls, StopFailure failure) {
    if (calls < 0) {
      throw new IllegalArgumentException("calls must not be negative: " + calls);
    }
    pending.set(calls == 0 ? null : new Pending(calls, failure));
  }

  /** The failure this call must return, if one is armed; consumes it. */
  public Optional<StopFailure> take() {
    while (true) {
      Pending current = pending.get();
      if (current == null) {
        return Optional.empty();
      }
      Pending next = current.remaining() == 1 ? null : new Pending(current.remaining() - 1, current.failure());
      if (pending.compareAndSet(current, next)) {
        return Optional.of(current.failure());
      }
    }
  }
}
