package io.buildstop.server.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of the answer a worker thread is sending, in an array the thread reuses: the body must be complete
 * before its Content-Length is sent, and a new array per answer (as {@code writeValueAsBytes} returns) was a
 * kilobyte or more of every request's allocation. A thread sends one answer at a time, so one buffer each suffices.
 * An answer may have a limit: writing past it throws {@link TooLarge}, so that an answer that would not fit (a
 * BatchGetBuilds of 100 builds that each carry a megabyte) costs no more than the limit (issue 17.1).
 */
public final class AnswerBuffer extends OutputStream {
  private static final int INITIAL = 4 * 1024;
  // a rare large answer (BatchGetBuilds of 100 builds) may grow the array; a thread keeps no more than this after it
  private static final int KEPT = 64 * 1024;
  private static final ThreadLocal<AnswerBuffer> THREADS = ThreadLocal.withInitial(AnswerBuffer::new);

  private byte[] bytes = new byte[INITIAL];
  private int length;
  private int limit = Integer.MAX_VALUE;

  private AnswerBuffer() {}

  /** This thread's buffer, emptied, without a limit; what it held before is gone. */
  public static AnswerBuffer ofThisThread() {
    return ofThisThread(Integer.MAX_VALUE);
  }

  /**
   * This thread's buffer, emptied, holding at most {@code limit} bytes; what it held before is gone.
   *
   * @throws IllegalArgumentException if the limit is negative
   */
  public static AnswerBuffer ofThisThread(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    AnswerBuffer buffer = THREADS.get();
    if (buffer.bytes.length > KEPT) {
      buffer.bytes = new byte[INITIAL];
    }
    buffer.length = 0;
    buffer.limit = limit;
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
    if (more > limit - length) {
      throw new TooLarge(limit);
    }
    if (more > bytes.length - length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, Math.addExact(length, more)));
    }
  }

  /** An answer that would be larger than its buffer's limit: nothing of it is sent. */
  public static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int limit;

    TooLarge(int limit) {
      super("the answer would be larger than " + limit + " bytes", null, false, false);
      this.limit = limit;
    }

    /** The limit it would have passed, in bytes. */
    public int limit() {
      return limit;
    }
  }
}
