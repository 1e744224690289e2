package io.buildstop.workflows;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a multi-build workflow did: one line per build it meant to stop, in the order of its plan. One failure
 * never aborts the rest, so every build of the plan has its line.
 *
 * @param lines one line per build, each build once
 */
public record StopReport(List<StopReportLine> lines) {
  /** Copies the list; rejects nulls. */
  public StopReport {
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
  }

  /** How many lines have this outcome. */
  public long count(Outcome.Code code) {
    return lines.stream().filter(line -> line.outcome().code() == code).count();
  }

  /** How many lines have each outcome, every outcome present (0 when none); an unmodifiable map. */
  public Map<Outcome.Code, Long> counts() {
    Map<Outcome.Code, Long> counts = new EnumMap<>(Outcome.Code.class);
    for (Outcome.Code code : Outcome.Code.values()) {
      counts.put(code, count(code));
    }
    return Map.copyOf(counts);
  }

  /** The lines whose stop failed for good: {@link Outcome.Failed}. */
  public List<StopReportLine> failures() {
    return lines.stream().filter(line -> line.outcome().code() == Outcome.Code.FAILED).toList();
  }

  /** Whether any stop failed for good; a build that was not found or already complete is no failure. */
  public boolean hasFailures() {
    return !failures().isEmpty();
  }

  /** One line for people: {@code 3 stopped, 1 already complete, 0 not found, 1 failed}; a dry run adds would-stop. */
  public String summary() {
    return Arrays.stream(Outcome.Code.values())
        .filter(code -> code != Outcome.Code.WOULD_STOP || count(code) > 0)
        .map(code -> count(code) + " " + code.name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .collect(Collectors.joining(", "));
  }
}
