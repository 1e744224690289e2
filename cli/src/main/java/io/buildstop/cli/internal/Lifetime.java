package io.buildstop.cli.internal;

/**
 * How long a long-running command ({@code serve}) lives. In the {@code buildstop} process it lives until the JVM is
 * asked to stop (SIGINT, SIGTERM); tests end it themselves.
 */
@FunctionalInterface
public interface Lifetime {

  /**
   * Blocks until the command should end, then closes {@code resource} (also when the wait is interrupted).
   *
   * @param resource what the command runs, closed once before this returns
   * @throws Exception whatever closing the resource throws
   */
  void runUntilShutdown(AutoCloseable resource) throws Exception;

  /** Until the JVM shuts down: a shutdown hook closes the resource, so a signal ends the command cleanly. */
  static Lifetime untilJvmShutdown() {
    return resource -> {
      java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          resource.close();
        } catch (Exception e) {
          System.err.println("buildstop: could not close cleanly: " + e);
        } finally {
          closed.countDown();
        }
      }, "buildstop-shutdown"));
      closed.await();
    };
  }
}
