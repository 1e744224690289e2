package io.buildstop.testkit.generators;

/**
 * How many of a generated value's members are set: {@link #SOME} for most properties, {@link #ALL} and
 * {@link #ALL_NON_EMPTY} for mappings that must carry every member (a member a mapping forgets shows up only when
 * it is set).
 */
public enum Presence {
  /** Each optional member present 7 times in 10; each list absent, sent as {@code []} or filled, 3:2:5. */
  SOME,
  /** Every optional member present; every list sent, as {@code []} one time in five, else filled. */
  ALL,
  /** Every optional member present; every list sent with at least one element. */
  ALL_NON_EMPTY
}
