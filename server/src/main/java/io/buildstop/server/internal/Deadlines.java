package io.buildstop.server.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the server waits for a client (server/README.md, "Deadlines"): for a request's line and headers from its
 * first byte, for its body from the end of its headers, and for the next request on a kept-alive connection.
 *
 * @param requestHead from a request's first byte to the end of its headers; then 408 and the connection closed
 * @param requestBody from the end of the headers to the end of the body; then 408 and the connection closed
 * @param idle how long a kept-alive connection may wait for its next request's first byte; then it is closed
 */
public record Deadlines(Duration requestHead, Duration requestBody, Duration idle) {
  /** Checks that each is positive. */
  public Deadlines {
    for (Duration deadline : new Duration[] {requestHead, requestBody, idle}) {
      Objects.requireNonNull(deadline, "deadline");
      if (deadline.isNegative() || deadline.isZero()) {
        throw new IllegalArgumentException("a deadline must be positive: " + deadline);
      }
    }
  }
}
