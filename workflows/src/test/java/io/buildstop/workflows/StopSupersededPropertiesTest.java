package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.memory.StopCall;
import io.buildstop.testkit.generators.ProjectHistories;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Stop-superseded over generated sets of builds (several projects, source versions, phases, start times with ties,
 * final statuses), seeded into the in-memory backend. The expected plan is computed here, independently of the
 * workflow: for the pair, every IN_PROGRESS build but the newest by (start time, build number).
 */
class StopSupersededPropertiesTest {
  private static final List<String> PROJECTS = List.of("proj-a", "proj-b", "proj-c");
  private static final List<String> VERSIONS = List.of("main", "pr/7", "refs/heads/feature");
  private static final Sleeper NO_WAIT = duration -> { };

  // the oracle's own order, written out rather than borrowed from the code under test
  private static final Comparator<Build> NEWER_LAST = Comparator
      .comparing((Build build) -> build.startTime().orElseThrow())
      .thenComparing(build -> build.buildNumber().orElseThrow());

  /** Up to 40 builds of the three projects over the three versions: the testkit's project histories. */
  private static Gen<List<Build>> builds() {
    return ProjectHistories.histories(PROJECTS, VERSIONS, 40);
  }

  @Test
  void keepNewestStopsEachSupersededBuildOnceAndNothingElse() {
    Property.tries(300).forAll(
        builds(), Gens.ints(0, 2), Gens.ints(0, 2), Gens.ints(1, 4),
        (builds, project, version, concurrency) -> {
      InMemoryCodeBuild codeBuild = seeded(builds);
      List<Build> pair = pairOf(builds, project, version);
      Optional<Build> newest = pair.stream().max(NEWER_LAST);
      Set<String> expected = supersededIn(pair);

      StopReport report = StopSuperseded.of(codeBuild, codeBuild).project(PROJECTS.get(project))
          .sourceVersion(VERSIONS.get(version)).concurrency(concurrency).sleeper(NO_WAIT).run().get();

      assertStoppedExactly(codeBuild, builds, expected, report);
      newest.ifPresent(build -> assertThat(after(codeBuild, build)).as("the newest of the pair").isEqualTo(build));
    });
  }

  @Test
  void olderThanStopsOnlyTheRunningBuildsOfThePairOlderThanTheReference() {
    Property.tries(300).forAll(
        builds(), Gens.ints(0, 2), Gens.ints(0, 2), Gens.ints(0, 39),
        (builds, project, version, referenceIndex) -> {
      List<Build> ofProject = builds.stream()
          .filter(build -> build.projectName().orElseThrow().equals(PROJECTS.get(project)))
          .toList();
      if (ofProject.isEmpty()) {
        return;
      }
      Build reference = ofProject.get(referenceIndex % ofProject.size());
      InMemoryCodeBuild codeBuild = seeded(builds);
      Set<String> expected = pairOf(builds, project, version).stream()
          .filter(build -> build.buildStatus().equals(Optional.of(StatusType.IN_PROGRESS)))
          .filter(build -> NEWER_LAST.compare(build, reference) < 0)
          .map(build -> build.id().orElseThrow())
          .collect(Collectors.toSet());

      StopReport report = StopSuperseded.of(codeBuild, codeBuild).project(PROJECTS.get(project))
          .sourceVersion(VERSIONS.get(version)).olderThan(idOf(reference)).sleeper(NO_WAIT).run().get();

      assertStoppedExactly(codeBuild, builds, expected, report);
      assertThat(after(codeBuild, reference)).as("the reference").isEqualTo(reference);
    });
  }

  @Test
  void aDryRunChangesNothingAndReportsTheSamePlanAsWouldStop() {
    Property.tries(200).forAll(builds(), Gens.ints(0, 2), Gens.ints(0, 2), (builds, project, version) -> {
      InMemoryCodeBuild codeBuild = seeded(builds);
      StopSuperseded workflow = StopSuperseded.of(codeBuild, codeBuild).project(PROJECTS.get(project))
          .sourceVersion(VERSIONS.get(version)).sleeper(NO_WAIT);

      StopReport dryRun = workflow.dryRun(true).run().get();

      assertThat(codeBuild.stopCalls()).isEmpty();
      builds.forEach(build -> assertThat(after(codeBuild, build)).isEqualTo(build));
      assertThat(dryRun.lines()).allSatisfy(line -> assertThat(line.outcome()).isInstanceOf(Outcome.WouldStop.class));
      StopReport real = workflow.run().get();
      assertThat(dryRun.lines()).extracting(StopReportLine::id)
          .containsExactlyElementsOf(real.lines().stream().map(StopReportLine::id).toList());
    });
  }

  @Test
  void thePlanIsThePairsRunningBuildsButTheNewestEachOnceWhateverTheInput() {
    Property.tries(300).forAll(builds(), Gens.ints(0, 2), Gens.ints(0, 2), (builds, project, version) -> {
      List<Build> withDuplicates = new ArrayList<>(builds);
      withDuplicates.addAll(builds);
      List<Build> pair = pairOf(builds, project, version);

      List<Build> plan = StopSuperseded.plan(withDuplicates, PROJECTS.get(project), VERSIONS.get(version),
          SupersededPolicy.keepNewest()).get();

      assertThat(plan).doesNotHaveDuplicates();
      assertThat(plan).extracting(build -> build.id().orElseThrow())
          .containsExactlyInAnyOrderElementsOf(supersededIn(pair));
      pair.stream().max(NEWER_LAST).ifPresent(newest -> assertThat(plan).doesNotContain(newest));
    });
  }

  /** The oracle: the pair's IN_PROGRESS builds but its newest, completed or not. */
  private static Set<String> supersededIn(List<Build> pair) {
    Optional<Build> newest = pair.stream().max(NEWER_LAST);
    return pair.stream()
        .filter(build -> build.buildStatus().equals(Optional.of(StatusType.IN_PROGRESS)))
        .filter(build -> !Optional.of(build).equals(newest))
        .map(build -> build.id().orElseThrow())
        .collect(Collectors.toSet());
  }

  /** Exactly the expected builds are stopped, each by one call; every other build is as it was; one line each. */
  private static void assertStoppedExactly(InMemoryCodeBuild codeBuild, List<Build> builds, Set<String> expected,
      StopReport report) {
    for (Build build : builds) {
      Build now = after(codeBuild, build);
      if (expected.contains(build.id().orElseThrow())) {
        assertThat(now.buildStatus()).as("superseded %s", build.id()).contains(StatusType.STOPPED);
        assertThat(now.buildComplete()).contains(true);
      } else {
        assertThat(now).as("untouched %s", build.id()).isEqualTo(build);
      }
    }
    Map<String, Long> callsPerId = codeBuild.stopCalls().stream()
        .collect(Collectors.groupingBy(StopCall::requestedId, Collectors.counting()));
    assertThat(callsPerId.keySet()).isEqualTo(expected);
    assertThat(callsPerId.values()).allMatch(calls -> calls == 1);
    assertThat(report.lines()).extracting(line -> line.id().value()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(report.count(Outcome.Code.STOPPED)).isEqualTo(expected.size());
  }

  private static List<Build> pairOf(List<Build> builds, int project, int version) {
    return builds.stream()
        .filter(build -> build.projectName().orElseThrow().equals(PROJECTS.get(project)))
        .filter(build -> build.sourceVersion().orElseThrow().equals(VERSIONS.get(version)))
        .toList();
  }

  private static InMemoryCodeBuild seeded(List<Build> builds) {
    InMemoryCodeBuild codeBuild = InMemoryCodeBuild.create();
    builds.forEach(build -> codeBuild.put(build).get());
    return codeBuild;
  }

  private static Build after(InMemoryCodeBuild codeBuild, Build build) {
    return codeBuild.build(idOf(build)).orElseThrow();
  }

  private static BuildId idOf(Build build) {
    return BuildId.parse(build.id().orElseThrow()).get();
  }
}
