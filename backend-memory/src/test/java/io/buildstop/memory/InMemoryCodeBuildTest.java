package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.InvalidBuildIdReason;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The in-memory backend, example by example, grouped by the rule of {@code shared/spec} each one shows. */
@DisplayName("InMemoryCodeBuild")
class InMemoryCodeBuildTest {
  // the stop-build capture's instants (spec fixtures), so the examples read like the published response
  private static final Instant SUBMITTED_AT = Instant.parse("2019-05-03T18:09:16.318Z");
  private static final Duration PHASE_LENGTH = Duration.ofMillis(10_250);
  private static final Duration BEFORE_STOP = Duration.ofMillis(17_463);
  private static final String ARN_PREFIX = "arn:aws:codebuild:us-east-1:123456789012:build/";
  private static final StopFailure THROTTLED = new StopFailure.Throttled("Rate exceeded");

  private final MutableClock clock = new MutableClock(SUBMITTED_AT);
  private final InMemoryCodeBuild stopper = InMemoryCodeBuild.builder().clock(clock).build();

  private Build started(String projectName) {
    return stopper.startBuild(projectName).get();
  }

  /** A build of project {@code p1} running in {@code phase}; each phase took {@link #PHASE_LENGTH}. */
  private Build runningIn(BuildPhaseType phase) {
    if (phase == BuildPhaseType.SUBMITTED) {
      // StartBuild answers with QUEUED already open (spec §3.8); a build still in SUBMITTED can only be seeded
      Build submitted = Build.builder()
          .id("p1:0b5ec2e4-5f0e-4b8a-9d4e-1f2a3b4c5d6e")
          .arn(ARN_PREFIX + "p1:0b5ec2e4-5f0e-4b8a-9d4e-1f2a3b4c5d6e")
          .buildNumber(1L)
          .projectName("p1")
          .startTime(clock.instant())
          .buildStatus(StatusType.IN_PROGRESS)
          .buildComplete(false)
          .currentPhase(BuildPhaseType.SUBMITTED)
          .addPhases(BuildPhase.builder().phaseType(BuildPhaseType.SUBMITTED).startTime(clock.instant()).build())
          .build();
      assertThat(BuildInvariants.violations(submitted)).isEmpty();
      return stopper.put(submitted).get();
    }
    Build build = started("p1");
    for (int i = BuildLifecycle.RUNNING_PHASES.indexOf(BuildPhaseType.QUEUED);
        i < BuildLifecycle.RUNNING_PHASES.indexOf(phase); i++) {
      clock.advance(PHASE_LENGTH);
      build = stopper.advance(build.id().orElseThrow()).get();
    }
    assertThat(build.currentPhase()).contains(phase);
    return build;
  }

  private static BuildId idOf(Build build) {
    return BuildId.parse(build.id().orElseThrow()).get();
  }

  private Set<Build> store() {
    return new HashSet<>(stopper.builds());
  }

  @Nested
  @DisplayName("StartBuild: a new build is SUBMITTED succeeded and QUEUED running (spec §3.8)")
  class StartingABuild {

    @Test
    void aStartedBuildHasSubmittedSucceededAndQueuedOpen() {
      Build build = started("p1");

      assertThat(build.buildStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(build.buildComplete()).contains(false);
      assertThat(build.currentPhase()).contains(BuildPhaseType.QUEUED);
      assertThat(build.startTime()).contains(SUBMITTED_AT);
      assertThat(build.endTime()).isEmpty();
      assertThat(build.phases()).hasSize(2);
      assertThat(build.phases().get(0).phaseType()).contains(BuildPhaseType.SUBMITTED);
      assertThat(build.phases().get(0).phaseStatus()).contains(StatusType.SUCCEEDED);
      assertThat(build.phases().get(1).phaseType()).contains(BuildPhaseType.QUEUED);
      assertThat(build.phases().get(1).phaseStatusAsString()).isEmpty();
      assertThat(BuildInvariants.check(build).isRight()).isTrue();
      assertThat(stopper.build(idOf(build))).contains(build);
    }

    @Test
    void buildNumbersCountEachProjectsBuildsFromOne() {
      assertThat(List.of(started("p1"), started("p2"), started("p1"), started("p1"), started("p2")))
          .extracting(build -> build.buildNumber().orElseThrow())
          .containsExactly(1L, 1L, 2L, 3L, 2L);
    }

    @Test
    void aStartedBuildHasAnIdOfItsProjectAndABuildArnAroundIt() {
      Build build = started("my-project_2");

      String id = build.id().orElseThrow();
      assertThat(id).matches("my-project_2:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      assertThat(build.arn()).contains(ARN_PREFIX + id);
      assertThat(build.projectName()).contains("my-project_2");
      assertThat(started("my-project_2").id()).isNotEqualTo(build.id());
    }

    @Test
    void theArnNamesTheConfiguredPartitionRegionAndAccount() {
      InMemoryCodeBuild china = InMemoryCodeBuild.builder()
          .clock(clock).partition("aws-cn").region("cn-north-1").accountId("000011112222").build();

      Build build = china.startBuild("p1").get();

      assertThat(build.arn()).contains("arn:aws-cn:codebuild:cn-north-1:000011112222:build/" + build.id().get());
      assertThat(china.stopBuild(build.arn().get()).get().buildStatus()).contains(StatusType.STOPPED);
    }

    @Test
    void buildsOfOneProjectShareTheirDefaultConfigurationRatherThanACopyEach() {
      Build first = started("p1");
      Build second = started("p1");

      // a backend seeded with 100,000 builds keeps one environment, source and cache per project (BENCHMARKS.md)
      assertThat(second.environment().orElseThrow()).isSameAs(first.environment().orElseThrow());
      assertThat(second.source().orElseThrow()).isSameAs(first.source().orElseThrow());
      assertThat(second.logs().orElseThrow()).isSameAs(first.logs().orElseThrow());
      assertThat(started("p2").logs().orElseThrow().groupName()).contains("/aws/codebuild/p2");
    }

    @Test
    void aCallersConfigurationIsKeptAndItsLifecycleReplaced() {
      Build configuration = Build.builder()
          .projectName("p1").sourceVersion("refs/heads/main").serviceRole("arn:aws:iam::123456789012:role/r")
          .buildStatus(StatusType.SUCCEEDED).build();

      Build build = stopper.startBuild(configuration).get();

      assertThat(build.sourceVersion()).contains("refs/heads/main");
      assertThat(build.serviceRole()).contains("arn:aws:iam::123456789012:role/r");
      assertThat(build.buildStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(build.buildNumber()).contains(1L);
    }

    @ParameterizedTest(name = "project name \"{0}\"")
    @NullSource
    @MethodSource("malformedProjectNames")
    void aMalformedProjectNameIsInvalidInputAndStartsNothing(String projectName) {
      Either<StopFailure, Build> result = stopper.startBuild(projectName);

      assertThat(result.getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(((StopFailure.InvalidInput) result.getLeft()).reason()).isPresent();
      assertThat(stopper.builds()).isEmpty();
    }

    static Stream<String> malformedProjectNames() {
      return Stream.of("", "a", "-x", "_x", "a:b", "p 1", "p1/x", "x".repeat(151));
    }

    @Test
    void aProjectNameOf150CharactersIsAccepted() {
      assertThat(stopper.startBuild("x".repeat(150)).isRight()).isTrue();
    }

    @Test
    void aConfigurationWithoutAProjectNameIsInvalidInput() {
      assertThat(stopper.startBuild(Build.builder().build()).getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(stopper.builds()).isEmpty();
    }
  }

  @Nested
  @DisplayName("§4.1, §4.2: a running build stops at the backend clock's instant, in any phase")
  class StoppingARunningBuild {

    static Stream<BuildPhaseType> runningPhases() {
      return BuildLifecycle.RUNNING_PHASES.stream();
    }

    @ParameterizedTest(name = "running in {0}")
    @MethodSource("runningPhases")
    void aRunningBuildStopsAtTheClocksInstant(BuildPhaseType phase) {
      Build before = runningIn(phase);
      Instant stoppedAt = clock.advance(BEFORE_STOP).instant();
      BuildPhase running = before.phases().get(before.phases().size() - 1);

      Build after = stopper.stopBuild(before.id().orElseThrow()).get();

      assertThat(after.buildStatus()).contains(StatusType.STOPPED);
      assertThat(after.buildComplete()).contains(true);
      assertThat(after.currentPhase()).contains(BuildPhaseType.COMPLETED);
      assertThat(after.endTime()).contains(stoppedAt);
      assertThat(after.phases()).hasSize(before.phases().size() + 1);
      assertThat(after.phases().subList(0, before.phases().size() - 1))
          .isEqualTo(before.phases().subList(0, before.phases().size() - 1));
      BuildPhase stopped = after.phases().get(before.phases().size() - 1);
      assertThat(stopped.phaseType()).isEqualTo(running.phaseType());
      assertThat(stopped.startTime()).isEqualTo(running.startTime());
      assertThat(stopped.phaseStatus()).contains(StatusType.STOPPED);
      assertThat(stopped.endTime()).contains(stoppedAt);
      assertThat(stopped.durationInSeconds()).contains(17L);
      assertThat(stopped.contexts()).isEmpty();
      assertThat(after.phases().get(after.phases().size() - 1))
          .isEqualTo(BuildPhase.builder().phaseType(BuildPhaseType.COMPLETED).startTime(stoppedAt).build());
      assertThat(BuildInvariants.check(after).isRight()).isTrue();
    }

    @ParameterizedTest(name = "running in {0}")
    @MethodSource("runningPhases")
    void everyOtherMemberOfTheBuildIsUnchanged(BuildPhaseType phase) {
      Build before = runningIn(phase);
      Instant stoppedAt = clock.advance(BEFORE_STOP).instant();

      Build after = stopper.stopBuild(before.id().orElseThrow()).get();

      assertThat(after).isEqualTo(before
          .withPhases(after.phases())
          .withBuildStatus(StatusType.STOPPED)
          .withBuildComplete(true)
          .withCurrentPhase(BuildPhaseType.COMPLETED)
          .withEndTime(stoppedAt));
    }

    @Test
    void theStoppedBuildIsStoredAsReturned() {
      Build before = runningIn(BuildPhaseType.BUILD);

      Build after = stopper.stopBuild(before.id().orElseThrow()).get();

      assertThat(stopper.build(idOf(before))).contains(after);
      assertThat(stopper.builds()).containsExactly(after);
    }

    @Test
    void stoppingOneBuildLeavesTheOthersAlone() {
      Build other = started("p2");
      Build target = started("p1");

      stopper.stopBuild(target.id().orElseThrow());

      assertThat(stopper.build(idOf(other))).contains(other);
    }
  }

  @Nested
  @DisplayName("§4.3: stopping a completed build is not an error and returns it unchanged")
  class StoppingACompletedBuild {

    static Stream<StatusType> finalStatuses() {
      return BuildLifecycle.FINAL_STATUSES.stream();
    }

    @ParameterizedTest(name = "completed as {0}")
    @MethodSource("finalStatuses")
    void aCompletedBuildIsReturnedUnchangedWithItsFinalStatus(StatusType finalStatus) {
      Build running = runningIn(BuildPhaseType.BUILD);
      Build completed = stopper.complete(running.id().orElseThrow(), finalStatus).get();
      assertThat(completed.buildStatus()).contains(finalStatus);
      clock.advance(BEFORE_STOP);

      Either<StopFailure, Build> result = stopper.stopBuild(completed.id().orElseThrow());

      assertThat(result).isEqualTo(Either.right(completed));
      assertThat(stopper.builds()).containsExactly(completed);
    }

    @Test
    void aBuildThatAdvancedPastFinalizingSucceededAndStaysSucceeded() {
      Build finalizing = runningIn(BuildPhaseType.FINALIZING);
      Build succeeded = stopper.advance(finalizing.id().orElseThrow()).get();
      assertThat(succeeded.buildStatus()).contains(StatusType.SUCCEEDED);

      assertThat(stopper.stopBuild(succeeded.id().orElseThrow())).isEqualTo(Either.right(succeeded));
    }
  }

  @Nested
  @DisplayName("§4.4: stopping is idempotent")
  class StoppingTwice {

    @Test
    void aSecondStopReturnsTheFirstStopsResultAndChangesNothing() {
      Build running = runningIn(BuildPhaseType.PRE_BUILD);
      clock.advance(BEFORE_STOP);
      Build first = stopper.stopBuild(running.id().orElseThrow()).get();
      clock.advance(Duration.ofMinutes(3));

      Build second = stopper.stopBuild(running.id().orElseThrow()).get();

      assertThat(second).isEqualTo(first);
      assertThat(stopper.builds()).containsExactly(first);
    }
  }

  @Nested
  @DisplayName("§4.6: an unknown build is ResourceNotFound, and nothing changes")
  class StoppingAnUnknownBuild {

    @Test
    void anUnknownIdIsResourceNotFoundWithTheBuildIdInTheMessage() {
      Build existing = started("p1");
      Set<Build> before = store();

      Either<StopFailure, Build> result = stopper.stopBuild("p1:00000000-0000-0000-0000-000000000000");

      BuildId unknown = new BuildId("p1", "00000000-0000-0000-0000-000000000000");
      assertThat(result).isEqualTo(Either.left(
          new StopFailure.ResourceNotFound("Build p1:00000000-0000-0000-0000-000000000000 not found", unknown)));
      assertThat(store()).isEqualTo(before).containsExactly(existing);
    }

    @Test
    void anUnknownBuildArnIsResourceNotFoundForTheIdItHolds() {
      Either<StopFailure, Build> result = stopper.stopBuild(ARN_PREFIX + "p1:gone");

      assertThat(result.getLeft().message()).isEqualTo("Build p1:gone not found");
    }

    @Test
    void advancingOrCompletingAnUnknownBuildIsResourceNotFound() {
      assertThat(stopper.advance("p1:gone").getLeft()).isInstanceOf(StopFailure.ResourceNotFound.class);
      assertThat(stopper.complete("p1:gone", StatusType.FAILED).getLeft())
          .isInstanceOf(StopFailure.ResourceNotFound.class);
      assertThat(stopper.builds()).isEmpty();
    }
  }

  @Nested
  @DisplayName("§4.7: an id that cannot be a build id is InvalidInput, and nothing changes")
  class StoppingWithAMalformedId {

    static Stream<Arguments> malformedIds() {
      return Stream.of(
          Arguments.of("a missing id", null, InvalidBuildIdReason.MISSING),
          Arguments.of("an empty id", "", InvalidBuildIdReason.EMPTY),
          Arguments.of("a blank id", " ", InvalidBuildIdReason.WHITESPACE),
          Arguments.of("an id with a space", "p1:ab cd", InvalidBuildIdReason.WHITESPACE),
          Arguments.of("a NUL", "p1:ab\u0000cd", InvalidBuildIdReason.CONTROL_CHARACTER),
          Arguments.of("a newline", "p1:abcd\n", InvalidBuildIdReason.CONTROL_CHARACTER),
          Arguments.of("a DEL", "p1:ab\u007fcd", InvalidBuildIdReason.CONTROL_CHARACTER),
          Arguments.of("a non-ASCII letter", "p1:\u00fcber", InvalidBuildIdReason.NON_ASCII),
          Arguments.of("no colon", "p1-0b5ec2e4", InvalidBuildIdReason.MISSING_SEPARATOR),
          Arguments.of("256 characters", "p1:" + "a".repeat(253), InvalidBuildIdReason.TOO_LONG),
          Arguments.of("an ARN-length flood", "p1:" + "a".repeat(5000), InvalidBuildIdReason.TOO_LONG),
          Arguments.of("no project name", ":x", InvalidBuildIdReason.INVALID_PROJECT_NAME),
          Arguments.of("a one-letter project", "a:x", InvalidBuildIdReason.INVALID_PROJECT_NAME),
          Arguments.of("no build uuid", "p1:", InvalidBuildIdReason.EMPTY_BUILD_UUID),
          Arguments.of("another service's ARN", "arn:aws:s3:::bucket", InvalidBuildIdReason.NOT_A_BUILD_ARN),
          Arguments.of("a project ARN", "arn:aws:codebuild:us-east-1:123456789012:project/p1",
              InvalidBuildIdReason.NOT_A_BUILD_ARN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedIds")
    void aMalformedIdIsInvalidInputAndChangesNothing(String label, String id, InvalidBuildIdReason reason) {
      started("p1");
      Set<Build> before = store();

      Either<StopFailure, Build> result = stopper.stopBuild(id);

      assertThat(result.getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(((StopFailure.InvalidInput) result.getLeft()).reason()).contains(reason);
      assertThat(store()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedIds")
    void aMalformedIdDoesNotUseUpAnInjectedFailure(String label, String id, InvalidBuildIdReason reason) {
      Build running = started("p1");
      stopper.failNextCalls(1, THROTTLED);

      assertThat(stopper.stopBuild(id).getLeft()).isInstanceOf(StopFailure.InvalidInput.class);

      // the armed failure is still there for the next well-formed call
      assertThat(stopper.stopBuild(running.id().orElseThrow())).isEqualTo(Either.left(THROTTLED));
      assertThat(stopper.build(idOf(running))).contains(running);
    }

    @Test
    void anIdOf255CharactersIsWellFormed() {
      String longest = "p1:" + "a".repeat(252);

      assertThat(stopper.stopBuild(longest).getLeft()).isInstanceOf(StopFailure.ResourceNotFound.class);
    }

    @Test
    void aMalformedIdIsRecordedAsGiven() {
      stopper.stopBuild("bad id");
      stopper.stopBuild((String) null);

      assertThat(stopper.stopCalls()).extracting(StopCall::requestedId).containsExactly("bad id", "null");
    }
  }

  @Nested
  @DisplayName("§4.8 and the typed overload: a build ARN and a BuildId name the build")
  class OtherFormsOfTheId {

    @Test
    void aBuildArnStopsTheBuildItNames() {
      Build running = runningIn(BuildPhaseType.INSTALL);

      Build stopped = stopper.stopBuild(ARN_PREFIX + running.id().orElseThrow()).get();

      assertThat(stopped.id()).isEqualTo(running.id());
      assertThat(stopped.buildStatus()).contains(StatusType.STOPPED);
      assertThat(stopper.stopCalls()).extracting(StopCall::requestedId)
          .containsExactly(ARN_PREFIX + running.id().orElseThrow());
    }

    @Test
    void aBuildIdStopsTheBuildItNames() {
      Build running = runningIn(BuildPhaseType.DOWNLOAD_SOURCE);

      Build stopped = stopper.stopBuild(idOf(running)).get();

      assertThat(stopped.buildStatus()).contains(StatusType.STOPPED);
      assertThat(stopper.build(idOf(running))).contains(stopped);
      assertThat(stopper.stopCalls()).extracting(StopCall::requestedId).containsExactly(running.id().orElseThrow());
    }

    @Test
    void aNullBuildIdIsInvalidInputNotAnException() {
      Either<StopFailure, Build> result = stopper.stopBuild((BuildId) null);

      assertThat(((StopFailure.InvalidInput) result.getLeft()).reason()).contains(InvalidBuildIdReason.MISSING);
    }
  }

  @Nested
  @DisplayName("Seeding: put, advance and complete put a build in any real state")
  class Seeding {

    private Build seeded(String id, long buildNumber) {
      return BuildLifecycle.start(Build.builder().id(id).projectName("proj-x").buildNumber(buildNumber).build(),
          SUBMITTED_AT.minus(Duration.ofMinutes(5)));
    }

    @Test
    void aPutBuildCanBeStopped() {
      Build seeded = seeded("proj-x:1234", 41);
      assertThat(stopper.put(seeded)).isEqualTo(Either.right(seeded));

      Build stopped = stopper.stopBuild("proj-x:1234").get();

      assertThat(stopped.buildStatus()).contains(StatusType.STOPPED);
      assertThat(stopped.endTime()).contains(SUBMITTED_AT);
      assertThat(stopped.phases().get(1).durationInSeconds()).contains(300L);
    }

    @Test
    void aPutBuildReplacesTheBuildWithItsId() {
      stopper.put(seeded("proj-x:1234", 1));
      Build replacement = seeded("proj-x:1234", 2).withInitiator("someone");

      stopper.put(replacement);

      assertThat(stopper.builds()).containsExactly(replacement);
    }

    @Test
    void buildNumbersContinueAfterAPutBuildsNumber() {
      stopper.put(seeded("proj-x:1234", 41));
      stopper.put(seeded("proj-x:1233", 7));

      assertThat(started("proj-x").buildNumber()).contains(42L);
    }

    @ParameterizedTest(name = "id \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "no-colon", ":x", "p1:"})
    void aBuildWithAMissingOrMalformedIdCannotBePut(String id) {
      Build build = seeded("proj-x:1234", 1).withId(Optional.ofNullable(id));

      assertThat(stopper.put(build).getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(stopper.builds()).isEmpty();
    }

    @ParameterizedTest(name = "status {0}")
    @NullSource
    @ValueSource(strings = {"IN_PROGRESS", "UNKNOWN_TO_SDK_VERSION"})
    void completingWithAStatusThatIsNotFinalIsInvalidInput(StatusType status) {
      Build running = started("p1");

      assertThat(stopper.complete(running.id().orElseThrow(), status).getLeft())
          .isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(stopper.builds()).containsExactly(running);
    }

    @Test
    void advancingAndCompletingAMalformedIdIsInvalidInput() {
      assertThat(stopper.advance("bad id").getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(stopper.complete(null, StatusType.FAILED).getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
    }

    @Test
    void aBuildAdvancesPhaseByPhaseAndSucceedsAfterFinalizing() {
      Build build = started("p1");
      String id = build.id().orElseThrow();
      for (BuildPhaseType next : BuildLifecycle.RUNNING_PHASES.subList(2, BuildLifecycle.RUNNING_PHASES.size())) {
        clock.advance(PHASE_LENGTH);
        build = stopper.advance(id).get();
        assertThat(build.currentPhase()).contains(next);
        assertThat(BuildInvariants.check(build).isRight()).isTrue();
      }

      Build succeeded = stopper.advance(id).get();

      assertThat(succeeded.buildStatus()).contains(StatusType.SUCCEEDED);
      assertThat(succeeded.currentPhase()).contains(BuildPhaseType.COMPLETED);
      assertThat(stopper.advance(id)).isEqualTo(Either.right(succeeded));
    }

    @Test
    void aCompletedBuildKeepsItsOneTerminalState() {
      String id = started("p1").id().orElseThrow();
      Build failed = stopper.complete(id, StatusType.FAILED).get();

      assertThat(stopper.complete(id, StatusType.SUCCEEDED)).isEqualTo(Either.right(failed));
      assertThat(stopper.builds()).containsExactly(failed);
    }
  }

  @Nested
  @DisplayName("Test hooks: injected failures and the record of stop calls")
  class TestHooks {

    @Test
    void theNextCallsFailAsArmedWithoutChangingTheBuildThenStopsWorkAgain() {
      Build running = started("p1");
      String id = running.id().orElseThrow();
      stopper.failNextCalls(2, THROTTLED);

      assertThat(stopper.stopBuild(id)).isEqualTo(Either.left(THROTTLED));
      assertThat(stopper.stopBuild(idOf(running))).isEqualTo(Either.left(THROTTLED));
      assertThat(stopper.builds()).containsExactly(running);

      assertThat(stopper.stopBuild(id).get().buildStatus()).contains(StatusType.STOPPED);
    }

    @Test
    void anInjectedFailureAnswersEvenAnUnknownId() {
      stopper.failNextCalls(1, new StopFailure.Unavailable("injected", Optional.empty()));

      assertThat(stopper.stopBuild("p1:gone").getLeft()).isInstanceOf(StopFailure.Unavailable.class);
      assertThat(stopper.stopBuild("p1:gone").getLeft()).isInstanceOf(StopFailure.ResourceNotFound.class);
    }

    @Test
    void armingAgainReplacesWhatWasArmedAndZeroDisarms() {
      String id = started("p1").id().orElseThrow();
      StopFailure denied = new StopFailure.AccessDenied("AccessDeniedException", "no");
      stopper.failNextCalls(5, THROTTLED);
      stopper.failNextCalls(1, denied);

      assertThat(stopper.stopBuild(id)).isEqualTo(Either.left(denied));
      stopper.failNextCalls(3, THROTTLED);
      stopper.failNextCalls(0, THROTTLED);

      assertThat(stopper.stopBuild(id).isRight()).isTrue();
    }

    @Test
    void aNegativeNumberOfCallsIsRejected() {
      assertThatThrownBy(() -> stopper.failNextCalls(-1, THROTTLED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stopCallsRecordTheRequestedIdsInstantsAndResultsInOrder() {
      Build running = started("p1");
      String id = running.id().orElseThrow();
      Instant first = clock.advance(BEFORE_STOP).instant();
      Either<StopFailure, Build> stopped = stopper.stopBuild(id);
      Instant second = clock.advance(BEFORE_STOP).instant();
      Either<StopFailure, Build> unknown = stopper.stopBuild("p1:gone");
      Instant third = clock.advance(BEFORE_STOP).instant();
      Either<StopFailure, Build> again = stopper.stopBuild(ARN_PREFIX + id);

      assertThat(stopper.stopCalls()).containsExactly(
          new StopCall(id, first, stopped),
          new StopCall("p1:gone", second, unknown),
          new StopCall(ARN_PREFIX + id, third, again));
    }

    @Test
    void stopCallsIsASnapshot() {
      List<StopCall> before = stopper.stopCalls();
      stopper.stopBuild("p1:gone");

      assertThat(before).isEmpty();
      assertThat(stopper.stopCalls()).hasSize(1);
    }

    @Test
    void aFailingClockIsUnavailableCarryingTheCauseAndNothingChanges() {
      Build running = started("p1");
      IllegalStateException broken = new IllegalStateException("no time source");
      clock.failWith(broken);

      Either<StopFailure, Build> result = stopper.stopBuild(running.id().orElseThrow());

      assertThat(result.getLeft()).isInstanceOf(StopFailure.Unavailable.class);
      assertThat(((StopFailure.Unavailable) result.getLeft()).cause()).containsSame(broken);
      assertThat(stopper.builds()).containsExactly(running);
      assertThat(stopper.stopCalls()).singleElement().extracting(StopCall::result).isEqualTo(result);
    }
  }
}
