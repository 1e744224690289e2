package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.aws.AwsBuildStopper;
import io.buildstop.cli.internal.DemoBuilds;
import io.buildstop.cli.internal.ExitCodes;
import io.buildstop.cli.internal.ServeCommand;
import io.buildstop.domain.StopFailure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

@DisplayName("serve --access-key: the secret from a file or the environment, never only the command line")
class ServeSecretKeyTest {
  private static final String ACCESS_KEY = "AKIDSERVESECRET";
  private static final String SECRET = "from-a-file/or-the-environment";

  @TempDir
  Path directory;

  @Test
  void theSecretComesFromAFileWithoutItsNewline() throws Exception {
    Path file = Files.writeString(directory.resolve("secret"), SECRET + "\n", StandardCharsets.UTF_8);

    try (InProcessServe serve = new InProcessServe("serve", "--demo-builds", "--access-key", ACCESS_KEY,
        "--secret-key-file", file.toString())) {
      assertSignedWith(serve.endpoint(), SECRET).isTrue();
      assertSignedWith(serve.endpoint(), "another-secret").isFalse();
      assertThat(serve.stop()).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void theSecretComesFromTheEnvironment() throws Exception {
    try (InProcessServe serve = new InProcessServe(Map.of(ServeCommand.SECRET_VARIABLE, SECRET), "serve",
        "--demo-builds", "--access-key", ACCESS_KEY)) {
      assertSignedWith(serve.endpoint(), SECRET).isTrue();
      assertSignedWith(serve.endpoint(), "another-secret").isFalse();
      assertThat(serve.stop()).isEqualTo(ExitCodes.OK);
    }
  }

  @Test
  void anAccessKeyWithoutItsSecretIsAUsageErrorThatNamesTheWays() {
    Cli.Result result = Cli.run("serve", "--access-key", ACCESS_KEY);

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).startsWith("buildstop: --access-key needs its secret: --secret-key-file FILE, "
        + ServeCommand.SECRET_VARIABLE + ", or --secret-key SECRET");
  }

  @Test
  void aMissingOrEmptyFileIsAUsageErrorThatNeverShowsTheSecret() throws Exception {
    Path empty = Files.writeString(directory.resolve("empty"), "\n", StandardCharsets.UTF_8);
    Path twoLines = Files.writeString(directory.resolve("two"), SECRET + "\nmore\n", StandardCharsets.UTF_8);

    Cli.Result missing = Cli.run("serve", "--access-key", ACCESS_KEY, "--secret-key-file",
        directory.resolve("nothing-here").toString());
    Cli.Result blank = Cli.run("serve", "--access-key", ACCESS_KEY, "--secret-key-file", empty.toString());
    Cli.Result many = Cli.run("serve", "--access-key", ACCESS_KEY, "--secret-key-file", twoLines.toString());
    Cli.Result both = Cli.run("serve", "--access-key", ACCESS_KEY, "--secret-key-file", twoLines.toString(),
        "--secret-key", SECRET);

    assertThat(missing.err()).startsWith("buildstop: cannot read --secret-key-file ");
    assertThat(blank.err()).contains("must hold the secret on one line");
    assertThat(many.err()).contains("must hold the secret on one line").doesNotContain(SECRET);
    assertThat(both.err()).startsWith("buildstop: --secret-key and --secret-key-file are mutually exclusive");
    for (Cli.Result result : new Cli.Result[] {missing, blank, many, both}) {
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
    }
  }

  // whether a stop signed with this secret gets through (a refused signature is access denied)
  private static org.assertj.core.api.AbstractBooleanAssert<?> assertSignedWith(String endpoint, String secret) {
    try (AwsBuildStopper stopper = AwsBuildStopper.builder()
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secret)))
        .build()) {
      var result = stopper.stopBuild(DemoBuilds.SUCCEEDED);
      if (result.isLeft()) {
        assertThat(result.getLeft()).isInstanceOf(StopFailure.AccessDenied.class);
      }
      return assertThat(result.isRight());
    }
  }
}
