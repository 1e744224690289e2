package io.buildstop.server;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/** The real AWS SDK for Java v2 CodeBuild client, aimed at a server. */
final class SdkClients {
  private SdkClients() {}

  /** A client in us-east-1 signing with these keys, STANDARD retries, bounded timeouts. */
  static CodeBuildClient client(URI endpoint, String accessKeyId, String secretAccessKey) {
    return CodeBuildClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(override -> override
            .retryStrategy(RetryMode.STANDARD)
            .apiCallAttemptTimeout(Duration.ofSeconds(5))
            .apiCallTimeout(Duration.ofSeconds(20)))
        .build();
  }

  /** A client like {@link #client(URI, String, String)} that makes one attempt only, for calls meant to fail. */
  static CodeBuildClient withoutRetries(URI endpoint, String accessKeyId, String secretAccessKey) {
    return CodeBuildClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(override -> override.retryStrategy(DefaultRetryStrategy.doNotRetry()))
        .build();
  }

  /** A client signing with {@code x}/{@code x}, as tests against a local endpoint do. */
  static CodeBuildClient client(URI endpoint) {
    return client(endpoint, "x", "x");
  }
}
