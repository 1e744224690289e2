package io.buildstop.testkit.generators;

import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.model.Build;
import io.buildstop.testkit.properties.Gens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;

/**
 * Many builds of a few projects over a few branches (source versions): start times within half a minute, with
 * ties; each build advanced 0 to 7 phases, then left running or completed with any final status. Every build is a
 * real state (spec §3) made through {@link BuildLifecycle}; build numbers count up per project in the order
 * generated; ids are {@code <project>:<number>-0000-4000-8000-<position>}, unique within a history.
 */
public final class ProjectHistories {
  /** The first start time; every other is up to 30 seconds later. */
  public static final Instant BASE = Instant.parse("2026-02-01T08:00:00Z");

  private ProjectHistories() {}

  /** Up to {@code maxBuilds} builds, each of one of {@code projects} on one of {@code sourceVersions}. */
  public static Gen<List<Build>> histories(List<String> projects, List<String> sourceVersions, int maxBuilds) {
    Gen<Spec> spec = Gens.ints(0, projects.size() - 1).zip(Gens.ints(0, sourceVersions.size() - 1),
        Gens.ints(0, 30), Gens.ints(0, 7), Gens.ints(0, 9), Spec::new);
    return Gens.lists(spec, 0, maxBuilds).map(specs -> materialise(specs, projects, sourceVersions));
  }

  // one generated build: indexes into the projects and versions, a start second, how far it ran, how it ended
  private record Spec(int project, int version, int startSecond, int phasesAdvanced, int ending) {}

  private static List<Build> materialise(List<Spec> specs, List<String> projects, List<String> versions) {
    Map<String, Integer> numbers = new HashMap<>();
    List<Build> builds = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      Spec spec = specs.get(i);
      String project = projects.get(spec.project());
      int number = numbers.merge(project, 1, Integer::sum);
      String id = project + ":%08d-0000-4000-8000-%012d".formatted(number, i);
      Instant start = BASE.plusSeconds(spec.startSecond());
      Build build = BuildLifecycle.start(Build.builder()
          .id(id)
          .arn("arn:aws:codebuild:us-east-1:123456789012:build/" + id)
          .buildNumber((long) number)
          .projectName(project)
          .sourceVersion(versions.get(spec.version()))
          .build(), start, start.plusSeconds(1));
      for (int step = 0; step < spec.phasesAdvanced(); step++) {
        build = BuildLifecycle.advance(build, start.plusSeconds(2 + step));
      }
      // endings 0-4 complete with each final status; 5-9 leave the build running
      if (spec.ending() < BuildLifecycle.FINAL_STATUSES.size()) {
        build = BuildLifecycle.complete(build, BuildLifecycle.FINAL_STATUSES.get(spec.ending()),
            start.plus(Duration.ofMinutes(5)));
      }
      builds.add(build);
    }
    return builds;
  }
}
