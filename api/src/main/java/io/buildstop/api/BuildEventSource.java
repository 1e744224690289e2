package io.buildstop.api;

import io.buildstop.domain.StopFailure;
import io.vavr.control.Either;

/**
 * A backend's build events to subscribe to, as an EventBridge rule on {@code source: aws.codebuild} subscribes a
 * target to CodeBuild's "CodeBuild Build State Change" and "CodeBuild Build Phase Change" events
 * (docs/build-events.md). The port a workflow uses to react to a build's change instead of polling for it.
 *
 * <p>Events reach a subscription as they reach an {@link EventSink}: in transition order, on the backend's own
 * thread, never holding up a transition, and possibly dropped when the backend's queue is full. So a subscriber that
 * must not miss a change also reads the build (BatchGetBuilds) now and then. Thread-safe; nothing is null.
 */
public interface BuildEventSource {

  /**
   * Subscribes {@code sink} to this backend's build events from now on, until the subscription is closed.
   *
   * @param sink what receives the events; subscribing the same sink twice makes two subscriptions
   * @return the subscription, or why there is none ({@link StopFailure.Unavailable} where the backend cannot
   *     deliver events now); never null, never throws
   */
  Either<StopFailure, Subscription> subscribe(EventSink sink);

  /** One subscription: closing it ends the delivery of events to its sink. */
  @FunctionalInterface
  interface Subscription extends AutoCloseable {

    /**
     * Ends the subscription: its sink receives no event handed over after this returns. Closing it again does
     * nothing. Never throws.
     */
    @Override
    void close();
  }
}
