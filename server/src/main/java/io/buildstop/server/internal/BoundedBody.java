package io.buildstop.server.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** A request body read up to a limit and no further: a larger one is refused before it is read in full. */
public final class BoundedBody {
  private BoundedBody() {}

  /**
   * The body, at most {@code limit} bytes: a declared {@code Content-Length} over the limit is refused before any
   * byte is read, a declared one within it is read into one array of that length, and a chunked body is read to
   * {@code limit + 1} bytes at most.
   *
   * @throws ServiceError HTTP 413 {@code RequestEntityTooLargeException} for a body over the limit
   * @throws IOException when the client's connection fails, or ends before the declared length
   */
  public static byte[] read(HttpExchange exchange, int limit) throws IOException {
    return read(exchange.getRequestHeaders().getFirst("Content-Length"), exchange.getRequestBody(), limit);
  }

  /**
   * The body {@code in} carries, its {@code Content-Length} {@code declared} (null when none was), read as
   * {@link #read(HttpExchange, int)} reads it.
   */
  public static byte[] read(String declared, InputStream in, int limit) throws IOException {
    long length = declared == null ? -1 : declaredLength(declared.trim());
    if (length > limit) {
      throw tooLarge(limit);
    }
    if (length >= 0) {
      return readDeclared(in, (int) length, limit);
    }
    byte[] body = in.readNBytes(limit + 1);
    if (body.length > limit) {
      throw tooLarge(limit);
    }
    return body;
  }

  private static final int PREALLOCATED_UP_TO = 64 * 1024;

  // The JDK's stream for a fixed-length body ends at Content-Length (what follows is the connection's next request)
  // and throws when the connection closes before it, so the end is confirmed with one read. A stream that goes on
  // (chunked framing beside a Content-Length) is read on, bounded as any undeclared body is.
  private static byte[] readDeclared(InputStream in, int length, int limit) throws IOException {
    byte[] body;
    int read;
    if (length <= PREALLOCATED_UP_TO) {
      body = new byte[length];
      read = in.readNBytes(body, 0, length);
    } else {
      // a declared length is only a claim: past this size, memory grows with the bytes that actually arrive
      body = in.readNBytes(length);
      read = body.length;
    }
    if (read < length) {
      throw new IOException("the request body ended after " + read + " of its " + length + " declared bytes");
    }
    int next = in.read();
    if (next < 0) {
      return body;
    }
    byte[] rest = in.readNBytes(limit - length);
    if (length + 1 + rest.length > limit) {
      throw tooLarge(limit);
    }
    byte[] whole = Arrays.copyOf(body, length + 1 + rest.length);
    whole[length] = (byte) next;
    System.arraycopy(rest, 0, whole, length + 1, rest.length);
    return whole;
  }

  // -1 for an empty value (the JDK server reads it as no body); the JDK server has already refused a value that
  // is not a number, and a huge one (Long.MAX_VALUE here) is over any limit
  private static long declaredLength(String declared) {
    if (declared.isEmpty()) {
      return -1;
    }
    if (!declared.chars().allMatch(Character::isDigit) || declared.length() > 18) {
      return Long.MAX_VALUE;
    }
    return Long.parseLong(declared);
  }

  private static ServiceError tooLarge(int limit) {
    return ServiceError.of(413, "RequestEntityTooLargeException",
        "The request body is larger than this server's limit of " + limit + " bytes");
  }
}
