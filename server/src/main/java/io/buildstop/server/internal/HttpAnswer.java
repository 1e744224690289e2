package io.buildstop.server.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link Dispatcher} answers to one request, for the HTTP server to send: the status, the body (in the
 * answering thread's {@link AnswerBuffer}, so it must be sent before that thread answers again) and its content type,
 * the request id, an {@code Allow} header for a 405, whether the connection must close after it, and any other
 * headers it must carry (the page's security headers, a redirect's {@code Location}), in order.
 */
public record HttpAnswer(int status, AnswerBuffer body, String contentType, String requestId,
    Optional<String> allow, boolean closeConnection, List<Map.Entry<String, String>> headers) {

  /** Checks that nothing is null. */
  public HttpAnswer {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(allow, "allow");
    headers = List.copyOf(headers);
  }

  /** An answer with no headers but the usual ones. */
  public HttpAnswer(int status, AnswerBuffer body, String contentType, String requestId, Optional<String> allow,
      boolean closeConnection) {
    this(status, body, contentType, requestId, allow, closeConnection, List.of());
  }
}
