package io.buildstop.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The body as {@link BoundedBody} collects it from the decoder's chunks: the framing itself (Content-Length,
 * chunked) is pinned over real sockets by {@code RequestBodyTest}; these pin the limit.
 */
class BoundedBodyTest {
  private static final int LIMIT = 16;

  @Test
  void aDeclaredBodyIsExactlyItsBytes() {
    BoundedBody body = BoundedBody.expecting(5, LIMIT);
    body.append(bytes("{\"a"));
    body.append(bytes("\"}"));

    assertThat(body.bytes()).isEqualTo("{\"a\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(BoundedBody.expecting(0, LIMIT).bytes()).isEmpty();
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyByteIsRead() {
    for (long declared : new long[] {LIMIT + 1, Long.MAX_VALUE}) {
      assertThatThrownBy(() -> BoundedBody.expecting(declared, LIMIT))
          .isInstanceOfSatisfying(ServiceError.class, refused -> {
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.type()).isEqualTo("RequestEntityTooLargeException");
            assertThat(refused.getMessage()).contains(LIMIT + " bytes");
          });
    }
  }

  @Test
  void aChunkedBodyIsReadUpToTheLimitAndRefusedPastIt() {
    BoundedBody atTheLimit = BoundedBody.expecting(-1, LIMIT);
    for (int i = 0; i < LIMIT; i++) {
      atTheLimit.append(bytes("x"));
    }
    assertThat(atTheLimit.bytes()).hasSize(LIMIT);

    BoundedBody over = BoundedBody.expecting(-1, LIMIT);
    over.append(bytes("x".repeat(LIMIT - 1)));
    assertThatThrownBy(() -> over.append(bytes("xx")))
        .isInstanceOfSatisfying(ServiceError.class, refused -> assertThat(refused.status()).isEqualTo(413));
  }

  @Test
  void aLargeDeclaredBodyGrowsWithWhatArrivesNotWithItsClaim() {
    int megabyte = 1024 * 1024;
    BoundedBody body = BoundedBody.expecting(megabyte, megabyte);
    body.append(bytes("{}"));

    // past 64 KiB the claim is not trusted with an array of its size: only what arrived is kept
    assertThat(body.length()).isEqualTo(2);
    assertThat(body.bytes()).hasSize(2);
  }

  @Test
  void moreThanTheDeclaredLengthIsRefused() {
    BoundedBody body = BoundedBody.expecting(2, LIMIT);

    assertThatThrownBy(() -> body.append(bytes("{\"a\":1}"))).isInstanceOf(ServiceError.class);
  }

  private static ByteBuf bytes(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
  }
}
