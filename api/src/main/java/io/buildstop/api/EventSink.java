package io.buildstop.api;

import io.buildstop.domain.events.BuildEvent;

/**
 * What receives a backend's build events: the "CodeBuild Build State Change" and "CodeBuild Build Phase Change"
 * events CodeBuild sends to EventBridge (docs/build-events.md), as a backend that emits them hands them over, one at
 * a time, in the order its builds made their transitions.
 *
 * <p>A backend never lets a sink's failure reach a transition: it hands events over on its own thread, after the
 * transition, and a sink that throws is counted and given the next event all the same. A sink that is slow only
 * delays the events behind it; the backend's queue is bounded, and what does not fit is dropped and counted (the
 * in-memory backend's {@code droppedEvents()}). So a sink is free to block, throw or be slow, and a test that needs
 * every event gives the backend a queue that holds them.
 */
@FunctionalInterface
public interface EventSink {

  /**
   * Receives one event.
   *
   * @param event the event; never null
   */
  void accept(BuildEvent event);
}
