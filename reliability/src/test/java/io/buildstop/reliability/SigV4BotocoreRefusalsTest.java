package io.buildstop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.StatusType;
import io.buildstop.junit5.CodeBuildExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The server's SigV4 verification against requests signed by an independent signer, botocore's {@code SigV4Auth}
 * (issue 7.6, issue 17.6): wrong key, wrong secret, wrong signature, stale date, tampered body, an unsigned
 * {@code X-Amz-Target} and a request signed for CodeBuild's own host are each refused with CodeBuild's error and
 * change nothing; the same request signed correctly stops the build. Needs python3 with
 * botocore (on this machine image); fails with a message that says so when it is missing.
 */
@Tag("peers") // drives an independent peer: mvn verify -DexcludedGroups=peers leaves it out
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigV4BotocoreRefusalsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCESS_KEY = "AKIDBOTOCORE";
  private static final String SECRET = "botocore-secret-7f3a";

  @RegisterExtension
  static final CodeBuildExtension codeBuild =
      CodeBuildExtension.newInstance().verifySignatures().credentials(ACCESS_KEY, SECRET).build();

  private Path script;

  @BeforeAll
  void start() throws IOException {
    script = Files.createTempFile("botocore_stop_build", ".py");
    try (InputStream in = getClass().getResourceAsStream("/botocore_stop_build.py")) {
      Files.write(script, in.readAllBytes());
    }
  }

  @AfterAll
  void stop() throws IOException {
    Files.deleteIfExists(script);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "wrong key,       AKIDSOMEONEELSE, " + SECRET + ",  valid,           UnrecognizedClientException",
      "wrong secret,    " + ACCESS_KEY + ", not-the-secret, valid,         InvalidSignatureException",
      "wrong signature, " + ACCESS_KEY + ", " + SECRET + ", wrong_signature, InvalidSignatureException",
      "stale date,      " + ACCESS_KEY + ", " + SECRET + ", stale_date,      InvalidSignatureException",
      "tampered body,   " + ACCESS_KEY + ", " + SECRET + ", tampered_body,   InvalidSignatureException",
      "X-Amz-Target not signed, " + ACCESS_KEY + ", " + SECRET + ", target_unsigned, InvalidSignatureException",
      "signed for another host, " + ACCESS_KEY + ", " + SECRET + ", other_host, InvalidSignatureException"})
  void aBadlySignedStopIsRefusedWithCodeBuildsErrorAndChangesNothing(
      String name, String accessKey, String secret, String signing, String expectedType) throws Exception {
    Build running = codeBuild.backend().startBuildInPhase("sigv4-project", BuildPhaseType.BUILD).get();
    String id = running.id().orElseThrow();

    JsonNode reply = botocore(id, accessKey, secret, signing);

    assertThat(reply.path("status").asInt()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.path("body").path("__type").asText()).isEqualTo(expectedType);
    assertThat(reply.path("body").path("message").asText()).isNotBlank().doesNotContain(SECRET);
    assertThat(codeBuild.backend().build(BuildId.parse(id).get())).contains(running);
  }

  @Test
  void theSameStopSignedCorrectlyByBotocoreStopsTheBuild() throws Exception {
    String id = codeBuild.backend().startBuildInPhase("sigv4-project", BuildPhaseType.BUILD).get().id().orElseThrow();

    JsonNode reply = botocore(id, ACCESS_KEY, SECRET, "valid");

    assertThat(reply.path("status").asInt()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.path("body").path("build").path("buildStatus").asText()).isEqualTo("STOPPED");
    assertThat(codeBuild.backend().build(BuildId.parse(id).get()).flatMap(Build::buildStatus))
        .isEqualTo(Optional.of(StatusType.STOPPED));
  }

  private JsonNode botocore(String id, String accessKey, String secret, String signing) throws Exception {
    Process python;
    try {
      python = new ProcessBuilder("python3", script.toString(), codeBuild.endpoint().toString(), id, accessKey, secret,
          signing).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("this test needs python3 with botocore on the PATH: " + e.getMessage(), e);
    }
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
    if (output.contains("No module named 'botocore'")) {
      throw new AssertionError("this test needs botocore for python3 (pip install botocore): " + output);
    }
    assertThat(python.exitValue()).as(output).isZero();
    return JSON.readTree(output.lines().reduce((first, last) -> last).orElse(""));
  }
}
