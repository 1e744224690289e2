package io.buildstop.server.internal;

import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link Dispatcher} answers to one request, for the HTTP server to send: the status, the JSON body (in the
 * answering thread's {@link AnswerBuffer}, so it must be sent before that thread answers again) and its content type,
 * the request id, an {@code Allow} header for a 405, and whether the connection must close after it.
 */
public record HttpAnswer(int status, AnswerBuffer body, String contentType, String requestId,
    Optional<String> allow, boolean closeConnection) {

  /** Checks that nothing is null. */
  public HttpAnswer {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(allow, "allow");
  }
}
