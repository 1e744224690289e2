package io.buildstop.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BatchDeletion.BuildNotDeleted;
import io.buildstop.domain.lifecycle.BuildDeletion;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildArtifacts;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.LogsLocation;
import io.buildstop.domain.model.Project;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.StatusType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** RetryBuild, BatchDeleteBuilds, DeleteProject, UpdateProject and ListProjects through the in-memory CodeBuild. */
class InMemoryRetryDeleteAndProjectsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00.123Z"));
  private final InMemoryCodeBuild codeBuild = InMemoryCodeBuild.builder().clock(clock).build();

  private static String idOf(Build build) {
    return build.id().orElseThrow();
  }

  private static Project project(String name, Instant at) {
    return Project.builder().name(name).arn("arn:aws:codebuild:us-east-1:123456789012:project/" + name)
        .environment(ProjectEnvironment.builder().image("aws/codebuild/standard:7.0").build())
        .created(at).lastModified(at).build();
  }

  @Nested
  class RetryBuild {
    private Build finished() {
      Build build = codeBuild.startBuild("web").get();
      String uuid = BuildId.parse(idOf(build)).get().buildUuid();
      codeBuild.put(build.withSourceVersion("main").withResolvedSourceVersion("4c3e1a9")
          .withLogs(LogsLocation.builder().groupName("/aws/codebuild/web").streamName(uuid)
              .deepLink("https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logEvent:group="
                  + "/aws/codebuild/web;stream=" + uuid).build())
          .withArtifacts(BuildArtifacts.builder().location("arn:aws:s3:::bucket/" + uuid + "/web")
              .md5sum("abc").build()));
      return codeBuild.complete(idOf(build), StatusType.FAILED).get();
    }

    @Test
    void aRetryIsANewRunningBuildOfTheSameConfiguration() {
      Build old = finished();
      clock.advance(Duration.ofMinutes(1));

      Build retry = codeBuild.retryBuild(idOf(old), Optional.empty()).get();

      assertThat(retry.id()).isNotEqualTo(old.id());
      assertThat(retry.arn()).isNotEqualTo(old.arn());
      assertThat(retry.buildNumber()).contains(old.buildNumber().orElseThrow() + 1);
      assertThat(retry.buildStatus()).contains(StatusType.IN_PROGRESS);
      assertThat(retry.buildComplete()).contains(false);
      assertThat(retry.currentPhase()).contains(BuildPhaseType.QUEUED);
      assertThat(retry.phases()).extracting(phase -> phase.phaseType().orElseThrow())
          .containsExactly(BuildPhaseType.SUBMITTED, BuildPhaseType.QUEUED);
      assertThat(retry.startTime()).contains(clock.instant());
      assertThat(retry.source()).isEqualTo(old.source());
      assertThat(retry.environment()).isEqualTo(old.environment());
      assertThat(retry.sourceVersion()).contains("main");
      assertThat(retry.initiator()).isEqualTo(old.initiator());
      assertThat(retry.timeoutInMinutes()).isEqualTo(old.timeoutInMinutes());
      assertThat(retry.resolvedSourceVersion()).isEmpty();
      assertThat(retry.endTime()).isEmpty();
      assertThat(codeBuild.build(BuildId.parse(idOf(old)).get())).contains(old);
    }

    @Test
    void theRetryLogsAndUploadsUnderItsOwnId() {
      Build old = finished();
      Build retry = codeBuild.retryBuild(idOf(old), Optional.empty()).get();
      String uuid = BuildId.parse(idOf(retry)).get().buildUuid();

      assertThat(retry.logs().flatMap(LogsLocation::streamName)).contains(uuid);
      assertThat(retry.logs().flatMap(LogsLocation::deepLink).orElseThrow()).endsWith("stream=" + uuid);
      assertThat(retry.artifacts().flatMap(BuildArtifacts::location)).contains("arn:aws:s3:::bucket/" + uuid + "/web");
      assertThat(retry.artifacts().flatMap(BuildArtifacts::md5sum)).isEmpty();
    }

    @Test
    void theCallersInitiatorStartsTheRetry() {
      Build retry = codeBuild.retryBuild(idOf(finished()), Optional.of("AKIDRETRIER")).get();

      assertThat(retry.initiator()).contains("AKIDRETRIER");
    }

    @Test
    void aRunningBuildIsNotRetried() {
      Build running = codeBuild.startBuild("web").get();

      StopFailure refused = codeBuild.retryBuild(idOf(running), Optional.empty()).getLeft();

      assertThat(refused).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(refused.message()).contains("still in progress");
      assertThat(codeBuild.buildCount()).isEqualTo(1);
    }

    @Test
    void anUnknownBuildIsNotFoundAndAMalformedIdInvalid() {
      assertThat(codeBuild.retryBuild("web:0f4d8c1e-0000-4000-8000-00000000dead", Optional.empty()).getLeft())
          .isInstanceOf(StopFailure.ResourceNotFound.class);
      assertThat(codeBuild.retryBuild("not an id", Optional.empty()).getLeft())
          .isInstanceOf(StopFailure.InvalidInput.class);
    }

    @Test
    void aBatchsMemberIsRetriedWithItsBatchNotAlone() {
      BuildBatch batch = codeBuild.startBuildBatch("batches", InMemoryBuildBatchTest.GRAPH).get();
      codeBuild.advanceBuildBatch(batch.id().orElseThrow()).get();
      codeBuild.advanceBuildBatch(batch.id().orElseThrow()).get();
      Build member = codeBuild.runningBuilds().get(0);
      Build finishedMember = codeBuild.complete(idOf(member), StatusType.FAILED).get();

      StopFailure refused = codeBuild.retryBuild(idOf(finishedMember), Optional.empty()).getLeft();

      assertThat(refused).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(refused.message()).contains("RetryBuildBatch");
    }

    @Test
    void aRepeatedTokenAnswersTheFirstRetryAndOtherParametersAreRefused() {
      Build old = finished();

      Build first = codeBuild.retryBuild(idOf(old), Optional.empty(), "token-1", "{\"id\":1}").get();
      Build again = codeBuild.retryBuild(idOf(old), Optional.empty(), "token-1", "{\"id\":1}").get();

      assertThat(again.id()).isEqualTo(first.id());
      assertThat(codeBuild.buildCount()).isEqualTo(2);
      assertThat(codeBuild.retryBuild(idOf(old), Optional.empty(), "token-1", "{\"id\":2}").getLeft())
          .isInstanceOf(StopFailure.ParameterMismatch.class);
    }

    @Test
    void aBuildOfADeletedProjectIsNotRetried() {
      codeBuild.createProject(project("web", clock.instant()));
      Build old = finished();
      codeBuild.deleteProject("web");

      StopFailure refused = codeBuild.retryBuild(idOf(old), Optional.empty()).getLeft();

      assertThat(refused).isInstanceOf(StopFailure.ResourceNotFound.class);
      assertThat(refused.message()).isEqualTo(
          "Project cannot be found: arn:aws:codebuild:us-east-1:123456789012:project/web");
    }
  }

  @Nested
  class BatchDeleteBuilds {
    @Test
    void finishedBuildsAreDeletedAndRunningOnesAnsweredBuildInProgress() {
      Build done = codeBuild.startCompletedBuild("web", StatusType.SUCCEEDED).get();
      Build running = codeBuild.startBuild("web").get();

      BatchDeleteBuildsResult result = codeBuild.batchDeleteBuilds(List.of(idOf(done), idOf(running))).get();

      assertThat(result.buildsDeleted()).containsExactly(done.arn().orElseThrow());
      assertThat(result.buildsNotDeleted()).containsExactly(
          new BuildNotDeleted(running.arn().orElseThrow(), BuildDeletion.BUILD_IN_PROGRESS));
      assertThat(codeBuild.batchGetBuilds(List.of(idOf(done), idOf(running))).get().buildsNotFound())
          .containsExactly(idOf(done));
      assertThat(codeBuild.listBuildsForProject("web", Optional.empty()).get().ids())
          .extracting(BuildId::value).containsExactly(idOf(running));
    }

    @Test
    void anIdNoBuildHasIsAnsweredAsDeleted() {
      String unknown = "web:0f4d8c1e-0000-4000-8000-00000000dead";

      BatchDeleteBuildsResult result = codeBuild.batchDeleteBuilds(List.of(unknown)).get();

      assertThat(result.buildsDeleted()).containsExactly("arn:aws:codebuild:us-east-1:123456789012:build/" + unknown);
      assertThat(result.buildsNotDeleted()).isEmpty();
    }

    @Test
    void aMalformedIdOrTooManyIdsDeleteNothing() {
      Build done = codeBuild.startCompletedBuild("web", StatusType.SUCCEEDED).get();

      assertThat(codeBuild.batchDeleteBuilds(List.of(idOf(done), "no id")).getLeft())
          .isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(codeBuild.batchDeleteBuilds(IntStream.range(0, 101).mapToObj(i -> idOf(done)).toList()).getLeft())
          .isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(codeBuild.batchDeleteBuilds(List.of()).getLeft()).isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(codeBuild.buildCount()).isEqualTo(1);
    }

    @Test
    void aFinishedMemberItsBatchHoldsGoesWithItsBatchNotAlone() {
      BuildBatch batch = codeBuild.startBuildBatch("batches", InMemoryBuildBatchTest.GRAPH).get();
      codeBuild.advanceBuildBatch(batch.id().orElseThrow()).get();
      codeBuild.advanceBuildBatch(batch.id().orElseThrow()).get();
      Build member = codeBuild.complete(idOf(codeBuild.runningBuilds().get(0)), StatusType.FAILED).get();

      BatchDeleteBuildsResult result = codeBuild.batchDeleteBuilds(List.of(idOf(member))).get();

      assertThat(result.buildsDeleted()).isEmpty();
      assertThat(result.buildsNotDeleted()).containsExactly(
          new BuildNotDeleted(member.arn().orElseThrow(), BuildDeletion.BUILD_IN_BATCH));
      assertThat(codeBuild.build(BuildId.parse(idOf(member)).get())).contains(member);
    }

    @Test
    void aDeletedBuildIsNoLongerStoppedOrRetried() {
      Build done = codeBuild.startCompletedBuild("web", StatusType.FAILED).get();
      codeBuild.batchDeleteBuilds(List.of(done.arn().orElseThrow()));

      assertThat(codeBuild.stopBuild(idOf(done)).getLeft()).isInstanceOf(StopFailure.ResourceNotFound.class);
      assertThat(codeBuild.retryBuild(idOf(done), Optional.empty()).getLeft())
          .isInstanceOf(StopFailure.ResourceNotFound.class);
    }
  }

  @Nested
  class DeleteProject {
    @Test
    void theProjectIsGoneAndItsBuildsStay() {
      codeBuild.createProject(project("web", clock.instant()));
      Build build = codeBuild.startCompletedBuild("web", StatusType.SUCCEEDED).get();

      assertThat(codeBuild.deleteProject("web")).isTrue();

      assertThat(codeBuild.project("web")).isEmpty();
      assertThat(codeBuild.projectDeleted("web")).isTrue();
      assertThat(codeBuild.build(BuildId.parse(idOf(build)).get())).contains(build);
    }

    @Test
    void anUnknownProjectIsDeletedWithoutComplaint() {
      assertThat(codeBuild.deleteProject("never")).isFalse();
      assertThat(codeBuild.projectDeleted("never")).isFalse();
    }

    @Test
    void aProjectCreatedAgainIsNoLongerDeleted() {
      codeBuild.createProject(project("web", clock.instant()));
      codeBuild.deleteProject("web");
      codeBuild.createProject(project("web", clock.instant()));

      assertThat(codeBuild.projectDeleted("web")).isFalse();
    }

    @Test
    void resetForgetsDeletions() {
      codeBuild.createProject(project("web", clock.instant()));
      codeBuild.deleteProject("web");
      codeBuild.reset();

      assertThat(codeBuild.projectDeleted("web")).isFalse();
    }
  }

  @Nested
  class UpdateProject {
    @Test
    void theChangeReplacesTheProjectAndRunningBuildsKeepTheirSnapshot() {
      codeBuild.createProject(project("web", clock.instant()));
      Build running = codeBuild.startBuild("web").get();

      Project updated = codeBuild.updateProject("web", current -> current.withDescription("v2")).get();

      assertThat(updated.description()).contains("v2");
      assertThat(codeBuild.project("web")).contains(updated);
      assertThat(codeBuild.build(BuildId.parse(idOf(running)).get())).contains(running);
    }

    @Test
    void anUnknownProjectIsNotFoundAndARenameRefused() {
      codeBuild.createProject(project("web", clock.instant()));

      assertThat(codeBuild.updateProject("never", current -> current).getLeft())
          .isInstanceOf(StopFailure.ResourceNotFound.class);
      assertThat(codeBuild.updateProject("web", current -> current.withName("other")).getLeft())
          .isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(codeBuild.project("web").flatMap(Project::name)).contains("web");
    }

    @Test
    void aChangeThatThrowsChangesNothing() {
      Project created = project("web", clock.instant());
      codeBuild.createProject(created);

      assertThat(codeBuild.updateProject("web", current -> {
        throw new IllegalStateException("boom");
      }).getLeft()).isInstanceOf(StopFailure.Unavailable.class);
      assertThat(codeBuild.project("web")).contains(created);
    }
  }

  @Nested
  class ListProjects {
    private final Instant start = clock.instant();

    private void create(String name, Duration createdAfter, Duration modifiedAfter) {
      codeBuild.createProject(project(name, start.plus(createdAfter)).withLastModified(start.plus(modifiedAfter)));
    }

    private List<String> names(ProjectSortByType sortBy, SortOrderType order) {
      return codeBuild.listProjects(sortBy, order, Optional.empty()).get().projects();
    }

    @Test
    void byNameAscendingUnlessAskedOtherwise() {
      create("web", Duration.ofSeconds(1), Duration.ofSeconds(9));
      create("api", Duration.ofSeconds(2), Duration.ofSeconds(3));
      create("batch", Duration.ofSeconds(3), Duration.ofSeconds(1));

      assertThat(names(null, null)).containsExactly("api", "batch", "web");
      assertThat(names(ProjectSortByType.NAME, SortOrderType.DESCENDING)).containsExactly("web", "batch", "api");
      assertThat(names(ProjectSortByType.CREATED_TIME, SortOrderType.ASCENDING))
          .containsExactly("web", "api", "batch");
      assertThat(names(ProjectSortByType.LAST_MODIFIED_TIME, SortOrderType.DESCENDING))
          .containsExactly("web", "api", "batch");
    }

    @Test
    void pagesOfAHundredFollowEachOtherWithoutOverlap() {
      IntStream.range(0, 250).forEach(i -> create(String.format("p%03d", i), Duration.ZERO, Duration.ZERO));

      ProjectNamePage first = codeBuild.listProjects(ProjectSortByType.CREATED_TIME, SortOrderType.ASCENDING,
          Optional.empty()).get();
      ProjectNamePage second = codeBuild.listProjects(ProjectSortByType.CREATED_TIME, SortOrderType.ASCENDING,
          first.nextToken()).get();
      ProjectNamePage third = codeBuild.listProjects(ProjectSortByType.CREATED_TIME, SortOrderType.ASCENDING,
          second.nextToken()).get();

      assertThat(first.projects()).hasSize(100).startsWith("p000");
      assertThat(second.projects()).hasSize(100).startsWith("p100");
      assertThat(third.projects()).hasSize(50).endsWith("p249");
      assertThat(third.nextToken()).isEmpty();
    }

    @Test
    void aTokenThisListingDidNotHandOutIsInvalid() {
      IntStream.range(0, 101).forEach(i -> codeBuild.startBuild("web"));
      String buildsToken = codeBuild.listBuilds(SortOrderType.DESCENDING, Optional.empty()).get().nextToken()
          .orElseThrow();

      assertThat(codeBuild.listProjects(null, null, Optional.of("garbage")).getLeft())
          .isInstanceOf(StopFailure.InvalidInput.class);
      assertThat(codeBuild.listProjects(null, null, Optional.of(buildsToken)).getLeft())
          .isInstanceOf(StopFailure.InvalidInput.class);
    }

    @Test
    void aDeletedProjectIsNotListed() {
      create("web", Duration.ZERO, Duration.ZERO);
      create("api", Duration.ZERO, Duration.ZERO);
      codeBuild.deleteProject("web");

      assertThat(names(null, null)).containsExactly("api");
    }
  }
}
