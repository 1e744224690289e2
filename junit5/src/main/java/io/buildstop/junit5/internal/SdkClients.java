package io.buildstop.junit5.internal;

import io.buildstop.junit5.CodeBuildRuntime;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildAsyncClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/**
 * The AWS SDK clients the extension injects: the one class that names the SDK. Nothing loads it unless a test asks
 * for a client, so the SDK stays optional. The clients take the HTTP client the SDK finds on the classpath.
 */
final class SdkClients {
  /** The name of the sync client's type, compared by name so that asking does not load the SDK. */
  static final String SYNC = "software.amazon.awssdk.services.codebuild.CodeBuildClient";
  /** The name of the async client's type. */
  static final String ASYNC = "software.amazon.awssdk.services.codebuild.CodeBuildAsyncClient";

  private SdkClients() {}

  /** A client of type {@code typeName} ({@link #SYNC} or {@link #ASYNC}) pointed at the runtime's endpoint. */
  static AutoCloseable create(String typeName, CodeBuildRuntime runtime) {
    StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
        AwsBasicCredentials.create(runtime.accessKeyId(), runtime.secretAccessKey()));
    // a client we build has both timeouts (STYLE 10): a test hangs on a missing answer for seconds, not for ever
    ClientOverrideConfiguration timeouts = ClientOverrideConfiguration.builder()
        .apiCallTimeout(Duration.ofSeconds(30)).apiCallAttemptTimeout(Duration.ofSeconds(10)).build();
    if (SYNC.equals(typeName)) {
      return CodeBuildClient.builder().endpointOverride(runtime.endpoint()).region(Region.of(runtime.region()))
          .credentialsProvider(credentials).overrideConfiguration(timeouts).build();
    }
    return CodeBuildAsyncClient.builder().endpointOverride(runtime.endpoint()).region(Region.of(runtime.region()))
        .credentialsProvider(credentials).overrideConfiguration(timeouts).build();
  }
}
