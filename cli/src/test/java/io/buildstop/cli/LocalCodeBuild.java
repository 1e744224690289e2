package io.buildstop.cli;

import io.buildstop.api.BuildBatchIds;
import io.buildstop.cli.internal.Context;
import io.buildstop.cli.internal.DemoBuildBatches;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildBatch;
import io.buildstop.junit5.CodeBuildExtension;
import io.buildstop.memory.InMemoryCodeBuild;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.SourceType;

/**
 * What the workflow commands' tests do with a local CodeBuild endpoint: the endpoint itself comes from
 * buildstop's JUnit 5 extension (a {@link CodeBuildExtension} field: a new endpoint for each test, on the system
 * clock unless configured otherwise, since the commands poll and sleep for real); this seeds its in-memory backend
 * directly and runs {@code buildstop} against it, and builds the AWS SDK's client for what a script would do with
 * the AWS CLI.
 */
final class LocalCodeBuild {
  /** The commands on the system clock, as the {@code buildstop} process runs them. */
  static final Context REAL_TIME = new Context(Map.of(), Clock.systemUTC(), resource -> resource.close());

  private final CodeBuildExtension endpoint;

  /** The test's endpoint; read when a test runs, after the extension has started it. */
  LocalCodeBuild(CodeBuildExtension endpoint) {
    this.endpoint = endpoint;
  }

  String url() {
    return endpoint.endpoint().toString();
  }

  InMemoryCodeBuild backend() {
    return endpoint.backend();
  }

  /** Starts a build of {@code project} built from {@code sourceVersion}, now; its id. */
  String startBuild(String project, String sourceVersion) {
    return backend().startBuild(Build.builder().projectName(project).sourceVersion(sourceVersion).build())
        .get().id().orElseThrow();
  }

  /**
   * Starts a batch of {@code project} from the build graph of the demo batches ({@code test} depends on {@code
   * build}), now, and moves it to IN_PROGRESS: {@code build} running, {@code test} not started; its id.
   */
  String startRunningBatch(String project) {
    String id = backend().startBuildBatch(project, DemoBuildBatches.BUILD_GRAPH).get().id().orElseThrow();
    backend().advanceBuildBatch(id).get();
    return id;
  }

  /** As {@link #startRunningBatch(String)}, for a source version (a branch) of the project; its id. */
  String startRunningBatch(String project, String sourceVersion) {
    String id = backend().startBuildBatch(BuildBatch.builder().projectName(project).sourceVersion(sourceVersion)
        .build(), DemoBuildBatches.BUILD_GRAPH).get().id().orElseThrow();
    backend().advanceBuildBatch(id).get();
    return id;
  }

  /** The batch as the backend holds it now. */
  BuildBatch batch(String id) {
    return backend().buildBatch(BuildBatchIds.parse(id).get()).orElseThrow();
  }

  /** The build's status as the backend holds it now. */
  String status(String id) {
    return backend().batchGetBuilds(List.of(id)).get().builds().get(0).buildStatusAsString().orElseThrow();
  }

  /** Runs {@code buildstop} in real time against this endpoint: {@code args} then {@code --endpoint-url URL}. */
  Cli.Result run(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--endpoint-url";
    all[args.length + 1] = url();
    return Cli.run(REAL_TIME, all);
  }

  /** The AWS SDK's client for an endpoint, with dummy credentials, as a script with the AWS CLI would use it. */
  static CodeBuildClient sdk(String endpoint) {
    return CodeBuildClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(override -> override.apiCallTimeout(Duration.ofSeconds(10)))
        .build();
  }

  /** CreateProject, as a script seeding the endpoint does it. */
  static void createProject(CodeBuildClient codeBuild, String name) {
    codeBuild.createProject(project -> project
        .name(name)
        .source(source -> source.type(SourceType.NO_SOURCE).buildspec("version: 0.2"))
        .artifacts(artifacts -> artifacts.type(ArtifactsType.NO_ARTIFACTS))
        .environment(environment -> environment
            .type(EnvironmentType.LINUX_CONTAINER)
            .image("aws/codebuild/standard:7.0")
            .computeType(ComputeType.BUILD_GENERAL1_SMALL))
        .serviceRole("arn:aws:iam::123456789012:role/my-role"));
  }
}
