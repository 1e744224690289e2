package io.buildstop.memory.internal;

import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A complete build held in a fraction of its bytes: what a store of a million builds keeps for the builds nobody
 * changes any more. Builds of one project that ended the same way differ only in their id, ARN, number and times;
 * everything else is one {@link Shape} they share, and each build keeps its id, its number and its distinct instants
 * as epoch nanoseconds. A phase's duration is not kept: it follows from its times by the lifecycle's own rule.
 *
 * <p>Lossless by construction: {@link #of} keeps a build compact only when {@link #expand()} gives back a build
 * equal to it, so a build that does not follow the usual patterns (an ARN that does not end with the id, a duration
 * that does not follow its times, an instant past the year 2262) is simply held whole.
 */
final class CompactBuild {
  // epoch nanoseconds in a long reach ±292 years from 1970; a build outside them is held whole
  private static final long MAX_EPOCH_SECOND = Long.MAX_VALUE / 1_000_000_000L - 1;
  private static final long NO_NUMBER = Long.MIN_VALUE;
  private static final char ABSENT = 0;
  // a slot is a char: more phases than this (no build has them) and the build is held whole
  private static final int MAX_PHASES = 1_000;

  private final Shape shape;
  private final String id;
  private final long buildNumber;
  private final long[] instants;

  private CompactBuild(Shape shape, String id, long buildNumber, long[] instants) {
    this.shape = shape;
    this.id = id;
    this.buildNumber = buildNumber;
    this.instants = instants;
  }

  /**
   * What builds of one project that ended one way share: the build without its id (the ARN holds what comes before
   * the id), number and times, and which of the build's distinct instants each time slot takes (a char per slot:
   * the build's start and end, then each phase's start and end; 0 for none, else the instant's index plus one).
   */
  record Shape(Build template, String layout) {}

  /** The shapes the compact builds of one store share; at most {@code limit} of them, after which builds stay whole. */
  static final class Shapes {
    private final int limit;
    private final ConcurrentHashMap<Shape, Shape> shared = new ConcurrentHashMap<>();

    Shapes(int limit) {
      this.limit = limit;
    }

    // the one instance of an equal shape, or null when this store holds as many shapes as it may
    private Shape intern(Shape shape) {
      Shape held = shared.get(shape);
      if (held != null || shared.size() >= limit) {
        return held;
      }
      Shape raced = shared.putIfAbsent(shape, shape);
      return raced != null ? raced : shape;
    }

    int size() {
      return shared.size();
    }

    void clear() {
      shared.clear();
    }
  }

  /** {@code build} held compact, or empty when it would not come back equal from {@link #expand()}. */
  static Optional<CompactBuild> of(Build build, Shapes shapes) {
    if (build.id().isEmpty() || build.phases().size() > MAX_PHASES) {
      return Optional.empty();
    }
    String id = build.id().get();
    Optional<String> arn = build.arn();
    if (arn.isPresent() && !arn.get().endsWith(id)) {
      return Optional.empty();
    }
    List<BuildPhase> phases = build.phases();
    long[] distinct = new long[2 + 2 * phases.size()];
    StringBuilder layout = new StringBuilder(distinct.length);
    int count = slot(build.startTime(), distinct, 0, layout);
    count = slot(build.endTime(), distinct, count, layout);
    List<BuildPhase> untimed = new ArrayList<>(phases.size());
    for (BuildPhase phase : phases) {
      count = slot(phase.startTime(), distinct, count, layout);
      count = slot(phase.endTime(), distinct, count, layout);
      untimed.add(phase.withStartTime(Optional.empty()).withEndTime(Optional.empty())
          .withDurationInSeconds(Optional.empty()));
    }
    if (count < 0) {
      return Optional.empty();
    }
    Build template = Build.builder().from(build)
        .id(Optional.empty())
        .arn(arn.map(whole -> whole.substring(0, whole.length() - id.length())))
        .buildNumber(Optional.empty())
        .startTime(Optional.empty())
        .endTime(Optional.empty())
        .phases(untimed)
        .build();
    Shape shape = shapes.intern(new Shape(template, layout.toString()));
    if (shape == null) {
      return Optional.empty();
    }
    long[] instants = new long[count];
    System.arraycopy(distinct, 0, instants, 0, count);
    CompactBuild compact = new CompactBuild(shape, id, build.buildNumber().orElse(NO_NUMBER), instants);
    return compact.expand().equals(build) ? Optional.of(compact) : Optional.empty();
  }

  /** The build as it was given to {@link #of}. */
  Build expand() {
    // copies through with*, which share the template's lists and nested values, rather than a builder, which
    // copies every list: a read of a compact build allocates a third as much
    Build template = shape.template();
    String layout = shape.layout();
    Instant[] times = new Instant[instants.length];
    List<BuildPhase> untimed = template.phases();
    BuildPhase[] phases = new BuildPhase[untimed.size()];
    for (int i = 0; i < phases.length; i++) {
      Optional<Instant> start = at(layout.charAt(2 + 2 * i), times);
      Optional<Instant> end = at(layout.charAt(3 + 2 * i), times);
      BuildPhase timed = untimed.get(i).withStartTime(start).withEndTime(end);
      phases[i] = start.isPresent() && end.isPresent()
          ? timed.withDurationInSeconds(BuildLifecycle.durationInSeconds(start.get(), end.get()))
          : timed;
    }
    Build expanded = template.withId(id)
        .withStartTime(at(layout.charAt(0), times))
        .withEndTime(at(layout.charAt(1), times))
        .withPhases(phases);
    if (template.arn().isPresent()) {
      expanded = expanded.withArn(template.arn().get() + id);
    }
    return buildNumber == NO_NUMBER ? expanded : expanded.withBuildNumber(buildNumber);
  }

  // records one time slot: its instant's index among the distinct ones (adding it when new); -1 once an instant
  // cannot be held
  private static int slot(Optional<Instant> time, long[] distinct, int count, StringBuilder layout) {
    if (count < 0 || time.isEmpty()) {
      layout.append(ABSENT);
      return count;
    }
    Instant instant = time.get();
    if (Math.abs(instant.getEpochSecond()) > MAX_EPOCH_SECOND) {
      layout.append(ABSENT);
      return -1;
    }
    long nanos = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    for (int i = 0; i < count; i++) {
      if (distinct[i] == nanos) {
        layout.append((char) (i + 1));
        return count;
      }
    }
    distinct[count] = nanos;
    layout.append((char) (count + 1));
    return count + 1;
  }

  private Optional<Instant> at(char slot, Instant[] times) {
    if (slot == ABSENT) {
      return Optional.empty();
    }
    int index = slot - 1;
    if (times[index] == null) {
      long nanos = instants[index];
      times[index] = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
    return Optional.of(times[index]);
  }
}
