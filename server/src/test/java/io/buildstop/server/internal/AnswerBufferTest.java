package io.buildstop.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnswerBufferTest {

  private static byte[] sent(AnswerBuffer buffer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    buffer.writeTo(out);
    return out.toByteArray();
  }

  @Test
  void anAnswerLargerThanTheBufferIsKeptWhole() throws IOException {
    byte[] answer = new byte[200 * 1024];
    new Random(7).nextBytes(answer);
    AnswerBuffer buffer = AnswerBuffer.ofThisThread();

    buffer.write(answer[0]);
    buffer.write(answer, 1, 1000);
    buffer.write(answer, 1001, answer.length - 1001);

    assertThat(buffer.length()).isEqualTo(answer.length);
    assertThat(sent(buffer)).isEqualTo(answer);
  }

  @Test
  void eachAnswerStartsEmptyAfterTheLargestOnes() throws IOException {
    AnswerBuffer large = AnswerBuffer.ofThisThread();
    large.write(new byte[200 * 1024], 0, 200 * 1024);

    AnswerBuffer next = AnswerBuffer.ofThisThread();
    next.write(new byte[] {'{', '}'}, 0, 2);

    assertThat(sent(next)).containsExactly('{', '}');
  }

  @Test
  void anAnswerPastItsLimitIsRefusedBeforeTheBufferHoldsMore() throws IOException {
    AnswerBuffer limited = AnswerBuffer.ofThisThread(10_000);
    limited.write(new byte[9_000], 0, 9_000);

    assertThatThrownBy(() -> limited.write(new byte[1_001], 0, 1_001))
        .isInstanceOfSatisfying(AnswerBuffer.TooLarge.class, e -> assertThat(e.limit()).isEqualTo(10_000));
    assertThat(limited.length()).isEqualTo(9_000);
    limited.write(new byte[1_000], 0, 1_000);
    assertThatThrownBy(() -> limited.write('x')).isInstanceOf(AnswerBuffer.TooLarge.class);

    AnswerBuffer next = AnswerBuffer.ofThisThread();
    next.write(new byte[20_000], 0, 20_000);
    assertThat(next.length()).isEqualTo(20_000);
  }

  @Test
  void eachThreadHasItsOwnBuffer() throws InterruptedException {
    AnswerBuffer[] other = new AnswerBuffer[1];
    Thread thread = new Thread(() -> other[0] = AnswerBuffer.ofThisThread());
    thread.start();
    thread.join();

    assertThat(other[0]).isNotSameAs(AnswerBuffer.ofThisThread());
  }
}
