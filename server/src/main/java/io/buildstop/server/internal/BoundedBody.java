package io.buildstop.server.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/** A request body read up to a limit and no further: a larger one is refused before it is read in full. */
public final class BoundedBody {
  private BoundedBody() {}

  /**
   * The body, at most {@code limit} bytes: a declared {@code Content-Length} over the limit is refused before any
   * byte is read, and a chunked body is read to {@code limit + 1} bytes at most.
   *
   * @throws ServiceError HTTP 413 {@code RequestEntityTooLargeException} for a body over the limit
   * @throws IOException when the client's connection fails
   */
  public static byte[] read(HttpExchange exchange, int limit) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && isOver(declared.trim(), limit)) {
      throw tooLarge(limit);
    }
    InputStream in = exchange.getRequestBody();
    byte[] body = in.readNBytes(limit + 1);
    if (body.length > limit) {
      throw tooLarge(limit);
    }
    return body;
  }

  private static boolean isOver(String declared, int limit) {
    // the JDK server has already refused a Content-Length that is not a number; a huge one is over any limit
    return !declared.isEmpty() && (!declared.chars().allMatch(Character::isDigit) || declared.length() > 18
        || Long.parseLong(declared) > limit);
  }

  private static ServiceError tooLarge(int limit) {
    return ServiceError.of(413, "RequestEntityTooLargeException",
        "The request body is larger than this server's limit of " + limit + " bytes");
  }
}
