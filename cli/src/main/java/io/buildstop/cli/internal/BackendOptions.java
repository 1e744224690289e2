package io.buildstop.cli.internal;

import io.buildstop.aws.AwsBuildStopper;
import io.buildstop.domain.StopFailure;
import io.buildstop.memory.InMemoryCodeBuild;
import io.vavr.control.Either;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Which CodeBuild a command talks to: the options every command that calls CodeBuild shares ({@code stop},
 * {@code stop-superseded}, {@code stop-runaway}, {@code demo-builds}), mixed into each.
 *
 * <ul>
 *   <li>neither {@code --backend} nor {@code --endpoint-url}: the in-memory CodeBuild, seeded with {@link
 *       DemoCodeBuild} (the demo builds and batches), living for this one command;
 *   <li>{@code --endpoint-url URL}: the AWS backend pointed at that URL (a local endpoint such as {@code buildstop
 *       serve}). Credentials come from the SDK's default chain, else the dummy pair {@value #DUMMY_KEY}/{@value
 *       #DUMMY_KEY}, which a local endpoint without credentials accepts. Region: {@code --region}, {@code
 *       AWS_REGION}, {@code AWS_DEFAULT_REGION}, else us-east-1;
 *   <li>{@code --backend aws}: real CodeBuild. Credentials from {@code --profile} or the SDK's default chain, checked
 *       before the call (none found is a usage error); region from {@code --region}, {@code AWS_REGION}, {@code
 *       AWS_DEFAULT_REGION}, else the profile's.
 * </ul>
 */
public final class BackendOptions {
  /** The access key id and secret used against an endpoint URL when the default chain finds no credentials. */
  public static final String DUMMY_KEY = "buildstop";
  private static final String LOCAL_DEFAULT_REGION = "us-east-1";
  /** Why the aws backend has no batch ports in this build. */

  /** The backends {@code --backend} names. */
  public enum Kind {
    /** The in-memory CodeBuild with the demo builds. */
    memory,
    /** CodeBuild through the AWS SDK: real AWS, or the endpoint {@code --endpoint-url} names. */
    aws
  }

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--backend", paramLabel = "memory|aws",
      description = "Which CodeBuild: memory (the default: an in-memory CodeBuild holding the demo builds, "
          + "see `buildstop demo-builds`) or aws (AWS CodeBuild, or the endpoint --endpoint-url names).")
  Kind backend;

  @Option(names = "--endpoint-url", paramLabel = "URL",
      description = "Send the call to this CodeBuild endpoint instead of AWS's (implies --backend aws), "
          + "e.g. http://127.0.0.1:4566 from `buildstop serve`. Uses dummy credentials when none are configured.")
  URI endpointUrl;

  @Option(names = "--region", paramLabel = "REGION",
      description = "The AWS region (aws backend). Default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region; "
          + "us-east-1 with --endpoint-url.")
  String region;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "The profile of ~/.aws/config and ~/.aws/credentials to use (aws backend). Default: AWS_PROFILE "
          + "or default.")
  String profile;

  @Option(names = "--api-call-timeout", paramLabel = "DURATION", converter = DurationConverter.Positive.class,
      description = "The bound on the whole call, retries included (aws backend; default 15s), e.g. 500ms, 15s.")
  Duration apiCallTimeout;

  @Option(names = "--api-call-attempt-timeout", paramLabel = "DURATION",
      converter = DurationConverter.Positive.class,
      description = "The bound on each HTTP attempt (aws backend; default 5s).")
  Duration apiCallAttemptTimeout;

  /**
   * Opens the backend the options name.
   *
   * @throws ParameterException when the options contradict each other or no region can be found: a usage error,
   *     nothing was sent
   */
  public Backend open(Context context) {
    return open(context, Optional.empty(), Retries.BY_THE_SDK);
  }

  /** Who retries a call that was throttled or failed: one layer only, so that attempts do not multiply. */
  public enum Retries {
    /** The AWS SDK, in its STANDARD mode: 3 attempts per call. For commands that call once and report. */
    BY_THE_SDK,
    /** The caller, as the stop workflows do with {@code --max-attempts}: the SDK makes one attempt per call. */
    BY_THE_CALLER
  }

  /**
   * Opens the backend the options name; every call to the AWS backend ends by {@code deadline} (its call timeout
   * is the time left, when shorter than {@code --api-call-timeout}), and a call with no time left is not sent.
   *
   * @param retries who retries: the SDK's retries are off when the caller retries itself
   * @throws ParameterException as {@link #open(Context)}
   */
  public Backend open(Context context, Optional<Instant> deadline, Retries retries) {
    Kind kind = backend != null ? backend : endpointUrl != null ? Kind.aws : Kind.memory;
    if (kind == Kind.memory) {
      rejectAwsOnly();
      InMemoryCodeBuild memory = InMemoryCodeBuild.builder()
          .clock(context.clock())
          .region("us-west-2")
          .build();
      // values this project makes, into a backend of the default bounds: a refusal is a bug, not to pass unseen
      DemoCodeBuild.seed(memory, context.clock().instant()).getOrElseThrow(failure ->
          new IllegalStateException("the demo builds were refused: " + failure.message()));
      return new Backend(memory, memory, new BatchPorts(memory, memory), Optional.empty(), () -> { });
    }
    AwsBuildStopper.Builder aws = AwsBuildStopper.builder();
    Region chosen = region(context);
    aws.region(chosen);
    aws.credentialsProvider(credentials(context));
    if (endpointUrl != null) {
      aws.endpointOverride(endpoint());
    }
    Optional.ofNullable(apiCallTimeout).ifPresent(aws::apiCallTimeout);
    Optional.ofNullable(apiCallAttemptTimeout).ifPresent(aws::apiCallAttemptTimeout);
    deadline.ifPresent(instant -> aws.deadline(instant, context.clock()));
    if (retries == Retries.BY_THE_CALLER) {
      aws.maxAttempts(1);
    }
    String shownEndpoint = endpointUrl != null
        ? withTrailingSlash(endpointUrl.toString())
        : "https://codebuild." + chosen.id() + ".amazonaws.com/";
    AwsBuildStopper stopper = aws.build();
    return new Backend(stopper, stopper, new BatchPorts(stopper, stopper), Optional.of(shownEndpoint), stopper::close);
  }


  private void rejectAwsOnly() {
    if (endpointUrl != null) {
      throw usage("--endpoint-url needs the aws backend: drop --backend memory");
    }
    for (Object[] option : new Object[][] {
        {"--region", region}, {"--profile", profile},
        {"--api-call-timeout", apiCallTimeout}, {"--api-call-attempt-timeout", apiCallAttemptTimeout}}) {
      if (option[1] != null) {
        throw usage(option[0] + " applies to the aws backend only: add --backend aws or --endpoint-url URL");
      }
    }
  }

  private URI endpoint() {
    String scheme = String.valueOf(endpointUrl.getScheme());
    if (!(scheme.equals("http") || scheme.equals("https")) || endpointUrl.getHost() == null) {
      throw usage("--endpoint-url must be an http or https URL with a host, such as http://127.0.0.1:4566 (got '"
          + endpointUrl + "')");
    }
    return endpointUrl;
  }

  private Region region(Context context) {
    Optional<String> named = Optional.ofNullable(region).filter(value -> !value.isBlank())
        .or(() -> context.variable("AWS_REGION"))
        .or(() -> context.variable("AWS_DEFAULT_REGION"));
    if (named.isPresent()) {
      return Region.of(named.get());
    }
    if (endpointUrl != null) {
      return Region.of(LOCAL_DEFAULT_REGION);
    }
    try {
      DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
      profile(context).ifPresent(chain::profileName);
      return chain.build().getRegion();
    } catch (SdkClientException e) {
      throw usage("no AWS region: pass --region or set AWS_REGION");
    }
  }

  private AwsCredentialsProvider credentials(Context context) {
    DefaultCredentialsProvider.Builder chain = DefaultCredentialsProvider.builder();
    profile(context).ifPresent(chain::profileName);
    AwsCredentialsProvider configured = chain.build();
    if (endpointUrl == null) {
      try {
        // found now or never: the SDK would fail the call the same way, after which the build's fate looks unknown
        configured.resolveCredentials();
      } catch (SdkClientException e) {
        throw usage("Unable to locate credentials. Configure them as for the AWS CLI: `aws configure`, "
            + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile (AWS_PROFILE, --profile)");
      }
      return configured;
    }
    // a local endpoint usually checks no signature, and the SDK refuses to send an unsigned call
    return AwsCredentialsProviderChain.builder()
        .credentialsProviders(configured,
            StaticCredentialsProvider.create(AwsBasicCredentials.create(DUMMY_KEY, DUMMY_KEY)))
        .build();
  }

  private Optional<String> profile(Context context) {
    return Optional.ofNullable(profile).filter(value -> !value.isBlank()).or(() -> context.variable("AWS_PROFILE"));
  }

  private ParameterException usage(String message) {
    return new ParameterException(mixee.commandLine(), message);
  }

  private static String withTrailingSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
