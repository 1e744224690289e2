package io.buildstop.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The real AWS CLI (v1 on this machine image), run as a user would, against a local endpoint. */
final class AwsCli {
  private AwsCli() {}

  /** What one run printed and returned, stdout as raw bytes decoded as UTF-8. */
  record Result(int exitCode, String out, String err) {}

  /** Runs {@code aws --endpoint-url URL codebuild ARGS} with throwaway credentials and no user configuration. */
  static Result codebuild(String endpointUrl, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(executable().toString(), "--endpoint-url", endpointUrl,
        "codebuild"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(name -> name.startsWith("AWS_"));
    environment.putAll(Map.of(
        "AWS_ACCESS_KEY_ID", "x",
        "AWS_SECRET_ACCESS_KEY", "x",
        "AWS_DEFAULT_REGION", "us-east-1",
        "AWS_PAGER", "",
        "AWS_MAX_ATTEMPTS", "1",
        // no user configuration (a cli_timestamp_format there would change the output)
        "AWS_CONFIG_FILE", "/nonexistent/aws-config",
        "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials",
        // buildstop prints UTF-8 whatever the locale; so does Python under the UTF-8 locales CI uses
        "PYTHONIOENCODING", "utf-8"));
    Process process = builder.start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("aws " + String.join(" ", args) + " did not finish within 60 s");
    }
    return new Result(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
        new String(err.join(), StandardCharsets.UTF_8));
  }

  /** The {@code aws} on the PATH; the test fails, saying so, when there is none. */
  static Path executable() {
    Optional<Path> found = List.of(Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator))
        .stream()
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, "aws"))
        .filter(Files::isExecutable)
        .findFirst();
    if (found.isEmpty()) {
      fail("The AWS CLI (`aws`) is not on the PATH. This test compares buildstop's output byte for byte with the "
          + "real AWS CLI's, so it needs it: install AWS CLI v1 (`pip install awscli`; this machine image ships "
          + "aws-cli/1.45.11) and put `aws` on the PATH. PATH was: " + System.getenv("PATH"));
    }
    return found.get();
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
