package io.buildstop.junit5.internal;

import io.buildstop.junit5.ClockMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a test's CodeBuild is made with, from the annotation or the builder.
 *
 * @param endpoint whether a local HTTP endpoint is started
 * @param phaseDuration lifecycle mode's time per phase, when on
 * @param stopLatency asynchronous stops' latency, zero for none
 * @param clockMode which clock
 * @param clockStart where a fixed or controllable clock starts; empty for the creation instant
 * @param verifySignatures whether the endpoint checks SigV4 signatures
 * @param accessKeyId the key the clients sign with
 * @param secretAccessKey its secret
 * @param region the region
 * @param accountId the account
 * @param resetBeforeEach whether state is reset before each test
 * @param failOnUnexpectedCalls whether undeclared calls fail the test
 */
public record Settings(boolean endpoint, Optional<Duration> phaseDuration, Duration stopLatency, ClockMode clockMode,
    Optional<Instant> clockStart, boolean verifySignatures, String accessKeyId, String secretAccessKey, String region,
    String accountId, boolean resetBeforeEach, boolean failOnUnexpectedCalls) {

  /** Checks what the components can check alone; the server's builder checks region and account. */
  public Settings {
    Objects.requireNonNull(phaseDuration, "phaseDuration");
    Objects.requireNonNull(stopLatency, "stopLatency");
    Objects.requireNonNull(clockMode, "clockMode");
    Objects.requireNonNull(clockStart, "clockStart");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    if (phaseDuration.isPresent() && (phaseDuration.get().isNegative() || phaseDuration.get().isZero())) {
      throw new IllegalArgumentException("a lifecycle phase lasts a positive time: " + phaseDuration.get());
    }
    if (stopLatency.isNegative()) {
      throw new IllegalArgumentException("stopLatency must not be negative: " + stopLatency);
    }
    if (verifySignatures && !endpoint) {
      throw new IllegalArgumentException("verifySignatures needs the endpoint: signatures are checked over HTTP");
    }
  }
}
