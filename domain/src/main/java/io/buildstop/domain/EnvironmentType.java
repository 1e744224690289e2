package io.buildstop.domain;

/**
 * CodeBuild's {@code EnvironmentType}: the values this version of buildstop knows.
 *
 * <p>The set is open: a value a newer CodeBuild sends reads as {@link #UNKNOWN_TO_SDK_VERSION}, while the
 * member's {@code *AsString()} accessor keeps the raw text, so nothing is lost on a round trip.
 */
public enum EnvironmentType {
  WINDOWS_CONTAINER,
  LINUX_CONTAINER,
  LINUX_GPU_CONTAINER,
  ARM_CONTAINER,
  WINDOWS_SERVER_2019_CONTAINER,
  WINDOWS_SERVER_2022_CONTAINER,
  LINUX_LAMBDA_CONTAINER,
  ARM_LAMBDA_CONTAINER,
  LINUX_EC2,
  ARM_EC2,
  WINDOWS_EC2,
  MAC_ARM,
  /** A value this version does not know; read the raw text from the member's {@code *AsString()} accessor. */
  UNKNOWN_TO_SDK_VERSION;

  /** The constant for a wire value, or {@link #UNKNOWN_TO_SDK_VERSION} when this version does not know it. */
  public static EnvironmentType fromValue(String value) {
    for (EnvironmentType candidate : values()) {
      if (candidate != UNKNOWN_TO_SDK_VERSION && candidate.name().equals(value)) {
        return candidate;
      }
    }
    return UNKNOWN_TO_SDK_VERSION;
  }

  /**
   * The value as CodeBuild spells it on the wire.
   *
   * @throws IllegalArgumentException for {@link #UNKNOWN_TO_SDK_VERSION}, which has no wire form of its own
   */
  public String wireValue() {
    if (this == UNKNOWN_TO_SDK_VERSION) {
      throw new IllegalArgumentException("UNKNOWN_TO_SDK_VERSION has no wire value: set the raw string instead");
    }
    return name();
  }
}
