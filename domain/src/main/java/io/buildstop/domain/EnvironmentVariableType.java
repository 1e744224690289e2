package io.buildstop.domain;

/**
 * CodeBuild's {@code EnvironmentVariableType}: the values this version of buildstop knows.
 *
 * <p>The set is open: a value a newer CodeBuild sends reads as {@link #UNKNOWN_TO_SDK_VERSION}, while the
 * member's {@code *AsString()} accessor keeps the raw text, so nothing is lost on a round trip.
 */
public enum EnvironmentVariableType {
  PLAINTEXT,
  PARAMETER_STORE,
  SECRETS_MANAGER,
  /** A value this version does not know; read the raw text from the member's {@code *AsString()} accessor. */
  UNKNOWN_TO_SDK_VERSION;

  /** The constant for a wire value, or {@link #UNKNOWN_TO_SDK_VERSION} when this version does not know it. */
  public static EnvironmentVariableType fromValue(String value) {
    for (EnvironmentVariableType candidate : values()) {
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
