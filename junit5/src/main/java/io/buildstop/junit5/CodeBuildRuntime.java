package io.buildstop.junit5;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the test's CodeBuild endpoint is and how to reach it: for a client built by hand, or another process (the
 * AWS CLI, boto3, a script) started with {@link #environment()}. Immutable; nothing is null. Its {@code toString}
 * leaves the secret out.
 */
public final class CodeBuildRuntime {
  /** The access key id used unless another is set: AWS's documentation example, never a real key. */
  public static final String DEFAULT_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  /** The secret used unless another is set: AWS's documentation example, never a real secret. */
  public static final String DEFAULT_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private final URI endpoint;
  private final String region;
  private final String accountId;
  private final String accessKeyId;
  private final String secretAccessKey;

  /** The runtime of an endpoint at {@code endpoint}, signed for with these credentials in {@code region}. */
  public CodeBuildRuntime(URI endpoint, String region, String accountId, String accessKeyId, String secretAccessKey) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.region = Objects.requireNonNull(region, "region");
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
    this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
  }

  /** The endpoint, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The endpoint's port. */
  public int port() {
    return endpoint.getPort();
  }

  /** The region the endpoint serves and signatures are scoped to. */
  public String region() {
    return region;
  }

  /** The account build ARNs name. */
  public String accountId() {
    return accountId;
  }

  /** The access key id to sign with. */
  public String accessKeyId() {
    return accessKeyId;
  }

  /** The secret access key to sign with. */
  public String secretAccessKey() {
    return secretAccessKey;
  }

  /**
   * The environment that points an AWS SDK, the AWS CLI or boto3 at the endpoint: {@code AWS_ENDPOINT_URL_CODEBUILD}
   * and {@code AWS_ENDPOINT_URL}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_REGION} and
   * {@code AWS_DEFAULT_REGION}. Add it to a {@code ProcessBuilder}'s environment.
   */
  public Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("AWS_ENDPOINT_URL_CODEBUILD", endpoint.toString());
    environment.put("AWS_ENDPOINT_URL", endpoint.toString());
    environment.put("AWS_ACCESS_KEY_ID", accessKeyId);
    environment.put("AWS_SECRET_ACCESS_KEY", secretAccessKey);
    environment.put("AWS_REGION", region);
    environment.put("AWS_DEFAULT_REGION", region);
    return Collections.unmodifiableMap(environment);
  }

  @Override
  public String toString() {
    return "CodeBuildRuntime[endpoint=" + endpoint + ", region=" + region + ", accountId=" + accountId
        + ", accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
  }
}
