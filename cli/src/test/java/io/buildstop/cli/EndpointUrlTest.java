package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.cli.StubCodeBuild.Answer;
import io.buildstop.cli.internal.AwsCliJson;
import io.buildstop.cli.internal.DemoBuilds;
import io.buildstop.cli.internal.DemoCodeBuild;
import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.domain.model.Build;
import io.buildstop.memory.InMemoryCodeBuild;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("buildstop stop --endpoint-url: the AWS backend against a local endpoint")
class EndpointUrlTest {
  private static final String ID = "my-demo-project:1a2b3c4d-5678-90ab-cdef-11111EXAMPLE";

  @Test
  void sendsCodeBuildsStopBuildAndPrintsTheAnswerAsTheInMemoryStopDoes() throws IOException {
    try (StubCodeBuild codeBuild = StubCodeBuild.answering(Answer.ok(Fixtures.stopBuildCapture()))) {
      Cli.Result result = Cli.run("stop", "--endpoint-url", codeBuild.url(), "--id", ID);

      assertThat(result.exitCode()).as(result.toString()).isZero();
      // the capture is the first demo build, seeded a minute after the capture's instant and stopped at it: the
      // in-memory stop prints the same bytes
      assertThat(result.out()).isEqualTo(AwsCliJson.stopBuildOutput(inMemoryStopOfTheCapturedBuild()));
      assertThat(result.err()).isEmpty();
      StubCodeBuild.Request request = codeBuild.requests().get(0);
      assertThat(request.target()).isEqualTo("CodeBuild_20161006.StopBuild");
      assertThat(request.contentType()).isEqualTo("application/x-amz-json-1.1");
      assertThat(request.body()).isEqualTo("{\"id\":\"" + ID + "\"}");
      // no credentials configured here: the dummy pair signs the call, in us-east-1 by default
      assertThat(request.authorization()).contains("Credential=buildstop/", "/us-east-1/codebuild/aws4_request");
    }
  }

  private static Build inMemoryStopOfTheCapturedBuild() {
    InMemoryCodeBuild codeBuild = DemoCodeBuild.seed(InMemoryCodeBuild.builder()
        .clock(Cli.AT_CAPTURE_STOP.clock()).region("us-west-2").build(),
        Cli.CAPTURE_STOP.plus(DemoBuilds.EXAMPLE_STOP_BEFORE_NOW)).get();
    return codeBuild.stopBuild(ID).get();
  }

  @Test
  void takesTheRegionFromTheOptionOrTheEnvironment() throws IOException {
    try (StubCodeBuild codeBuild = StubCodeBuild.answering(Answer.ok(Fixtures.stopBuildCapture()))) {
      Cli.run("stop", "--endpoint-url", codeBuild.url(), "--region", "eu-west-1", "--id", ID);
      Cli.run(Cli.withEnvironment(Map.of("AWS_REGION", "ap-south-1")), "stop", "--endpoint-url", codeBuild.url(),
          "--id", ID);
      Cli.run(Cli.withEnvironment(Map.of("AWS_DEFAULT_REGION", "sa-east-1")), "stop", "--endpoint-url",
          codeBuild.url(), "--id", ID);

      assertThat(codeBuild.requests()).extracting(StubCodeBuild.Request::authorization)
          .satisfiesExactly(
              first -> assertThat(first).contains("/eu-west-1/codebuild/"),
              second -> assertThat(second).contains("/ap-south-1/codebuild/"),
              third -> assertThat(third).contains("/sa-east-1/codebuild/"));
    }
  }

  @Nested
  @DisplayName("CodeBuild's errors: the AWS CLI's words, an exit code each")
  class Errors {
    @Test
    void resourceNotFound() throws IOException {
      Cli.Result result = stopAgainst(Answer.error(400, "ResourceNotFoundException", "Build " + ID + " not found"));

      assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).isEqualTo("\nAn error occurred (ResourceNotFoundException) when calling the StopBuild "
          + "operation: Build " + ID + " not found\n");
    }

    @Test
    void invalidInputWithItsNamespacedType() throws IOException {
      Cli.Result result = stopAgainst(
          Answer.error(400, "com.amazonaws.codebuild#InvalidInputException", "Invalid build ID provided"));

      assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(result.err()).isEqualTo("\nAn error occurred (InvalidInputException) when calling the StopBuild "
          + "operation: Invalid build ID provided\n");
    }

    @Test
    void throttlingAfterTheRetries() throws IOException {
      Cli.Result result = stopAgainst(Answer.error(400, "ThrottlingException", "Rate exceeded"));

      assertThat(result.exitCode()).isEqualTo(ExitCodes.THROTTLED);
      assertThat(result.err()).isEqualTo(
          "\nAn error occurred (ThrottlingException) when calling the StopBuild operation: Rate exceeded\n");
    }

    @Test
    void accessDenied() throws IOException {
      Cli.Result result = stopAgainst(Answer.error(400, "AccessDeniedException", "User: x is not authorized"));

      assertThat(result.exitCode()).isEqualTo(ExitCodes.ACCESS_DENIED);
      assertThat(result.err()).isEqualTo("\nAn error occurred (AccessDeniedException) when calling the StopBuild "
          + "operation: User: x is not authorized\n");
    }
  }

  @Nested
  @DisplayName("a backend that fails: unavailable, exit 7, no stack trace")
  class BackendFailures {
    @Test
    void serverErrorsAfterTheRetries() throws IOException {
      try (StubCodeBuild codeBuild = StubCodeBuild.answering(new Answer(500, "<html>oops</html>", Duration.ZERO))) {
        Cli.Result result = Cli.run("stop", "--endpoint-url", codeBuild.url(), "--id", ID);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.err()).isEqualTo(
            "\nAn error occurred (500) when calling the StopBuild operation: Internal Server Error\n");
        assertThat(codeBuild.requests()).hasSizeGreaterThan(1);
      }
    }

    @Test
    void anEndpointThatDoesNotAnswerInTime() throws IOException {
      try (StubCodeBuild codeBuild = StubCodeBuild.answering(
          new Answer(200, Fixtures.stopBuildCapture(), Duration.ofSeconds(5)))) {
        long started = System.nanoTime();
        Cli.Result result = Cli.run("stop", "--endpoint-url", codeBuild.url(), "--api-call-timeout", "700ms",
            "--api-call-attempt-timeout", "300ms", "--id", ID);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.err()).isEqualTo("\nRead timeout on endpoint URL: \"" + codeBuild.url() + "/\"\n");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
      }
    }

    @Test
    void anEndpointNobodyListensOn() throws IOException {
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Cli.Result result = Cli.run("stop", "--endpoint-url", "http://127.0.0.1:" + port, "--api-call-timeout", "3s",
          "--id", ID);

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
      assertThat(result.err())
          .isEqualTo("\nCould not connect to the endpoint URL: \"http://127.0.0.1:" + port + "/\"\n");
    }

    @Test
    void anAnswerThatIsNotCodeBuildsJson() throws IOException {
      try (StubCodeBuild codeBuild = StubCodeBuild.answering(Answer.ok("{\"build\": {\"startTime\": true}}"))) {
        Cli.Result result = Cli.run("stop", "--endpoint-url", codeBuild.url(), "--id", ID);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.err()).startsWith("\n").endsWith("\n").doesNotContain("\tat ");
      }
    }
  }

  @Test
  void aMalformedEndpointUrlIsAUsageError() {
    Cli.Result result = Cli.run("stop", "--endpoint-url", "ftp://127.0.0.1:21", "--id", ID);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("--endpoint-url must be an http or https URL");
  }

  private static Cli.Result stopAgainst(Answer answer) throws IOException {
    try (StubCodeBuild codeBuild = StubCodeBuild.answering(answer)) {
      return Cli.run("stop", "--endpoint-url", codeBuild.url(), "--id", ID);
    }
  }
}
