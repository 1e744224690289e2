package io.buildstop.workflows.contract;

import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import java.time.Clock;
import java.time.Instant;

/** The in-memory backend behind the workflow contracts: seeding through its own public API only. */
public final class InMemoryWorkflowFixture implements BatchWorkflowFixture {
  private final Clock clock;
  private final InMemoryCodeBuild codeBuild;

  /** A fresh in-memory backend on the system clock, read to the millisecond as CodeBuild records time. */
  public InMemoryWorkflowFixture() {
    this(millisecondClock());
  }

  private InMemoryWorkflowFixture(Clock clock) {
    this(InMemoryCodeBuild.builder().clock(clock).build(), clock);
  }

  /** The system clock to the millisecond: what CodeBuild records, and all the AWS SDK reads (spec §1). */
  static Clock millisecondClock() {
    return Clock.tick(Clock.systemUTC(), java.time.Duration.ofMillis(1));
  }

  /** Seeds {@code codeBuild}, whose clock is {@code clock}: also the backend behind a local endpoint. */
  public InMemoryWorkflowFixture(InMemoryCodeBuild codeBuild, Clock clock) {
    this.codeBuild = codeBuild;
    this.clock = clock;
  }

  /** The backend itself, for tests that use its own hooks. */
  public InMemoryCodeBuild codeBuild() {
    return codeBuild;
  }

  @Override
  public BuildStopper stopper() {
    return codeBuild;
  }

  @Override
  public BuildReader reader() {
    return codeBuild;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Build runningBuild(String project, String sourceVersion, Instant startedAt) {
    // StartBuild assigns id, ARN and number; the lifecycle then replays the build's life from startedAt
    Build started = codeBuild.startBuild(Build.builder().projectName(project).sourceVersion(sourceVersion).build())
        .get();
    Build provisioning = BuildLifecycle.advance(BuildLifecycle.start(started, startedAt), startedAt.plusSeconds(7));
    return codeBuild.put(provisioning).get();
  }

  @Override
  public Build completedBuild(String project, String sourceVersion, Instant startedAt, StatusType finalStatus) {
    Build running = runningBuild(project, sourceVersion, startedAt);
    return codeBuild.put(BuildLifecycle.complete(running, finalStatus, startedAt.plusSeconds(20))).get();
  }

  @Override
  public void complete(BuildId id, StatusType finalStatus) {
    codeBuild.complete(id.value(), finalStatus).get();
  }

  @Override
  public BuildBatchStopper batchStopper() {
    return codeBuild;
  }

  @Override
  public BuildBatchReader batchReader() {
    return codeBuild;
  }

  @Override
  public BuildBatch runningBatch(String project, String sourceVersion) {
    // StartBuildBatch, then the batch's next step: IN_PROGRESS, which starts the member without dependencies
    BuildBatch started = codeBuild.startBuildBatch(
        BuildBatch.builder().projectName(project).sourceVersion(sourceVersion).build(), GRAPH).get();
    return codeBuild.advanceBuildBatch(started.id().orElseThrow()).get();
  }
}
