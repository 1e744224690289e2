package io.buildstop.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
  void eachThreadHasItsOwnBuffer() throws InterruptedException {
    AnswerBuffer[] other = new AnswerBuffer[1];
    Thread thread = new Thread(() -> other[0] = AnswerBuffer.ofThisThread());
    thread.start();
    thread.join();

    assertThat(other[0]).isNotSameAs(AnswerBuffer.ofThisThread());
  }
}
