package io.buildstop.cli.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command reads from outside its arguments, so that tests can run it in-process: the environment variables
 * it consults itself (the region: {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}; the profile: {@code AWS_PROFILE}),
 * the clock the in-memory backend stops builds at, and how long {@code serve} runs. The AWS SDK reads its own
 * settings (credentials, retries) from the real process environment.
 *
 * @param environment environment variables, never null
 * @param clock the in-memory backend's clock, never null
 * @param lifetime how long {@code serve} runs, never null
 */
public record Context(Map<String, String> environment, Clock clock, Lifetime lifetime) {

  /** Copies the environment; rejects nulls. */
  public Context {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(lifetime, "lifetime");
  }

  /** The {@code buildstop} process's own: its environment, the system clock, until the JVM shuts down. */
  public static Context system() {
    return new Context(System.getenv(), Clock.systemUTC(), Lifetime.untilJvmShutdown());
  }

  /** An environment variable that is set and not blank. */
  public Optional<String> variable(String name) {
    return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
  }
}
