package io.buildstop.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.memory.InMemoryCodeBuild;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/** verifySignatures, region and account: the injected client signs and is let in; an unsigned request is not. */
@CodeBuildTest(verifySignatures = true, region = "eu-west-1", accountId = "210987654321",
    accessKeyId = "AKIDSIGNEDTEST", secretAccessKey = "signed-test-secret")
class SignatureVerificationTest {

  @Test
  @SeedBuild(project = "signed")
  void theInjectedClientSignsWithTheConfiguredKeyInTheConfiguredRegion(CodeBuildClient client,
      InMemoryCodeBuild codeBuild, CodeBuildRuntime runtime) {
    String id = codeBuild.builds().get(0).id().orElseThrow();

    String arn = client.stopBuild(request -> request.id(id)).build().arn();

    assertThat(arn).startsWith("arn:aws:codebuild:eu-west-1:210987654321:build/signed:");
    assertThat(runtime.environment()).containsEntry("AWS_ACCESS_KEY_ID", "AKIDSIGNEDTEST")
        .containsEntry("AWS_REGION", "eu-west-1");
  }

  @Test
  void anUnsignedRequestIsRefused(CodeBuildRuntime runtime) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            runtime.endpoint() + "/"))
        .header("X-Amz-Target", "CodeBuild_20161006.ListBuilds")
        .header("Content-Type", "application/x-amz-json-1.1")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isNotEqualTo(200);
    assertThat(response.body()).contains("MissingAuthenticationToken");
  }
}
