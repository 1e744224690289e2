package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.memory.StopCall;
import io.buildstop.server.RawHttp.Reply;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.CodeBuildException;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * With access keys configured, the server checks SigV4 as AWS does: requests signed by the AWS SDK's own signer
 * with a configured key pass, and every other request is refused with AWS's error for it, changing nothing.
 */
class SigV4VerificationTest {
  private static final String ACCESS_KEY = "AKIDBUILDSTOPTEST";
  private static final String SECRET = "buildstop/test/secret/key";
  private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the "
      + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
      + "documentation for details.";

  private static CodeBuildServer server;

  @BeforeAll
  static void startTheServer() {
    server = CodeBuildServer.builder().credentials(ACCESS_KEY, SECRET).start();
  }

  @AfterAll
  static void stopTheServer() {
    server.close();
  }

  private record BackendState(Set<Build> builds, List<StopCall> stopCalls) {
    static BackendState now() {
      return new BackendState(new HashSet<>(server.backend().builds()), server.backend().stopCalls());
    }
  }

  private static <T> T unchanged(Supplier<T> request) {
    BackendState before = BackendState.now();
    T result = request.get();
    assertThat(BackendState.now()).isEqualTo(before);
    return result;
  }

  private static CodeBuildException refusedSdkCall(CodeBuildClient client, String id) {
    BackendState before = BackendState.now();
    Throwable thrown = catchThrowable(() -> client.stopBuild(request -> request.id(id)));
    assertThat(BackendState.now()).isEqualTo(before);
    assertThat(thrown).isInstanceOf(CodeBuildException.class);
    CodeBuildException refusal = (CodeBuildException) thrown;
    assertThat(refusal.statusCode()).isEqualTo(400);
    return refusal;
  }

  private static String runningBuildId() {
    return server.backend().startBuild(Projects.freshName()).get().id().orElseThrow();
  }

  @Test
  void theSdkSigningWithTheConfiguredKeyIsAcceptedAndNamedTheInitiator() {
    try (CodeBuildClient client = SdkClients.client(server.endpoint(), ACCESS_KEY, SECRET)) {
      String project = Projects.freshName();
      client.createProject(request -> request.name(project)
          .source(source -> source.type(SourceType.NO_SOURCE).buildspec("version: 0.2"))
          .artifacts(artifacts -> artifacts.type(ArtifactsType.NO_ARTIFACTS))
          .environment(environment -> environment.type(EnvironmentType.LINUX_CONTAINER).image("aws/codebuild/standard:7.0")
              .computeType(ComputeType.BUILD_GENERAL1_SMALL))
          .serviceRole("role"));
      var started = client.startBuild(request -> request.projectName(project)).build();

      var stopped = client.stopBuild(request -> request.id(started.id())).build();

      assertThat(started.initiator()).isEqualTo(ACCESS_KEY);
      assertThat(stopped.buildStatus()).isEqualTo(StatusType.STOPPED);
    }
  }

  @Test
  void theRightKeyWithTheWrongSecretIsInvalidSignature() {
    try (CodeBuildClient client = SdkClients.withoutRetries(server.endpoint(), ACCESS_KEY, "not-the-secret")) {
      CodeBuildException refusal = refusedSdkCall(client, runningBuildId());

      assertThat(refusal.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
      assertThat(refusal.awsErrorDetails().errorMessage()).isEqualTo(SIGNATURE_MISMATCH);
    }
  }

  @Test
  void anAccessKeyTheServerDoesNotKnowIsUnrecognizedClient() {
    try (CodeBuildClient client = SdkClients.withoutRetries(server.endpoint(), "AKIDSOMEBODYELSE", SECRET)) {
      CodeBuildException refusal = refusedSdkCall(client, runningBuildId());

      assertThat(refusal.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
      assertThat(refusal.awsErrorDetails().errorMessage())
          .isEqualTo("The security token included in the request is invalid.");
    }
  }

  @Test
  void anUnsignedRequestIsMissingAuthenticationToken() {
    try (CodeBuildClient client = CodeBuildClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(AnonymousCredentialsProvider.create()).httpClient(UrlConnectionHttpClient.create())
        .build()) {
      CodeBuildException refusal = refusedSdkCall(client, runningBuildId());

      assertThat(refusal.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationTokenException");
      assertThat(refusal.awsErrorDetails().errorMessage()).isEqualTo("Request is missing Authentication Token");
    }
  }

  @Test
  void aSignatureScopedToAnotherRegionIsInvalidSignature() {
    try (CodeBuildClient client = CodeBuildClient.builder().endpointOverride(server.endpoint()).region(Region.EU_WEST_1)
        .credentialsProvider(() -> AwsBasicCredentials.create(ACCESS_KEY, SECRET))
        .httpClient(UrlConnectionHttpClient.create()).build()) {
      CodeBuildException refusal = refusedSdkCall(client, runningBuildId());

      assertThat(refusal.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
      assertThat(refusal.awsErrorDetails().errorMessage()).contains("region, not 'eu-west-1'");
    }
  }

  @Test
  void aBodyOtherThanTheOneSignedIsInvalidSignature() {
    String signedId = runningBuildId();
    String sentId = runningBuildId();
    HttpRequest.Builder request = signedRequest("{\"id\":\"" + signedId + "\"}", Clock.systemUTC());

    Reply reply = unchanged(() -> RawHttp.send(request.POST(HttpRequest.BodyPublishers.ofString(
        "{\"id\":\"" + sentId + "\"}")).build()));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.type()).isEqualTo("InvalidSignatureException");
    // the SDK signs x-amz-content-sha256, the hash of the body it signed, which the sent body no longer has
    assertThat(reply.message()).isEqualTo("The provided 'x-amz-content-sha256' header does not match what was"
        + " computed.");
  }

  @Test
  void aBodySentWithItsOwnContentHashBreaksTheSignature() {
    String signedId = runningBuildId();
    String sent = "{\"id\":\"" + runningBuildId() + "\"}";
    HttpRequest.Builder request = signedRequest("{\"id\":\"" + signedId + "\"}", Clock.systemUTC())
        .setHeader("X-Amz-Content-Sha256", sha256Hex(sent));

    Reply reply = unchanged(() -> RawHttp.send(request.POST(HttpRequest.BodyPublishers.ofString(sent)).build()));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.type()).isEqualTo("InvalidSignatureException");
    assertThat(reply.message()).isEqualTo(SIGNATURE_MISMATCH);
  }

  @Test
  void theSameRawRequestSignedRightIsAccepted() {
    String id = runningBuildId();
    String body = "{\"id\":\"" + id + "\"}";

    Reply reply = RawHttp.send(signedRequest(body, Clock.systemUTC())
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().at("/build/buildStatus").asText()).isEqualTo("STOPPED");
  }

  @Test
  void aSignatureMadeTenMinutesAgoHasExpired() {
    String id = runningBuildId();
    String body = "{\"id\":\"" + id + "\"}";
    Clock tenMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));

    Reply reply = unchanged(() -> RawHttp.send(signedRequest(body, tenMinutesAgo)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build()));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.type()).isEqualTo("InvalidSignatureException");
    assertThat(reply.message()).startsWith("Signature expired: ").endsWith(" - 5 min.)");
  }

  @Test
  void aSignatureDatedTenMinutesAheadIsNotYetCurrent() {
    String body = "{\"id\":\"" + runningBuildId() + "\"}";
    Clock tenMinutesAhead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));

    Reply reply = unchanged(() -> RawHttp.send(signedRequest(body, tenMinutesAhead)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build()));

    assertThat(reply.type()).isEqualTo("InvalidSignatureException");
    assertThat(reply.message()).startsWith("Signature not yet current: ");
  }

  @Test
  void aMalformedAuthorizationHeaderIsIncompleteSignatureAndNeverEchoed() {
    String body = "{\"id\":\"" + runningBuildId() + "\"}";

    Reply reply = unchanged(() -> RawHttp.send(RawHttp.request(server.endpoint(), "StopBuild")
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/20260101/us-east-1/codebuild/"
            + "aws4_request, Signature=deadbeefcafe")
        .header("X-Amz-Date", "20260101T000000Z")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build()));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.type()).isEqualTo("IncompleteSignatureException");
    assertThat(reply.message()).contains("SignedHeaders").doesNotContain("deadbeefcafe");
  }

  /**
   * A StopBuild request signed by the AWS SDK's own SigV4 signer (which, like the SDK's clients, signs an
   * {@code x-amz-content-sha256} header), headers only: the caller adds the body.
   */
  private static HttpRequest.Builder signedRequest(String signedBody, Clock clock) {
    URI endpoint = server.endpoint();
    SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(endpoint.resolve("/"))
        .putHeader("X-Amz-Target", "CodeBuild_20161006.StopBuild")
        .putHeader("Content-Type", RawHttp.AMZ_JSON);
    SdkHttpRequest signed = AwsV4HttpSigner.create().sign(signing -> signing
        .identity(AwsCredentialsIdentity.create(ACCESS_KEY, SECRET))
        .request(unsigned.build())
        .payload(() -> new ByteArrayInputStream(signedBody.getBytes(StandardCharsets.UTF_8)))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "codebuild")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/")).timeout(Duration.ofSeconds(10));
    signed.headers().forEach((name, values) -> {
      // the JDK client sets Host and Content-Length itself, to the same values
      String lower = name.toLowerCase(Locale.ROOT);
      if (!lower.equals("host") && !lower.equals("content-length")) {
        values.forEach(value -> request.header(name, value));
      }
    });
    return request;
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
