package io.buildstop.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The body as {@link BoundedBody} reads it from any stream: the JDK server's own framing is pinned over real sockets
 * by {@code RequestBodyTest}; these pin what the reader does with a stream that disagrees with its Content-Length.
 */
class BoundedBodyTest {
  private static final int LIMIT = 16;

  @Test
  void aDeclaredBodyIsExactlyItsBytes() throws IOException {
    assertThat(BoundedBody.read("5", stream("{\"a\"}"), LIMIT)).isEqualTo(bytes("{\"a\"}"));
    assertThat(BoundedBody.read(" 0 ", stream(""), LIMIT)).isEmpty();
  }

  @Test
  void aStreamLongerThanItsContentLengthIsReadOnAsAnUndeclaredBodyIs() throws IOException {
    assertThat(BoundedBody.read("2", stream("{\"a\":1}"), LIMIT)).isEqualTo(bytes("{\"a\":1}"));
    assertThat(BoundedBody.read("2", stream("x".repeat(LIMIT)), LIMIT)).hasSize(LIMIT);
    assertThatThrownBy(() -> BoundedBody.read("2", stream("x".repeat(LIMIT + 1)), LIMIT))
        .isInstanceOfSatisfying(ServiceError.class, refused -> assertThat(refused.status()).isEqualTo(413));
    assertThatThrownBy(() -> BoundedBody.read(String.valueOf(LIMIT), stream("x".repeat(LIMIT + 1)), LIMIT))
        .isInstanceOfSatisfying(ServiceError.class, refused -> assertThat(refused.status()).isEqualTo(413));
  }

  @Test
  void aStreamShorterThanItsContentLengthIsAFailedConnection() {
    assertThatThrownBy(() -> BoundedBody.read("10", stream("{}"), LIMIT))
        .isInstanceOf(IOException.class).hasMessageContaining("2 of its 10");
  }

  @Test
  void aLargeDeclaredBodyIsReadAsItArrivesAndAShortOneStillFails() throws IOException {
    int megabyte = 1024 * 1024;
    byte[] whole = new byte[200 * 1024];

    // past 64 KiB the reader does not trust the claim with an array of its size: it reads what comes
    assertThat(BoundedBody.read(String.valueOf(whole.length), new ByteArrayInputStream(whole), megabyte))
        .hasSize(whole.length);
    assertThatThrownBy(() -> BoundedBody.read(String.valueOf(megabyte), stream("{}"), megabyte))
        .isInstanceOf(IOException.class).hasMessageContaining("2 of its " + megabyte);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyByteIsRead() {
    InputStream unread = new InputStream() {
      @Override
      public int read() {
        throw new AssertionError("no byte of a body over the limit may be read");
      }
    };

    for (String declared : new String[] {"17", "99999999999999999999", "1e3"}) {
      assertThatThrownBy(() -> BoundedBody.read(declared, unread, LIMIT))
          .isInstanceOfSatisfying(ServiceError.class, refused -> assertThat(refused.status()).isEqualTo(413));
    }
  }

  @Test
  void anUndeclaredBodyIsReadUpToTheLimit() throws IOException {
    assertThat(BoundedBody.read(null, stream("x".repeat(LIMIT)), LIMIT)).hasSize(LIMIT);
    assertThat(BoundedBody.read("", stream("{}"), LIMIT)).isEqualTo(bytes("{}"));
    assertThatThrownBy(() -> BoundedBody.read(null, stream("x".repeat(LIMIT + 1)), LIMIT))
        .isInstanceOf(ServiceError.class);
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(bytes(text));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
