package io.buildstop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.api.BatchGetBuildsResult;
import io.buildstop.api.BuildIdPage;
import io.buildstop.api.BuildReader;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of the read port, {@link BuildReader}: every backend reads the same builds the same way. Subclass it
 * with a {@link BuildReaderFixture}, as {@link BuildStopperContract}.
 */
public abstract class BuildReaderContract {

  /** The backend under test, with its seeding hooks. */
  protected abstract BuildReaderFixture fixture();

  private BuildReaderFixture fixture;

  /** The fixture of the running test, made on first use. */
  protected final BuildReaderFixture theFixture() {
    if (fixture == null) {
      fixture = fixture();
    }
    return fixture;
  }

  private BuildReader reader() {
    return theFixture().reader();
  }

  // BatchGetBuilds: the builds asked for, in order, and the ids not found
  @Test
  void batchGetBuildsAnswersTheBuildsAsStoredInTheOrderAsked() {
    Build running = theFixture().runningBuild(BuildStopperContract.freshProject(), BuildPhaseType.BUILD);
    Build failed = theFixture().completedBuild(BuildStopperContract.freshProject(), StatusType.FAILED);
    String unknown = theFixture().unknownBuildId().value();

    Either<StopFailure, BatchGetBuildsResult> result = reader().batchGetBuilds(
        List.of(failed.id().orElseThrow(), unknown, running.id().orElseThrow()));

    assertThat(result.isRight()).as("batch get: %s", result).isTrue();
    assertThat(result.get().builds()).containsExactly(failed, running);
    assertThat(result.get().buildsNotFound()).containsExactly(unknown);
  }

  @Test
  void batchGetBuildsSeesAStopOnceItHappened() {
    Build running = theFixture().runningBuild(BuildStopperContract.freshProject(), BuildPhaseType.INSTALL);
    Build stopped = theFixture().stopper().stopBuild(running.id().orElseThrow()).get();

    assertThat(reader().batchGetBuilds(List.of(running.id().orElseThrow())).get().builds())
        .containsExactly(stopped);
  }

  @Test
  void batchGetBuildsAnswersADuplicateIdOnceAndAcceptsBuildArns() {
    Build running = theFixture().runningBuild(BuildStopperContract.freshProject(), BuildPhaseType.QUEUED);
    String id = running.id().orElseThrow();

    Either<StopFailure, BatchGetBuildsResult> result =
        reader().batchGetBuilds(List.of(id, theFixture().buildArnOf(running), id));

    assertThat(result.get().builds()).containsExactly(running);
    assertThat(result.get().buildsNotFound()).isEmpty();
  }

  @Test
  void batchGetBuildsRejectsAMalformedIdAsInvalidInputAndReadsNothing() {
    Build running = theFixture().runningBuild(BuildStopperContract.freshProject(), BuildPhaseType.BUILD);

    Either<StopFailure, BatchGetBuildsResult> result =
        reader().batchGetBuilds(List.of(running.id().orElseThrow(), "no colon here"));

    assertThat(result.isLeft()).isTrue();
    assertThat(result.getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
  }

  @Test
  void batchGetBuildsRejectsNoIdsAndTooManyIds() {
    List<String> tooMany = IntStream.rangeClosed(0, BuildReader.MAX_BATCH_GET_IDS)
        .mapToObj(i -> theFixture().unknownBuildId().value())
        .toList();

    assertThat(reader().batchGetBuilds(List.of()).getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
    assertThat(reader().batchGetBuilds(tooMany).getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
  }

  // ListBuildsForProject: the project's build ids, newest first, page by page
  @Test
  void listBuildsForProjectListsOnlyThisProjectsBuildsNewestFirst() {
    String project = BuildStopperContract.freshProject();
    List<Build> builds = new ArrayList<>();
    builds.add(theFixture().completedBuild(project, StatusType.SUCCEEDED));
    builds.add(theFixture().runningBuild(project, BuildPhaseType.BUILD));
    builds.add(theFixture().runningBuild(project, BuildPhaseType.QUEUED));
    theFixture().runningBuild(BuildStopperContract.freshProject(), BuildPhaseType.BUILD);

    Either<StopFailure, BuildIdPage> page = reader().listBuildsForProject(project, Optional.empty());

    assertThat(page.isRight()).as("list: %s", page).isTrue();
    List<BuildId> newestFirst = new ArrayList<>(builds.stream()
        .map(build -> BuildId.parse(build.id().orElseThrow()).get())
        .toList());
    Collections.reverse(newestFirst);
    assertThat(page.get().ids()).containsExactlyElementsOf(newestFirst);
    assertThat(page.get().nextToken()).isEmpty();
  }

  @Test
  void listBuildsForProjectPagesThroughEveryBuildExactlyOnce() {
    String project = BuildStopperContract.freshProject();
    int count = 130;
    List<BuildId> seeded = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      seeded.add(BuildId.parse(
          theFixture().runningBuild(project, BuildPhaseType.QUEUED).id().orElseThrow()).get());
    }

    List<BuildId> listed = new ArrayList<>();
    Optional<String> token = Optional.empty();
    int pages = 0;
    do {
      BuildIdPage page = reader().listBuildsForProject(project, token).get();
      listed.addAll(page.ids());
      token = page.nextToken();
      pages++;
    } while (token.isPresent() && pages < 10);

    Collections.reverse(seeded);
    assertThat(pages).isGreaterThan(1);
    assertThat(listed).containsExactlyElementsOf(seeded);
  }

  @Test
  void listBuildsForProjectRejectsAMalformedProjectName() {
    Either<StopFailure, BuildIdPage> page = reader().listBuildsForProject("not a project", Optional.empty());

    assertThat(page.isLeft()).isTrue();
    assertThat(page.getLeft().code()).isEqualTo(StopFailure.Code.INVALID_INPUT);
  }
}
