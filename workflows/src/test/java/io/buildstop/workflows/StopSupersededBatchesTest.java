package io.buildstop.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import io.buildstop.testkit.generators.ProjectHistories;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Stop-superseded covering batches: a batch is one run of its project and source version, as a build is, and one
 * rule decides for both; its member builds are never runs of their own.
 */
class StopSupersededBatchesTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
  private static final String ARN = "arn:aws:codebuild:us-east-1:123456789012:build-batch/";

  private static Build build(String id, int minute, StatusType status) {
    return Build.builder().id(id).projectName("api").sourceVersion("main").startTime(T.plusSeconds(60L * minute))
        .buildNumber(minute).buildStatus(status).build();
  }

  private static BuildBatch batch(String id, int minute, StatusType status) {
    return BuildBatch.builder().id(id).projectName("api").sourceVersion("main")
        .startTime(T.plusSeconds(60L * minute)).buildBatchNumber(minute).buildBatchStatus(status).build();
  }

  private static SupersededPlan plan(List<Build> builds, List<BuildBatch> batches, SupersededPolicy policy) {
    return StopSuperseded.plan(builds, batches, "api", "main", policy).get();
  }

  @Nested
  @DisplayName("the plan: one rule for builds and batches")
  class Plan {
    @Test
    void aNewerBatchSupersedesOlderRunningBuildsAndBatchesOfThePair() {
      Build oldBuild = build("api:b1", 1, StatusType.IN_PROGRESS);
      BuildBatch oldBatch = batch("api:x2", 2, StatusType.IN_PROGRESS);
      BuildBatch newest = batch("api:x3", 3, StatusType.IN_PROGRESS);

      SupersededPlan plan = plan(List.of(oldBuild), List.of(oldBatch, newest), SupersededPolicy.keepNewest());

      assertThat(plan.builds()).containsExactly(oldBuild);
      assertThat(plan.buildBatches()).containsExactly(oldBatch);
    }

    @Test
    void aNewerBuildSupersedesOlderRunningBatchesAndACompleteNewestStillCounts() {
      BuildBatch older = batch("api:x1", 1, StatusType.IN_PROGRESS);
      BuildBatch old = batch("api:x2", 2, StatusType.IN_PROGRESS);
      Build newest = build("api:b3", 3, StatusType.SUCCEEDED);

      SupersededPlan plan = plan(List.of(newest), List.of(older, old), SupersededPolicy.keepNewest());

      assertThat(plan.builds()).isEmpty();
      assertThat(plan.buildBatches()).containsExactly(old, older);
    }

    @Test
    void aMemberBuildOfABatchIsNeverPlannedOnItsOwn() {
      Build member = build("api:m1", 1, StatusType.IN_PROGRESS).withBuildBatchArn(ARN + "api:x1");
      Build newest = build("api:b2", 2, StatusType.IN_PROGRESS);

      assertThat(plan(List.of(member, newest), List.of(), SupersededPolicy.keepNewest()).builds()).isEmpty();
      assertThat(StopSuperseded.plan(List.of(member, newest), "api", "main", SupersededPolicy.keepNewest()).get())
          .isEmpty();
    }

    @Test
    void completeBatchesAndBatchesOfAnotherSourceVersionOrProjectAreNeverPlanned() {
      BuildBatch stopped = batch("api:x1", 1, StatusType.STOPPED);
      BuildBatch otherVersion = batch("api:x2", 2, StatusType.IN_PROGRESS).withSourceVersion("pr/7");
      BuildBatch otherProject = batch("web:x3", 3, StatusType.IN_PROGRESS).withProjectName("web");
      BuildBatch newest = batch("api:x4", 4, StatusType.IN_PROGRESS);

      assertThat(plan(List.of(), List.of(stopped, otherVersion, otherProject, newest), SupersededPolicy.keepNewest())
          .buildBatches()).isEmpty();
    }

    @Test
    void olderThanABatchStopsTheRunsStartedBeforeItAndKeepsIt() {
      Build older = build("api:b1", 1, StatusType.IN_PROGRESS);
      BuildBatch reference = batch("api:x2", 2, StatusType.IN_PROGRESS);
      BuildBatch newer = batch("api:x3", 3, StatusType.IN_PROGRESS);

      SupersededPlan plan = plan(List.of(older), List.of(reference, newer),
          SupersededPolicy.olderThan(BuildId.parse("api:x2").get()));

      assertThat(plan.builds()).containsExactly(older);
      assertThat(plan.buildBatches()).isEmpty();
    }

    @Test
    void aReferenceAmongNeitherBuildsNorBatchesIsNotFound() {
      assertThat(StopSuperseded.plan(List.of(), List.of(batch("api:x1", 1, StatusType.IN_PROGRESS)), "api", "main",
          SupersededPolicy.olderThan(BuildId.parse("api:nope").get())).getLeft().code())
          .isEqualTo(StopFailure.Code.RESOURCE_NOT_FOUND);
    }
  }

  @Nested
  @DisplayName("one rule: a batch is superseded exactly as a build with its start, number, status and branch")
  class OneRule {
    private final List<String> projects = List.of("proj-a", "proj-b");
    private final List<String> versions = List.of("main", "pr/7");

    // the batch a build would be: the members the rule reads, and nothing else
    private BuildBatch asBatch(Build build) {
      BuildBatch.Builder batch = BuildBatch.builder();
      build.id().ifPresent(batch::id);
      build.projectName().ifPresent(batch::projectName);
      build.sourceVersion().ifPresent(batch::sourceVersion);
      build.startTime().ifPresent(batch::startTime);
      build.buildNumber().ifPresent(batch::buildBatchNumber);
      build.buildStatusAsString().ifPresent(batch::buildBatchStatusAsString);
      return batch.build();
    }

    @Test
    void generatedBuildsAndTheSameRunsAsBatchesGiveTheSamePlan() {
      Property.tries(200).forAll(ProjectHistories.histories(projects, versions, 30), Gens.ints(0, 1),
          Gens.ints(0, 1), (builds, project, version) -> {
        List<BuildBatch> batches = builds.stream().map(this::asBatch).toList();

        List<String> asBuilds = StopSuperseded.plan(builds, projects.get(project), versions.get(version),
            SupersededPolicy.keepNewest()).get().stream().map(build -> build.id().orElseThrow()).toList();
        List<String> asBatches = StopSuperseded.plan(List.of(), batches, projects.get(project),
            versions.get(version), SupersededPolicy.keepNewest()).get().buildBatches().stream()
            .map(batch -> batch.id().orElseThrow()).toList();

        assertThat(asBatches).isEqualTo(asBuilds);
      });
    }
  }
}
