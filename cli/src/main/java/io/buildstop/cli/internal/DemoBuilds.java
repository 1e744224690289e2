package io.buildstop.cli.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildArtifacts;
import io.buildstop.domain.model.CacheType;
import io.buildstop.domain.model.ComputeType;
import io.buildstop.domain.model.EnvironmentType;
import io.buildstop.domain.model.ImagePullCredentialsType;
import io.buildstop.domain.model.LogsLocation;
import io.buildstop.domain.model.ProjectCache;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.ProjectSource;
import io.buildstop.domain.model.SourceType;
import io.buildstop.domain.model.StatusType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The builds the in-memory backend starts with ({@link DemoCodeBuild} seeds them), so that {@code buildstop stop --id
 * ...} has something to stop and the README can name it. Their ids are fixed. Each is configured like the build in the AWS CLI's {@code stop-build}
 * example (S3 source, {@code aws/codebuild/standard:1.0} on {@code BUILD_GENERAL1_MEDIUM}, region us-west-2,
 * account 123456789012) and brought to its state by the domain's lifecycle rules.
 *
 * <p>Their times are recent: relative to the "now" they are seeded at, the instant of the clock the backend runs on.
 * They are written below on the example's own timeline (May 2019) and moved so that the instant the example stopped
 * its build lies {@link #EXAMPLE_STOP_BEFORE_NOW} before now: every build started between about 45 s and 4 minutes
 * before now, none after it, and a stop now gives the stopped phase a duration of about a minute, not years.
 *
 * <p>The first, {@value #RUNNING_IN_BUILD}, is that example's build just before it was stopped: seeded at {@code
 * 1556906974.781 + EXAMPLE_STOP_BEFORE_NOW} and stopped at 1556906974.781, it gives the captured response exactly.
 * The others were built from source version {@value #SOURCE_VERSION}, so {@code stop-superseded} has something to do.
 */
public final class DemoBuilds {
  /** The AWS CLI example's build, running in BUILD. */
  public static final String RUNNING_IN_BUILD = "my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE";
  /** Running, still QUEUED. */
  public static final String RUNNING_IN_QUEUED = "my-demo-project:2b3c4d5e-6789-01ab-cdef-22222EXAMPLE";
  /** Running in POST_BUILD. */
  public static final String RUNNING_IN_POST_BUILD = "my-demo-project:3c4d5e6f-7890-12ab-cdef-33333EXAMPLE";
  /** Complete: SUCCEEDED. Stopping it returns it unchanged (spec §4.3). */
  public static final String SUCCEEDED = "my-demo-project:4d5e6f7a-8901-23ab-cdef-44444EXAMPLE";
  /** Complete: FAILED in BUILD. Stopping it returns it unchanged (spec §4.3). */
  public static final String FAILED = "my-demo-project:5e6f7a8b-9012-34ab-cdef-55555EXAMPLE";
  /** Another project's build, running in PROVISIONING. */
  public static final String OTHER_PROJECT_RUNNING = "my-other-project:6f7a8b9c-0123-45ab-cdef-66666EXAMPLE";

  /**
   * The source version of every demo build but the first (whose AWS example names none): a branch, so that {@code
   * stop-superseded --project my-demo-project --source-version main} has a superseded build to stop,
   * {@value #RUNNING_IN_POST_BUILD}, which {@value #RUNNING_IN_QUEUED} supersedes.
   */
  public static final String SOURCE_VERSION = "main";

  /** The demo builds' projects, in the order of their first build: what {@code buildstop demo-builds} lists. */
  public static final List<String> PROJECTS = List.of("my-demo-project", "my-other-project");

  /**
   * How long before "now" the demo builds' timeline puts the instant the AWS example stopped its build: the first
   * demo build has been in its BUILD phase this long (and 0.844 s) when seeded.
   */
  public static final Duration EXAMPLE_STOP_BEFORE_NOW = Duration.ofMinutes(1);

  // the instant the AWS CLI's stop-build example stopped its build, on the timeline the builds are written on
  private static final Instant EXAMPLE_STOP = at("1556906974.781");
  private static final String REGION = "us-west-2";
  private static final String ACCOUNT = "123456789012";

  private DemoBuilds() {}

  /**
   * Every demo build as seeded at {@code now}: nothing in them lies after it, and their instants have CodeBuild's
   * millisecond precision. In the order they were written.
   */
  public static List<Build> all(Instant now) {
    Instant seeded = now.truncatedTo(ChronoUnit.MILLIS);
    return written(new Timeline(Duration.between(EXAMPLE_STOP.plus(EXAMPLE_STOP_BEFORE_NOW), seeded)));
  }

  // on the AWS example's timeline
  private static List<Build> written(Timeline timeline) {
    return List.of(
        timeline.running(RUNNING_IN_BUILD, "1556906956.318", "1556906956.935",
            "1556906958.272", "1556906972.847", "1556906973.552", "1556906973.75", "1556906973.937"),
        onMain(timeline.running(RUNNING_IN_QUEUED, "1556906990.104", "1556906990.712")),
        onMain(timeline.running(RUNNING_IN_POST_BUILD, "1556906901.27", "1556906901.913",
            "1556906903.008", "1556906917.561", "1556906918.204", "1556906918.412", "1556906918.597",
            "1556906962.33")),
        onMain(BuildLifecycle.advance(timeline.running(SUCCEEDED, "1556906800.5", "1556906801.122",
            "1556906802.95", "1556906816.404", "1556906817.1", "1556906817.316", "1556906817.5",
            "1556906851.873", "1556906852.06", "1556906852.71"), timeline.at("1556906853.384"))),
        onMain(BuildLifecycle.complete(timeline.running(FAILED, "1556906860.64", "1556906861.2",
            "1556906862.731", "1556906876.09", "1556906876.803", "1556906877.01", "1556906877.2"),
            StatusType.FAILED, timeline.at("1556906881.957"))),
        onMain(timeline.running(OTHER_PROJECT_RUNNING, "1556906980.033", "1556906980.655", "1556906982.18")));
  }

  private static Build onMain(Build build) {
    return build.withSourceVersion(SOURCE_VERSION);
  }

  // the example's timeline (epoch seconds, as the AWS CLI prints them) moved by shift
  private record Timeline(Duration shift) {
    Instant at(String epochSeconds) {
      return DemoBuilds.at(epochSeconds).plus(shift);
    }

    // started at submittedAt, queued at queuedAt, then one phase further at each instant of advances
    Build running(String id, String submittedAt, String queuedAt, String... advances) {
      Build build = BuildLifecycle.start(configuration(BuildId.parse(id).get()), at(submittedAt), at(queuedAt));
      for (String instant : advances) {
        build = BuildLifecycle.advance(build, at(instant));
      }
      return build;
    }
  }

  // the configuration of the AWS CLI's stop-build example (shared/spec/fixtures/awscli-example-stop-build.json)
  private static Build configuration(BuildId id) {
    String project = id.projectName();
    return Build.builder()
        .id(id.value())
        .arn("arn:aws:codebuild:" + REGION + ":" + ACCOUNT + ":build/" + id.value())
        .projectName(project)
        .initiator("my-aws-account-name")
        .source(ProjectSource.builder()
            .type(SourceType.S3)
            .location("codebuild-" + REGION + "-" + ACCOUNT + "-input-bucket/my-source.zip")
            .insecureSsl(false)
            .build())
        .artifacts(BuildArtifacts.builder()
            .location("arn:aws:s3:::artifacts-override/" + project)
            .overrideArtifactName(true)
            .encryptionDisabled(false)
            .build())
        .cache(ProjectCache.builder().type(CacheType.NO_CACHE).build())
        .environment(ProjectEnvironment.builder()
            .type(EnvironmentType.LINUX_CONTAINER)
            .image("aws/codebuild/standard:1.0")
            .computeType(ComputeType.BUILD_GENERAL1_MEDIUM)
            .hasEnvironmentVariables(true)
            .privilegedMode(false)
            .imagePullCredentialsType(ImagePullCredentialsType.CODEBUILD)
            .build())
        .serviceRole("arn:aws:iam::" + ACCOUNT + ":role/service-role/my-codebuild-service-role")
        .logs(LogsLocation.builder()
            .groupName("/aws/codebuild/" + project)
            .streamName(id.buildUuid())
            .deepLink("https://console.aws.amazon.com/cloudwatch/home?region=" + REGION
                + "#logEvent:group=/aws/codebuild/" + project + ";stream=" + id.buildUuid())
            .build())
        .timeoutInMinutes(60)
        .queuedTimeoutInMinutes(5)
        .encryptionKey("arn:aws:kms:" + REGION + ":" + ACCOUNT + ":alias/aws/s3")
        .build();
  }

  private static Instant at(String epochSeconds) {
    BigDecimal seconds = new BigDecimal(epochSeconds);
    long whole = seconds.longValue();
    return Instant.ofEpochSecond(whole, seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValueExact());
  }
}
