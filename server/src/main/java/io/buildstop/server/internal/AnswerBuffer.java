package io.buildstop.server.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of the answer a worker thread is sending, in an array the thread reuses: the body must be complete
 * before its Content-Length is sent, and a new array per answer (as {@code writeValueAsBytes} returns) was a
 * kilobyte or more of every request's allocation. A thread sends one answer at a time, so one buffer each suffices.
 */
public final class AnswerBuffer extends OutputStream {
  private static final int INITIAL = 4 * 1024;
  // a rare large answer (BatchGetBuilds of 100 builds) may grow the array; a thread keeps no more than this after it
  private static final int KEPT = 64 * 1024;
  private static final ThreadLocal<AnswerBuffer> THREADS = ThreadLocal.withInitial(AnswerBuffer::new);

  private byte[] bytes = new byte[INITIAL];
  private int length;

  private AnswerBuffer() {}

  /** This thread's buffer, emptied; what it held before is gone. */
  public static AnswerBuffer ofThisThread() {
    AnswerBuffer buffer = THREADS.get();
    if (buffer.bytes.length > KEPT) {
      buffer.bytes = new byte[INITIAL];
    }
    buffer.length = 0;
    return buffer;
  }

  /** How many bytes it holds. */
  public int length() {
    return length;
  }

  /** Writes what it holds to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, length);
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[length++] = (byte) b;
  }

  @Override
  public void write(byte[] from, int offset, int count) {
    ensure(count);
    System.arraycopy(from, offset, bytes, length, count);
    length += count;
  }

  private void ensure(int more) {
    if (more > bytes.length - length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, Math.addExact(length, more)));
    }
  }
}
