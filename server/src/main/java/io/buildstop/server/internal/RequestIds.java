package io.buildstop.server.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The {@code x-amzn-RequestId} of each response: a random (version 4) UUID, as AWS sends. */
public final class RequestIds {
  private static final long VERSION_MASK = 0xF000L;
  private static final long VERSION_4 = 0x4000L;
  private static final long VARIANT_MASK = 0xC000_0000_0000_0000L;
  private static final long VARIANT_IETF = 0x8000_0000_0000_0000L;

  private RequestIds() {}

  /**
   * A new id. It tells requests apart in logs and is no secret, so it comes from {@link ThreadLocalRandom} rather
   * than {@link UUID#randomUUID()}'s {@code SecureRandom}, which showed in the server's CPU profile.
   */
  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = random.nextLong() & ~VERSION_MASK | VERSION_4;
    long low = random.nextLong() & ~VARIANT_MASK | VARIANT_IETF;
    return new UUID(high, low).toString();
  }
}
