package io.buildstop.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * What a reliability test counted, by name, from any thread; written as {@code name count} lines, sorted, to {@code
 * target/reliability/<file>}, where RELIABILITY.md's figures come from.
 */
final class Counts {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  /** Adds {@code amount} to the count named {@code what}. */
  void add(String what, long amount) {
    counts.computeIfAbsent(what, key -> new LongAdder()).add(amount);
  }

  /** Writes every count to {@code target/reliability/<file>}. */
  void write(String file) throws IOException {
    Path report = Path.of("target", "reliability", file);
    Files.createDirectories(report.getParent());
    Files.writeString(report, counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + " " + e.getValue().sum()).collect(Collectors.joining("\n", "", "\n")));
  }
}
