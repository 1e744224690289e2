package io.buildstop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.Build;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.BuildPhaseType;
import io.buildstop.domain.StatusType;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The contract's properties (jqwik): what must hold for any phase, any final status, any number of stops and any
 * malformed id. Subclass it next to your {@link BuildStopperContract} subclass, supplying the same fixture:
 *
 * <pre>{@code
 * class MyBackendPropertiesTest extends BuildStopperProperties {
 *   @Override
 *   protected BuildStopperFixture fixture() {
 *     return new MyBackendFixture();
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #fixture()} is called for every try; return a shared fixture if yours is costly to make.
 */
public abstract class BuildStopperProperties {

  /** The backend under test, with its seeding hooks. */
  protected abstract BuildStopperFixture fixture();

  @Property(tries = 100)
  void anyNumberOfStopsMakesOneTransition(
      @ForAll("runningPhases") BuildPhaseType phase, @ForAll @IntRange(min = 1, max = 5) int stops) {
    BuildStopperFixture fixture = fixture();
    Build running = fixture.runningBuild(BuildStopperContract.freshProject(), phase);

    List<Either<StopFailure, Build>> results = new ArrayList<>();
    for (int i = 0; i < stops; i++) {
      results.add(fixture.stopper().stopBuild(running.id().orElseThrow()));
    }

    assertThat(results).allSatisfy(result -> assertThat(result).isEqualTo(results.get(0)));
    BuildAssert.assertThat(results.get(0).get()).isStopped().isTheStopOf(running).satisfiesTheInvariants();
  }

  @Property(tries = 50)
  void aCompletedBuildIsReturnedUnchanged(
      @ForAll("finalStatuses") StatusType finalStatus, @ForAll @IntRange(min = 1, max = 3) int stops) {
    BuildStopperFixture fixture = fixture();
    Build completed = fixture.completedBuild(BuildStopperContract.freshProject(), finalStatus);

    for (int i = 0; i < stops; i++) {
      assertThat(fixture.stopper().stopBuild(completed.id().orElseThrow())).isEqualTo(Either.right(completed));
    }
  }

  @Property(tries = 300)
  void anIdThatCannotBeABuildIdIsInvalidInputWithTheSameReasonAsParse(@ForAll("malformedIds") String badId) {
    BuildStopperFixture fixture = fixture();
    Either<StopFailure, BuildId> parsed = BuildId.parse(badId);

    Either<StopFailure, Build> result = fixture.stopper().stopBuild(badId);

    assertThat(parsed.isLeft()).as("the generator made a valid id: %s", badId).isTrue();
    assertThat(result).isEqualTo(Either.left(parsed.getLeft()));
  }

  @Property(tries = 100)
  void anUnknownIdIsNotFound(@ForAll("uuids") String uuid) {
    BuildStopperFixture fixture = fixture();
    BuildId unknown = BuildId.parse("buildstop-unknown-project:" + uuid).get();

    Either<StopFailure, Build> result = fixture.stopper().stopBuild(unknown);

    assertThat(result.isLeft()).isTrue();
    assertThat(result.getLeft().code()).isEqualTo(StopFailure.Code.RESOURCE_NOT_FOUND);
  }

  @Provide
  Arbitrary<BuildPhaseType> runningPhases() {
    return Arbitraries.of(BuildLifecycle.RUNNING_PHASES);
  }

  @Provide
  Arbitrary<StatusType> finalStatuses() {
    return Arbitraries.of(BuildLifecycle.FINAL_STATUSES);
  }

  @Provide
  Arbitrary<String> uuids() {
    return Arbitraries.create(java.util.UUID::randomUUID).map(java.util.UUID::toString);
  }

  @Provide
  Arbitrary<String> malformedIds() {
    Arbitrary<String> anyText = Arbitraries.strings().ofMaxLength(300);
    Arbitrary<String> noSeparator = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40);
    Arbitrary<String> badProject = Arbitraries.strings().withChars("-_.!@ ").ofMinLength(1).ofMaxLength(5)
        .map(project -> project + ":1a2b3c4d");
    Arbitrary<String> controlled = Arbitraries.chars().range('\u0000', '\u001f')
        .map(control -> "my-project:abc" + control + "def");
    Arbitrary<String> tooLong = Arbitraries.integers().between(245, 400)
        .map(length -> "my-project:" + "x".repeat(length));
    Arbitrary<String> nonAscii = Arbitraries.chars().range('\u0080', '\uffff')
        .map(character -> "my-project:abc" + character);
    return Arbitraries.oneOf(anyText, noSeparator, badProject, controlled, tooLong, nonAscii)
        .filter(id -> BuildId.parse(id).isLeft());
  }
}
