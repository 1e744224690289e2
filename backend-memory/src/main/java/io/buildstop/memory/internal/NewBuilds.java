package io.buildstop.memory.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.batch.BatchTask;
import io.buildstop.domain.batch.TaskEnvironment;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.domain.model.EnvironmentVariable;
import io.buildstop.domain.model.EnvironmentVariableType;
import io.buildstop.domain.model.CacheType;
import io.buildstop.domain.model.ComputeType;
import io.buildstop.domain.model.EnvironmentType;
import io.buildstop.domain.model.ImagePullCredentialsType;
import io.buildstop.domain.model.LogsLocation;
import io.buildstop.domain.model.ProjectCache;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.ProjectSource;
import io.buildstop.domain.model.SourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a fresh build of a project looks like when the caller gives no configuration of its own. */
public final class NewBuilds {
  private NewBuilds() {}

  /** A build configuration shaped like StartBuild's captured response (spec fixtures), for a project. */
  public static Build defaultConfiguration(String projectName) {
    return Build.builder()
        .projectName(projectName)
        .initiator("buildstop")
        .source(ProjectSource.builder().type(SourceType.NO_SOURCE).insecureSsl(false).build())
        .cache(ProjectCache.builder().type(CacheType.NO_CACHE).build())
        .environment(ProjectEnvironment.builder()
            .type(EnvironmentType.LINUX_CONTAINER)
            .image("aws/codebuild/standard:7.0")
            .computeType(ComputeType.BUILD_GENERAL1_SMALL)
            .hasEnvironmentVariables(true)
            .privilegedMode(false)
            .imagePullCredentialsType(ImagePullCredentialsType.CODEBUILD)
            .build())
        .logs(LogsLocation.builder().groupName("/aws/codebuild/" + projectName).build())
        .timeoutInMinutes(60)
        .queuedTimeoutInMinutes(480)
        .build();
  }

  /** The configuration of a batch of a project whose builds look like {@code build}: its source, environment... */
  public static BuildBatch batchConfiguration(Build build) {
    return BuildBatch.builder()
        .projectName(build.projectName())
        .initiator(build.initiator())
        .source(build.source())
        .cache(build.cache())
        .environment(build.environment())
        .buildTimeoutInMinutes(build.timeoutInMinutes())
        .queuedTimeoutInMinutes(build.queuedTimeoutInMinutes())
        .build();
  }

  /** What every member of {@code batch} starts from: the project's defaults, then the batch's own settings. */
  public static Build memberBase(BuildBatch batch) {
    Build.Builder base = Build.builder().from(defaultConfiguration(batch.projectName().orElseThrow()));
    batch.initiator().ifPresent(base::initiator);
    batch.source().ifPresent(base::source);
    batch.sourceVersion().ifPresent(base::sourceVersion);
    batch.cache().ifPresent(base::cache);
    batch.environment().ifPresent(base::environment);
    batch.serviceRole().ifPresent(base::serviceRole);
    batch.buildTimeoutInMinutes().ifPresent(base::timeoutInMinutes);
    batch.queuedTimeoutInMinutes().ifPresent(base::queuedTimeoutInMinutes);
    batch.vpcConfig().ifPresent(base::vpcConfig);
    batch.encryptionKey().ifPresent(base::encryptionKey);
    return base.build();
  }

  /**
   * The member of a batch for {@code task}: {@code base} with the task's environment overrides (image, compute type,
   * environment type, privileged mode, variables as PLAINTEXT, replacing one of the same name), as CodeBuild applies
   * a batch task's {@code env}. Its identity is the caller's to set.
   */
  public static Build member(Build base, BatchTask task) {
    TaskEnvironment overrides = task.environment();
    ProjectEnvironment environment = base.environment().orElseGet(() -> ProjectEnvironment.builder().build());
    Map<String, EnvironmentVariable> variables = new LinkedHashMap<>();
    environment.environmentVariables().forEach(variable -> variables.put(variable.name().orElse(""), variable));
    overrides.variables().forEach((name, value) -> variables.put(name,
        EnvironmentVariable.builder().name(name).value(value).type(EnvironmentVariableType.PLAINTEXT).build()));
    ProjectEnvironment.Builder changed = ProjectEnvironment.builder().from(environment)
        .environmentVariables(List.copyOf(variables.values()))
        .hasEnvironmentVariables(true);
    overrides.image().ifPresent(changed::image);
    overrides.computeType().ifPresent(changed::computeTypeAsString);
    overrides.type().ifPresent(changed::typeAsString);
    overrides.privilegedMode().ifPresent(changed::privilegedMode);
    return base.withEnvironment(changed.build());
  }

  /** {@code arn:<partition>:codebuild:<region>:<account>:build/<id>} (spec §2). */
  public static String buildArn(String partition, String region, String accountId, BuildId id) {
    return "arn:" + partition + ":codebuild:" + region + ":" + accountId + ":build/" + id.value();
  }
}
