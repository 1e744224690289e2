package io.buildstop.cli.internal;

import io.buildstop.workflows.StopAndWait;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How long a command that stops and may then wait ({@code stop --wait}, {@code stop-batch --wait}) waits: {@code
 * --timeout}, mixed into each, and the rule that ties it to {@code --wait}.
 *
 * <p>Each command declares its {@code --wait} itself: its description names what it waits for (the build, the
 * batch), and {@code stop} lists {@code --dry-run} between {@code --wait} and {@code --timeout}, where a mixin, whose
 * options are listed together, could not put it.
 */
public final class WaitOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.Positive.class,
      description = "How long --wait takes in all, its calls included, e.g. 30s, 10m, 2h, 500ms or PT10M "
          + "(default: 10m, at most 44h).")
  Duration timeout;

  /**
   * The wait {@code --wait} asks for, starting at {@code clock}'s now: {@code --timeout} long, else {@link
   * StopAndWait#DEFAULT_TIMEOUT}.
   *
   * @param await whether the command was given {@code --wait}
   * @return empty without {@code --wait}
   * @throws ParameterException for {@code --timeout} without {@code --wait}: a usage error
   */
  public Optional<Wait> wait(boolean await, Clock clock) {
    if (timeout != null && !await) {
      throw new ParameterException(mixee.commandLine(), "--timeout applies to --wait only: add --wait");
    }
    if (!await) {
      return Optional.empty();
    }
    Duration length = timeout != null ? timeout : StopAndWait.DEFAULT_TIMEOUT;
    return Optional.of(new Wait(length, clock.instant().plus(length)));
  }

  /**
   * A wait: {@code length} in all, so it ends by {@code deadline}. It bounds the whole command: its calls end by the
   * deadline too, not only the sleeps between them.
   */
  public record Wait(Duration length, Instant deadline) {
    /** What is left of the wait at {@code clock}'s now; zero once the deadline has passed. */
    public Duration left(Clock clock) {
      Duration left = Duration.between(clock.instant(), deadline);
      return left.isNegative() ? Duration.ZERO : left;
    }
  }
}
