package io.buildstop.memory.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.CacheType;
import io.buildstop.domain.model.ComputeType;
import io.buildstop.domain.model.EnvironmentType;
import io.buildstop.domain.model.ImagePullCredentialsType;
import io.buildstop.domain.model.LogsLocation;
import io.buildstop.domain.model.ProjectCache;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.ProjectSource;
import io.buildstop.domain.model.SourceType;

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

  /** {@code arn:<partition>:codebuild:<region>:<account>:build/<id>} (spec §2). */
  public static String buildArn(String partition, String region, String accountId, BuildId id) {
    return "arn:" + partition + ":codebuild:" + region + ":" + accountId + ":build/" + id.value();
  }
}
