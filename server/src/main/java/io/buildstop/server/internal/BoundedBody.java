package io.buildstop.server.internal;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * A request body collected as it arrives, up to a limit and no further: a declared length over the limit is refused
 * before any byte is read, and a chunked body as soon as it passes the limit. Not thread-safe: one connection's
 * thread fills it.
 */
public final class BoundedBody {
  // a declared length is only a claim: past this size, memory grows with the bytes that actually arrive
  private static final int PREALLOCATED_UP_TO = 64 * 1024;
  private static final byte[] EMPTY = new byte[0];

  private final int limit;
  private final long declared;
  private byte[] bytes;
  private int length;

  private BoundedBody(long declared, int limit) {
    this.limit = limit;
    this.declared = declared;
    this.bytes = declared == 0 ? EMPTY : new byte[(int) Math.min(declared >= 0 ? declared : 1024, PREALLOCATED_UP_TO)];
  }

  /**
   * A body of {@code declared} bytes (its {@code Content-Length}), or of unknown length when {@code declared} is
   * negative (chunked), at most {@code limit} bytes.
   *
   * @throws ServiceError HTTP 413 {@code RequestEntityTooLargeException} when the declared length is over the limit
   */
  public static BoundedBody expecting(long declared, int limit) {
    if (declared > limit) {
      throw tooLarge(limit);
    }
    return new BoundedBody(declared, limit);
  }

  /**
   * Adds the readable bytes of {@code chunk}, consuming them.
   *
   * @throws ServiceError HTTP 413 when the body would pass the limit (or its declared length, which the HTTP decoder
   *     never lets happen)
   */
  public void append(ByteBuf chunk) {
    int count = chunk.readableBytes();
    if (count > limit - length || declared >= 0 && length + count > declared) {
      throw tooLarge(limit);
    }
    if (count > bytes.length - length) {
      bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(2L * bytes.length, (long) length + count)));
    }
    chunk.readBytes(bytes, length, count);
    length += count;
  }

  /** How many bytes have arrived. */
  public int length() {
    return length;
  }

  /** The bytes that have arrived, in an array of exactly their length. */
  public byte[] bytes() {
    return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
  }

  static ServiceError tooLarge(int limit) {
    return ServiceError.of(413, "RequestEntityTooLargeException",
        "The request body is larger than this server's limit of " + limit + " bytes");
  }
}
