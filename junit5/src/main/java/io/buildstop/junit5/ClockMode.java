package io.buildstop.junit5;

/** Which clock the CodeBuild of a test reads its instants from. */
public enum ClockMode {
  /** The system UTC clock. */
  SYSTEM,
  /** A clock that stands still at its start instant for the whole test. */
  FIXED,
  /**
   * A {@link TestClock} that stands at its start instant until the test moves it ({@link TestClock#advance}); put
   * back to its start before each test when state is reset.
   */
  CONTROLLABLE
}
