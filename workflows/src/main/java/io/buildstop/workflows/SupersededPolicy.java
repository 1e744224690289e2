package io.buildstop.workflows;

import io.buildstop.domain.BuildId;
import java.util.Objects;

/**
 * Which builds (and, covering batches, which batch builds) of a (project, source version) pair {@link
 * StopSuperseded} stops. Builds and batches are runs of the pair alike, in one order: start time, then number.
 */
public sealed interface SupersededPolicy permits SupersededPolicy.KeepNewest, SupersededPolicy.OlderThan {

  /** Every running build of the pair except the newest one (by start time, then build number). */
  static SupersededPolicy keepNewest() {
    return new KeepNewest();
  }

  /** Every running build of the pair that started before {@code reference}; the reference itself is kept. */
  static SupersededPolicy olderThan(BuildId reference) {
    return new OlderThan(reference);
  }

  /**
   * Keeps the newest build of the pair, by start time, then build number, among all its builds: a newer build that
   * already completed still supersedes the older running ones.
   */
  record KeepNewest() implements SupersededPolicy {}

  /**
   * Stops the running builds of the pair strictly older than {@code reference} (by start time, then build number).
   * The reference must be a build of the same project (of any source version), or a batch of it when {@link
   * StopSuperseded} covers batches; it is never stopped.
   *
   * @param reference the build to compare with; typically the build the calling job just started
   */
  record OlderThan(BuildId reference) implements SupersededPolicy {
    /** Rejects null. */
    public OlderThan {
      Objects.requireNonNull(reference, "reference");
    }
  }
}
