package io.buildstop.cli.internal;

import io.buildstop.api.BuildBatchIds;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.batch.BatchSpec;
import io.buildstop.domain.batch.BatchTask;
import io.buildstop.domain.lifecycle.BatchLifecycle;
import io.buildstop.domain.lifecycle.BatchRun;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.ComputeType;
import io.buildstop.domain.model.EnvironmentType;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.ProjectSource;
import io.buildstop.domain.model.SourceType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.buildspec.BatchBuildspecReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The batch builds the in-memory backend starts with, beside {@link DemoBuilds} ({@link DemoCodeBuild} seeds both),
 * so that {@code buildstop stop-batch --id ...} has something to stop. Their ids are fixed; they are batches of their
 * own project, {@value #PROJECT}, built from source version {@value #SOURCE_VERSION}, each from the build graph {@link
 * #BUILD_GRAPH} ({@code test} depends on {@code build}) and brought to its state by the domain's batch lifecycle, a
 * few minutes before "now".
 */
public final class DemoBuildBatches {
  /** The demo batches' project. */
  public static final String PROJECT = "my-demo-batch-project";
  /** Their source version: {@value #RUNNING} supersedes {@value #SUPERSEDED} on it. */
  public static final String SOURCE_VERSION = "main";
  /** Running: its member {@code build} in progress, {@code test} not started. */
  public static final String RUNNING = PROJECT + ":7a8b9c0d-1234-56ab-cdef-77777EXAMPLE";
  /** Running as {@link #RUNNING}, but started before it: {@code stop-superseded --batches} stops it. */
  public static final String SUPERSEDED = PROJECT + ":8b9c0d1e-2345-67ab-cdef-88888EXAMPLE";
  /** Complete: SUCCEEDED, both members too. Stopping it returns it unchanged. */
  public static final String SUCCEEDED = PROJECT + ":9c0d1e2f-3456-78ab-cdef-99999EXAMPLE";

  /** The batch section every demo batch runs. */
  public static final String BUILD_GRAPH = """
      version: 0.2
      batch:
        build-graph:
          - identifier: build
          - identifier: test
            depend-on:
              - build
      """;

  private static final String REGION = "us-west-2";
  private static final String ACCOUNT = "123456789012";

  private DemoBuildBatches() {}

  /** Every demo batch with its members, as seeded at {@code now}: all of it before {@code now}, in milliseconds. */
  public static List<BatchRun> all(Instant now) {
    Instant seeded = now.truncatedTo(ChronoUnit.MILLIS);
    BatchRun succeeded = started(SUCCEEDED, 3, seeded.minus(Duration.ofMinutes(10)));
    Instant built = seeded.minus(Duration.ofMinutes(8));
    succeeded = BatchLifecycle.completeMember(succeeded, "build", StatusType.SUCCEEDED, built);
    succeeded = BatchLifecycle.completeMember(succeeded, "test", StatusType.SUCCEEDED, built.plusSeconds(90));
    return List.of(succeeded,
        started(SUPERSEDED, 4, seeded.minus(Duration.ofMinutes(3))),
        started(RUNNING, 5, seeded.minus(Duration.ofMinutes(1))));
  }

  // submitted at submittedAt, its batch spec read 2 s later, IN_PROGRESS with `build` running 5 s after that
  private static BatchRun started(String id, long number, Instant submittedAt) {
    BuildId batchId = BuildBatchIds.parse(id).get();
    BatchSpec spec = BatchBuildspecReader.read(BUILD_GRAPH).get().orElseThrow();
    BatchRun run = BatchLifecycle.start(configuration(batchId, number), spec, task -> member(batchId, task),
        submittedAt, submittedAt.plusSeconds(2)).get();
    return BatchLifecycle.advance(run, submittedAt.plusSeconds(7));
  }

  private static BuildBatch configuration(BuildId id, long number) {
    return BuildBatch.builder()
        .id(id.value())
        .arn(BuildBatchIds.arn("aws", REGION, ACCOUNT, id))
        .buildBatchNumber(number)
        .projectName(PROJECT)
        .sourceVersion(SOURCE_VERSION)
        .initiator("my-aws-account-name")
        .source(source())
        .environment(environment())
        .serviceRole(serviceRole())
        .build();
  }

  // a member's id: the batch's uuid with its last letter replaced by the member's place, so every id is fixed
  private static Build member(BuildId batch, BatchTask task) {
    String uuid = batch.buildUuid();
    String memberId = PROJECT + ":" + uuid.substring(0, uuid.length() - 1) + (task.identifier().equals("build")
        ? "1" : "2");
    return Build.builder()
        .id(memberId)
        .arn("arn:aws:codebuild:" + REGION + ":" + ACCOUNT + ":build/" + memberId)
        .projectName(PROJECT)
        .sourceVersion(SOURCE_VERSION)
        .initiator("my-aws-account-name")
        .source(source())
        .environment(environment())
        .serviceRole(serviceRole())
        .build();
  }

  private static ProjectSource source() {
    return ProjectSource.builder().type(SourceType.S3)
        .location("codebuild-" + REGION + "-" + ACCOUNT + "-input-bucket/my-source.zip").build();
  }

  private static ProjectEnvironment environment() {
    return ProjectEnvironment.builder()
        .type(EnvironmentType.LINUX_CONTAINER)
        .image("aws/codebuild/standard:7.0")
        .computeType(ComputeType.BUILD_GENERAL1_MEDIUM)
        .build();
  }

  private static String serviceRole() {
    return "arn:aws:iam::" + ACCOUNT + ":role/service-role/my-codebuild-service-role";
  }
}
