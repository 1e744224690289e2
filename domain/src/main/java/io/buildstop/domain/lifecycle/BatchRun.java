package io.buildstop.domain.lifecycle;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildGroup;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A batch build and its member builds, the unit the batch rules ({@link BatchLifecycle}, {@link BatchStopRules})
 * transform in one step, as a backend holds them in one atomic update: a stop of the batch and the stops of its
 * running members happen at the same instant or not at all (docs/batch-rules.md).
 *
 * <p>Every build group of the batch has a member, keyed by the group's {@code identifier}. A member that has not
 * started is its configuration only: no {@code buildStatus}, no phases, no times ({@link #isStarted(String)}).
 *
 * @param batch the batch as CodeBuild reports it
 * @param fastFail the batch section's {@code fast-fail}, which {@code BuildBatch} does not carry
 * @param members the member builds by group identifier, in the groups' order; an unmodifiable copy
 */
public record BatchRun(BuildBatch batch, boolean fastFail, Map<String, Build> members) {

  /** Rejects nulls and copies the members, keeping their order. */
  public BatchRun {
    Objects.requireNonNull(batch, "batch");
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  /** The member of the group {@code identifier}, started or not; empty when the batch has no such group. */
  public Optional<Build> member(String identifier) {
    return Optional.ofNullable(members.get(identifier));
  }

  /** The build group {@code identifier} of the batch; empty when there is none. */
  public Optional<BuildGroup> group(String identifier) {
    return batch.buildGroups().stream().filter(group -> group.identifier().equals(Optional.of(identifier)))
        .findFirst();
  }

  /** Whether the member of group {@code identifier} has started: it has a {@code buildStatus}. */
  public boolean isStarted(String identifier) {
    return member(identifier).map(BatchRun::started).orElse(false);
  }

  /** A copy with the batch replaced. */
  public BatchRun withBatch(BuildBatch newBatch) {
    return new BatchRun(newBatch, fastFail, members);
  }

  /** A copy with the member of group {@code identifier} replaced (or added). */
  public BatchRun withMember(String identifier, Build member) {
    Map<String, Build> copy = new LinkedHashMap<>(members);
    copy.put(identifier, member);
    return new BatchRun(batch, fastFail, copy);
  }

  // a member starts by BuildLifecycle.start, which sets a status; before that it is configuration only
  static boolean started(Build member) {
    return member.buildStatusAsString().isPresent();
  }
}
