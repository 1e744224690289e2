package io.buildstop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.InvalidBuildIdReason;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link io.buildstop.api.BuildStopper} passes: spec §4, rule by rule, end to end through the
 * port. Subclass it in your test sources and supply a {@link BuildStopperFixture}:
 *
 * <pre>{@code
 * class MyBackendContractTest extends BuildStopperContract {
 *   @Override
 *   protected BuildStopperFixture fixture() {
 *     return new MyBackendFixture();
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #fixture()} is called once per test; return a shared fixture if yours is costly to make.
 */
public abstract class BuildStopperContract {

  /** The backend under test, with its seeding hooks. */
  protected abstract BuildStopperFixture fixture();

  private BuildStopperFixture fixture;

  /** The fixture of the running test, made on first use. */
  protected final BuildStopperFixture theFixture() {
    if (fixture == null) {
      fixture = fixture();
    }
    return fixture;
  }

  /** A project name no other test uses, so one backend can serve the whole contract. */
  protected static String freshProject() {
    return "contract-" + UUID.randomUUID().toString().substring(0, 18);
  }

  private static BuildId idOf(Build build) {
    return BuildId.parse(build.id().orElseThrow()).get();
  }

  // §4.1–4.2 a running build stops in whatever phase it is
  @ParameterizedTest(name = "running in {0}")
  @EnumSource(value = BuildPhaseType.class, names = {"COMPLETED", "UNKNOWN_TO_SDK_VERSION"},
      mode = EnumSource.Mode.EXCLUDE)
  void aRunningBuildStopsExactlyAsTheSpecSays(BuildPhaseType phase) {
    Build running = theFixture().runningBuild(freshProject(), phase);
    BuildAssert.assertThat(running).isRunning().hasCurrentPhase(phase);

    Either<StopFailure, Build> stopped = theFixture().stopper().stopBuild(running.id().orElseThrow());

    assertThat(stopped.isRight()).as("stopping a running build: %s", stopped).isTrue();
    BuildAssert.assertThat(stopped.get()).isStopped().isTheStopOf(running).satisfiesTheInvariants();
    assertThat(theFixture().storedBuild(idOf(running))).contains(stopped.get());
  }

  @Test
  void theBuildIdOverloadStopsARunningBuildTheSameWay() {
    Build running = theFixture().runningBuild(freshProject(), BuildPhaseType.BUILD);

    Either<StopFailure, Build> stopped = theFixture().stopper().stopBuild(idOf(running));

    BuildAssert.assertThat(stopped.get()).isStopped().isTheStopOf(running);
  }

  // §4.3 a build that is already complete comes back unchanged
  @ParameterizedTest(name = "completed as {0}")
  @EnumSource(value = StatusType.class, names = {"IN_PROGRESS", "UNKNOWN_TO_SDK_VERSION"},
      mode = EnumSource.Mode.EXCLUDE)
  void aCompletedBuildKeepsItsFinalStatus(StatusType finalStatus) {
    Build completed = theFixture().completedBuild(freshProject(), finalStatus);
    BuildAssert.assertThat(completed).hasBuildStatus(finalStatus).isComplete();

    Either<StopFailure, Build> result = theFixture().stopper().stopBuild(completed.id().orElseThrow());

    assertThat(result).isEqualTo(Either.right(completed));
    assertThat(theFixture().storedBuild(idOf(completed))).contains(completed);
  }

  // §4.4 stopping again changes nothing
  @ParameterizedTest(name = "running in {0}")
  @EnumSource(value = BuildPhaseType.class, names = {"QUEUED", "BUILD", "FINALIZING"})
  void stoppingAgainGivesTheFirstStopsResult(BuildPhaseType phase) {
    Build running = theFixture().runningBuild(freshProject(), phase);
    Either<StopFailure, Build> first = theFixture().stopper().stopBuild(running.id().orElseThrow());

    Either<StopFailure, Build> second = theFixture().stopper().stopBuild(running.id().orElseThrow());
    Either<StopFailure, Build> third = theFixture().stopper().stopBuild(theFixture().buildArnOf(running));

    assertThat(first.isRight()).isTrue();
    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
    assertThat(theFixture().storedBuild(idOf(running))).contains(first.get());
  }

  // §4.5 many threads stopping one build see one transition and one result
  @Test
  void everyConcurrentCallerGetsTheSameStoppedBuild() throws Exception {
    Build running = theFixture().runningBuild(freshProject(), BuildPhaseType.BUILD);
    int callers = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Either<StopFailure, Build>>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return theFixture().stopper().stopBuild(running.id().orElseThrow());
        }));
      }
      start.countDown();
      List<Either<StopFailure, Build>> seen = new ArrayList<>();
      for (Future<Either<StopFailure, Build>> result : results) {
        seen.add(result.get(30, TimeUnit.SECONDS));
      }

      assertThat(seen).allSatisfy(result -> assertThat(result).isEqualTo(seen.get(0)));
      BuildAssert.assertThat(seen.get(0).get()).isStopped().isTheStopOf(running);
      assertThat(theFixture().storedBuild(idOf(running))).contains(seen.get(0).get());
    } finally {
      pool.shutdownNow();
    }
  }

  // §4.6 an unknown build is not found, and nothing changes
  @Test
  void anUnknownBuildIsResourceNotFound() {
    Build bystander = theFixture().runningBuild(freshProject(), BuildPhaseType.BUILD);
    BuildId unknown = theFixture().unknownBuildId();

    Either<StopFailure, Build> result = theFixture().stopper().stopBuild(unknown.value());

    assertThat(result.isLeft()).as("stopping an unknown build: %s", result).isTrue();
    assertThat(result.getLeft()).isInstanceOf(StopFailure.ResourceNotFound.class);
    assertThat(result.getLeft().message()).contains(unknown.value());
    assertThat(theFixture().storedBuild(unknown)).isEmpty();
    assertThat(theFixture().storedBuild(idOf(bystander))).contains(bystander);
  }

  // §4.7 an id that cannot be a build id is invalid input, and reaches no build
  static Stream<Arguments> badIds() {
    return Stream.of(
        Arguments.of(null, InvalidBuildIdReason.MISSING),
        Arguments.of("", InvalidBuildIdReason.EMPTY),
        Arguments.of(" ", InvalidBuildIdReason.WHITESPACE),
        Arguments.of("   ", InvalidBuildIdReason.WHITESPACE),
        Arguments.of("my-project:" + "a".repeat(250), InvalidBuildIdReason.TOO_LONG),
        Arguments.of("my-project:abc\u0000def", InvalidBuildIdReason.CONTROL_CHARACTER),
        Arguments.of("my-project:abc\ndef", InvalidBuildIdReason.CONTROL_CHARACTER),
        Arguments.of("my-project:abc\tdef", InvalidBuildIdReason.CONTROL_CHARACTER),
        Arguments.of("my-prøject:abc", InvalidBuildIdReason.NON_ASCII),
        Arguments.of("my-project:ünïcode", InvalidBuildIdReason.NON_ASCII),
        Arguments.of("my-project", InvalidBuildIdReason.MISSING_SEPARATOR),
        Arguments.of(":1a2b3c4d", InvalidBuildIdReason.INVALID_PROJECT_NAME),
        Arguments.of("a:1a2b3c4d", InvalidBuildIdReason.INVALID_PROJECT_NAME),
        Arguments.of("-project:1a2b3c4d", InvalidBuildIdReason.INVALID_PROJECT_NAME),
        Arguments.of("my-project:", InvalidBuildIdReason.EMPTY_BUILD_UUID),
        Arguments.of("arn:aws:s3:::my-bucket", InvalidBuildIdReason.NOT_A_BUILD_ARN));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("badIds")
  void aBadIdIsInvalidInputNamingTheRuleItBreaks(String badId, InvalidBuildIdReason reason) {
    Build bystander = theFixture().runningBuild(freshProject(), BuildPhaseType.BUILD);

    Either<StopFailure, Build> result = theFixture().stopper().stopBuild(badId);

    assertThat(result.isLeft()).as("stopping %s: %s", badId, result).isTrue();
    assertThat(result.getLeft()).isInstanceOfSatisfying(StopFailure.InvalidInput.class,
        invalid -> assertThat(invalid.reason()).contains(reason));
    assertThat(result.getLeft().message()).doesNotContainPattern("[\\x00-\\x1f]");
    assertThat(theFixture().storedBuild(idOf(bystander))).contains(bystander);
  }

  // §4.8 a build ARN is normalised to the id it holds
  @Test
  void aBuildArnStopsTheBuildItNames() {
    Build running = theFixture().runningBuild(freshProject(), BuildPhaseType.INSTALL);

    Either<StopFailure, Build> stopped = theFixture().stopper().stopBuild(theFixture().buildArnOf(running));

    assertThat(stopped.isRight()).as("stopping by ARN: %s", stopped).isTrue();
    BuildAssert.assertThat(stopped.get()).isStopped().isTheStopOf(running);
  }

  @Test
  void anArnOfAnotherPartitionNamesTheSameBuild() {
    Build running = theFixture().runningBuild(freshProject(), BuildPhaseType.QUEUED);
    String arn = "arn:aws-cn:codebuild:cn-north-1:123456789012:build/" + running.id().orElseThrow();

    Either<StopFailure, Build> stopped = theFixture().stopper().stopBuild(arn);

    BuildAssert.assertThat(stopped.get()).isStopped().isTheStopOf(running);
  }

  // §3 every result is a real build
  @Test
  void everyResultSatisfiesTheInvariantsWhateverTheBuildsState() {
    Map<String, Build> builds = Map.of(
        "queued", theFixture().runningBuild(freshProject(), BuildPhaseType.QUEUED),
        "building", theFixture().runningBuild(freshProject(), BuildPhaseType.BUILD),
        "failed", theFixture().completedBuild(freshProject(), StatusType.FAILED),
        "succeeded", theFixture().completedBuild(freshProject(), StatusType.SUCCEEDED));

    builds.forEach((state, build) -> {
      BuildAssert.assertThat(build).as("seeded %s build", state).satisfiesTheInvariants();
      Either<StopFailure, Build> result = theFixture().stopper().stopBuild(build.id().orElseThrow());
      BuildAssert.assertThat(result.get()).as("%s build after stop", state).satisfiesTheInvariants().isComplete();
    });
  }
}
