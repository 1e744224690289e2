package io.buildstop.reliability;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of {@link InMemoryCodeBuild} (issue 7.1), checked by Lincheck: random concurrent histories of
 * start, advance, complete, stop and read over three build ids run on several threads, and each history must have a
 * sequential explanation by {@link Model}, which is nothing but the domain's rules ({@link StopRules},
 * {@link BuildLifecycle}) applied one call at a time to a plain map.
 *
 * <p>The backend's clock is fixed, so every transition happens at the same instant and the results are comparable
 * values: a summary of the build (status, current phase, every phase with its status, complete or not) or the
 * failure's code. StartBuild's build numbers are checked too: the project's counter must behave like a sequential
 * one (no number twice, none skipped).
 *
 * <p>Histories: {@code iterations x invocationsPerIteration}, 10,000 by default, 100,000 under {@code -Pstress}.
 */
@Tag("lincheck") // run in a JVM of its own (reliability/pom.xml): Lincheck retransforms every class already loaded
@Param(name = "build", gen = IntGen.class, conf = "0:2")
@Param(name = "status", gen = IntGen.class, conf = "0:4")
public class InMemoryLinearizabilityTest {
  static final Instant AT = Instant.parse("2026-11-25T00:00:00Z");
  static final Clock FIXED = Clock.fixed(AT, ZoneOffset.UTC);
  static final String PROJECT = "lincheck-project";

  // Lincheck makes a new instance, so a new backend, for every history. With the defaults a backend reserves 20,000
  // slots for its StopBuild and StopBuildBatch call histories and 10,000 for its event queue up front: that was 29%
  // of the test's sampled CPU time (JFR, RELIABILITY.md §1). No history and a one-event queue: nothing this test reads
  // (no call history, no listener, so no event is made), and the builds, their transitions and their atomic steps
  // are the same.
  private final InMemoryCodeBuild backend =
      InMemoryCodeBuild.builder().clock(FIXED).stopCallHistory(0).eventQueueCapacity(1).build();

  public InMemoryLinearizabilityTest() {
    // builds 0 and 1 run from the start; build 2 is unknown until someone starts it
    backend.put(started(0));
    backend.put(started(1));
  }

  @Operation
  public String start(@Param(name = "build") int build) {
    return summary(backend.put(started(build)));
  }

  @Operation
  public String startNew() {
    return backend.startBuild(PROJECT).map(b -> "#" + b.buildNumber().orElseThrow()).getOrElseGet(Model::code);
  }

  @Operation
  public String advance(@Param(name = "build") int build) {
    return summary(backend.advance(id(build)));
  }

  @Operation
  public String complete(@Param(name = "build") int build, @Param(name = "status") int status) {
    return summary(backend.complete(id(build), BuildLifecycle.FINAL_STATUSES.get(status)));
  }

  @Operation
  public String stop(@Param(name = "build") int build) {
    return summary(backend.stopBuild(id(build)));
  }

  @Operation
  public String read(@Param(name = "build") int build) {
    return backend.build(BuildId.parse(id(build)).get()).map(Model::summary).orElse("absent");
  }

  @Test
  @DisplayName("every concurrent history of start/advance/complete/stop/read is explained by the stop rules in some order")
  void everyHistoryHasASequentialExplanationByTheStopRules() throws IOException {
    int scenarios = Scale.times(100);
    int invocations = 100;
    long started = System.nanoTime();
    // 3 threads on a 2-core machine cost no spinning: Lincheck 3.7 busy-spins only when there are at least as many
    // processors as threads; here its threads park between histories and yield at every turn of the start barrier
    // (no JFR sample caught one waiting: RELIABILITY.md §1), so fewer threads would not buy more histories a second
    new StressOptions()
        .iterations(scenarios)
        .invocationsPerIteration(invocations)
        .threads(3)
        .actorsPerThread(3)
        .actorsBefore(2)
        .actorsAfter(2)
        .sequentialSpecification(Model.class)
        .check(InMemoryLinearizabilityTest.class);

    Path report = Path.of("target", "reliability", "linearizability.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, "scenarios " + scenarios + "\nhistories " + scenarios * invocations
        + "\nthreads 3, operations per history 13 (2 before, 3 x 3 parallel, 2 after)\nseconds "
        + (System.nanoTime() - started) / 1_000_000_000.0 + "\n");
  }

  static String id(int build) {
    return PROJECT + ":00000000-0000-0000-0000-00000000000" + build;
  }

  static Build started(int build) {
    return BuildLifecycle.start(Build.builder().id(id(build)).projectName(PROJECT).build(), AT);
  }

  static String summary(Either<StopFailure, Build> result) {
    return result.fold(Model::code, Model::summary);
  }

  /** The sequential specification: the domain's rules, one call at a time, over a plain map. */
  public static final class Model {
    private final Map<String, Build> builds = new HashMap<>();
    private long buildNumber;

    public Model() {
      builds.put(id(0), started(0));
      builds.put(id(1), started(1));
    }

    public String start(int build) {
      builds.put(id(build), started(build));
      return summary(builds.get(id(build)));
    }

    public String startNew() {
      return "#" + ++buildNumber;
    }

    public String advance(int build) {
      return apply(build, b -> BuildLifecycle.advance(b, AT));
    }

    public String complete(int build, int status) {
      return apply(build, b -> BuildLifecycle.complete(b, BuildLifecycle.FINAL_STATUSES.get(status), AT));
    }

    public String stop(int build) {
      return apply(build, b -> StopRules.stop(b, AT));
    }

    public String read(int build) {
      return Optional.ofNullable(builds.get(id(build))).map(Model::summary).orElse("absent");
    }

    private String apply(int build, java.util.function.UnaryOperator<Build> rule) {
      Build before = builds.get(id(build));
      if (before == null) {
        return StopFailure.Code.RESOURCE_NOT_FOUND.name();
      }
      Build after = rule.apply(before);
      builds.put(id(build), after);
      return summary(after);
    }

    // Lincheck merges the states of its transition system that are equal: without equals every order of the same
    // calls is a state of its own, rebuilt by replaying its calls from a new Model. Two Models with the same builds
    // and the same last build number answer every later call alike, so merging them loses no history.
    @Override
    public boolean equals(Object other) {
      return other instanceof Model model && buildNumber == model.buildNumber && builds.equals(model.builds);
    }

    @Override
    public int hashCode() {
      return Objects.hash(builds, buildNumber);
    }

    static String code(StopFailure failure) {
      return failure.code().name();
    }

    /** {@code STATUS@PHASE complete? [TYPE:STATUS ...]}: everything a transition changes, at a fixed instant. */
    static String summary(Build build) {
      List<BuildPhase> phases = build.phases();
      return build.buildStatus().map(StatusType::name).orElse("-") + "@"
          + build.currentPhaseAsString().orElse("-") + (build.buildComplete().orElse(false) ? " complete " : " running ")
          + phases.stream()
              .map(p -> p.phaseType().map(Enum::name).orElse("?") + p.phaseStatus().map(s -> ":" + s).orElse(""))
              .collect(Collectors.joining(" ", "[", "]"))
          + build.endTime().map(end -> " end").orElse("");
    }
  }
}
