package io.buildstop.testkit.memory;

import io.buildstop.api.BuildBatchReader;
import io.buildstop.api.BuildBatchStopper;
import io.buildstop.api.BuildReader;
import io.buildstop.api.BuildStopper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.testkit.BuildBatchFixture;
import io.buildstop.testkit.BuildReaderFixture;
import io.buildstop.domain.lifecycle.BatchRun;
import java.util.Objects;
import java.util.Optional;

/**
 * The in-memory backend behind the testkit's contract, seeded through its own public API only. Run the whole
 * contract against it with a subclass of three lines:
 *
 * <pre>{@code
 * class InMemoryContractTest extends BuildStopperContract {
 *   @Override protected BuildStopperFixture fixture() { return InMemoryFixture.create(); }
 * }
 * }</pre>
 *
 * <p>{@link #of(InMemoryCodeBuild)} runs it against an instance you configured yourself (a clock, a call
 * history), to check that your configuration still keeps the contract.
 */
public final class InMemoryFixture implements BuildReaderFixture, BuildBatchFixture {
  private final InMemoryCodeBuild codeBuild;

  private InMemoryFixture(InMemoryCodeBuild codeBuild) {
    this.codeBuild = Objects.requireNonNull(codeBuild, "codeBuild");
  }

  /** A fixture over a new {@link InMemoryCodeBuild} with the defaults. */
  public static InMemoryFixture create() {
    return new InMemoryFixture(InMemoryCodeBuild.create());
  }

  /** A fixture over {@code codeBuild}, which the contract seeds with builds of projects nobody else uses. */
  public static InMemoryFixture of(InMemoryCodeBuild codeBuild) {
    return new InMemoryFixture(codeBuild);
  }

  /** The in-memory CodeBuild this fixture seeds and reads. */
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
  public Build runningBuild(String projectName, BuildPhaseType phase) {
    return codeBuild.startBuildInPhase(projectName, phase).get();
  }

  @Override
  public Build completedBuild(String projectName, StatusType finalStatus) {
    return codeBuild.startCompletedBuild(projectName, finalStatus).get();
  }

  @Override
  public Optional<Build> storedBuild(BuildId id) {
    return codeBuild.build(id);
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
  public BuildBatch runningBatch(String projectName) {
    String id = codeBuild.startBuildBatch(projectName, RUNNING_GRAPH).get().id().orElseThrow();
    // SUBMITTED is closed at the start: DOWNLOAD_BATCHSPEC, then IN_PROGRESS, which starts the member "first"
    codeBuild.advanceBuildBatch(id).get();
    return codeBuild.advanceBuildBatch(id).get();
  }

  @Override
  public BuildBatch finishedBatch(String projectName, StatusType finalStatus) {
    BuildBatch running = runningBatch(projectName);
    String id = running.id().orElseThrow();
    if (finalStatus == StatusType.STOPPED) {
      return codeBuild.stopBuildBatch(id).get();
    }
    BatchRun run = codeBuild.buildBatchRun(BuildId.parse(id).get()).orElseThrow();
    codeBuild.complete(run.member("first").orElseThrow().id().orElseThrow(), finalStatus).get();
    if (finalStatus == StatusType.SUCCEEDED) {
      BatchRun second = codeBuild.buildBatchRun(BuildId.parse(id).get()).orElseThrow();
      codeBuild.complete(second.member("second").orElseThrow().id().orElseThrow(), StatusType.SUCCEEDED).get();
    }
    return codeBuild.buildBatch(BuildId.parse(id).get()).orElseThrow();
  }
}
