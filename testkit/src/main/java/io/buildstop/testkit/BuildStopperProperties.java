package io.buildstop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.model.Build;
import io.buildstop.testkit.generators.BuildIds;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The contract's properties: what must hold for any phase, any final status, any number of stops and any malformed
 * id, each a JUnit 5 {@code @Test} over generated cases (QuickTheories, shrinking to the smallest counterexample; a
 * failure reports its seed). Subclass it next to your {@link BuildStopperContract} subclass, supplying the same
 * fixture:
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

  @Test
  void anyNumberOfStopsMakesOneTransition() {
    Property.tries(100).forAll(Gens.oneOf(BuildLifecycle.RUNNING_PHASES), Gens.ints(1, 5), (phase, stops) -> {
      BuildStopperFixture fixture = fixture();
      Build running = fixture.runningBuild(BuildStopperContract.freshProject(), phase);

      List<Either<StopFailure, Build>> results = new ArrayList<>();
      for (int i = 0; i < stops; i++) {
        results.add(fixture.stopper().stopBuild(running.id().orElseThrow()));
      }

      assertThat(results).allSatisfy(result -> assertThat(result).isEqualTo(results.get(0)));
      BuildAssert.assertThat(results.get(0).get()).isStopped().isTheStopOf(running).satisfiesTheInvariants();
    });
  }

  @Test
  void aCompletedBuildIsReturnedUnchanged() {
    Property.tries(50).forAll(Gens.oneOf(BuildLifecycle.FINAL_STATUSES), Gens.ints(1, 3), (finalStatus, stops) -> {
      BuildStopperFixture fixture = fixture();
      Build completed = fixture.completedBuild(BuildStopperContract.freshProject(), finalStatus);

      for (int i = 0; i < stops; i++) {
        assertThat(fixture.stopper().stopBuild(completed.id().orElseThrow())).isEqualTo(Either.right(completed));
      }
    });
  }

  @Test
  void anIdThatCannotBeABuildIdIsInvalidInputWithTheSameReasonAsParse() {
    Property.tries(300).forAll(malformedIds(), badId -> {
      BuildStopperFixture fixture = fixture();
      Either<StopFailure, BuildId> parsed = BuildId.parse(badId);

      Either<StopFailure, Build> result = fixture.stopper().stopBuild(badId);

      assertThat(parsed.isLeft()).as("the generator made a valid id: %s", badId).isTrue();
      assertThat(result).isEqualTo(Either.left(parsed.getLeft()));
    });
  }

  @Test
  void anUnknownIdIsNotFound() {
    Property.tries(100).forAll(BuildIds.buildUuids(), uuid -> {
      BuildStopperFixture fixture = fixture();
      BuildId unknown = BuildId.parse("buildstop-unknown-project:" + uuid).get();

      Either<StopFailure, Build> result = fixture.stopper().stopBuild(unknown);

      assertThat(result.isLeft()).isTrue();
      assertThat(result.getLeft().code()).isEqualTo(StopFailure.Code.RESOURCE_NOT_FOUND);
    });
  }

  // every way an id can be wrong, and text of any kind that happens to be wrong
  private static Gen<String> malformedIds() {
    Gen<String> anyText = Gens.strings('\u0000', '\u00ff', 0, 300);
    return Gens.weighted(4, BuildIds.invalidIds(), 1, anyText).assuming(id -> BuildId.parse(id).isLeft());
  }
}
