package io.buildstop.server.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One HTTP request as the {@link Dispatcher} sees it, whichever HTTP server read it.
 *
 * @param method the request method, as sent
 * @param rawPath the path, undecoded
 * @param rawQuery the query string, undecoded, or null when there is none
 * @param headers every value of a header, by any case of its name; an empty list for a header not sent
 * @param body the body, read when the dispatcher asks for it (after the method and the path have been checked)
 * @param reached the local address and port the request's connection reached
 * @param peer the remote address and port the connection came from: the page's paths answer loopback peers alone
 *     unless opened to the network ({@link PageGuard})
 */
public record HttpCall(String method, String rawPath, String rawQuery, Function<String, List<String>> headers,
    Body body, InetSocketAddress reached, InetSocketAddress peer) {

  /** Checks that nothing is null but the query. */
  public HttpCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(reached, "reached");
    Objects.requireNonNull(peer, "peer");
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.apply(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** A request body, read at most once. */
  @FunctionalInterface
  public interface Body {
    /**
     * The body's bytes.
     *
     * @throws ServiceError HTTP 413 when the body is over the server's limit
     * @throws IOException when the connection fails before the body is complete
     */
    byte[] bytes() throws IOException;
  }
}
