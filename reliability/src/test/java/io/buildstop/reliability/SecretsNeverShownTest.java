package io.buildstop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.aws.AwsBuildStopper;
import io.buildstop.domain.StopFailure;
import io.buildstop.domain.lifecycle.BuildInvariants;
import io.buildstop.domain.lifecycle.BuildLifecycle;
import io.buildstop.domain.lifecycle.StopRules;
import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.CredentialProviderType;
import io.buildstop.domain.model.EnvironmentVariable;
import io.buildstop.domain.model.EnvironmentVariableType;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.RegistryCredential;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.server.CodeBuildServer;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import io.buildstop.wire.WireCodec;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/**
 * Secrets never show (issue 7.5): over generated builds whose environment variable values and registry credential
 * are random markers, no {@code toString}, no failure message, no wire error, no server refusal and no AWS backend
 * failure contains a marker. A marker is 20 random letters and digits, so it cannot appear by chance, and a leak
 * would show it verbatim (no escaping hides it).
 */
class SecretsNeverShownTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String ACCESS_KEY = "AKIDRELIABILITY";
  private static final String SERVER_SECRET = "srvsecretQ7w3e9r1t5y8u2i4o6p0";

  private static CodeBuildServer server;
  private static CodeBuildServer signedServer;
  private static FaultEndpoint endpoint;
  private static CodeBuildClient client;
  private static AwsBuildStopper stopper;

  @BeforeAll
  static void start() {
    server = CodeBuildServer.start(InMemoryCodeBuild.create());
    signedServer = CodeBuildServer.builder().credentials(ACCESS_KEY, SERVER_SECRET).start();
    endpoint = FaultEndpoint.start();
    // one attempt per call: a damaged answer is what is under test, not the SDK's retries of it
    client = CodeBuildClient.builder().endpointOverride(endpoint.uri()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry())
            .apiCallAttemptTimeout(Duration.ofSeconds(2)).apiCallTimeout(Duration.ofSeconds(5)))
        .build();
    stopper = AwsBuildStopper.builder().codeBuildClient(client).build();
    // both servers know the project StartBuild refers to
    for (CodeBuildServer s : List.of(server, signedServer)) {
      s.backend().startBuild("secret-project");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
    signedServer.close();
    stopper.close();
    client.close();
    endpoint.close();
  }

  /** A build with secrets in it, and the secrets. */
  record SecretBuild(Build build, List<String> secrets) {}

  Gen<String> markers() {
    return Gens.strings("abcdefghijklmnopqrstuvwxyz0123456789", 20, 20);
  }

  Gen<SecretBuild> secretBuilds() {
    Gen<List<String>> values = Gens.lists(markers(), 1, 4);
    Gen<EnvironmentVariableType> types = Gens.oneOf(EnvironmentVariableType.PLAINTEXT,
        EnvironmentVariableType.PARAMETER_STORE, EnvironmentVariableType.SECRETS_MANAGER);
    Gen<BuildPhaseType> phases = Gens.oneOf(BuildLifecycle.RUNNING_PHASES.subList(1, 10));
    return values.zip(markers(), types, phases, Gens.oneOf(0, 1, 2),
        (envValues, credential, type, phase, state) -> {
          List<EnvironmentVariable> variables = new ArrayList<>();
          for (int i = 0; i < envValues.size(); i++) {
            variables.add(EnvironmentVariable.builder().name("VAR_" + i).value(envValues.get(i)).type(type).build());
          }
          ProjectEnvironment environment = ProjectEnvironment.builder()
              .image("aws/codebuild/standard:7.0")
              .environmentVariables(variables)
              .registryCredential(RegistryCredential.builder().credential(credential)
                  .credentialProvider(CredentialProviderType.SECRETS_MANAGER).build())
              .build();
          Instant at = Instant.parse("2026-11-25T01:00:00Z");
          Build build = BuildLifecycle.start(Build.builder()
              .id("secret-project:6f1c2b9e-0000-4000-8000-" + String.format("%012d", envValues.hashCode() & 0xffff))
              .projectName("secret-project").buildNumber(1L).environment(environment).build(), at);
          for (int i = 1; i < BuildLifecycle.RUNNING_PHASES.indexOf(phase); i++) {
            build = BuildLifecycle.advance(build, at.plusSeconds(i));
          }
          if (state == 1) {
            build = StopRules.stop(build, at.plusSeconds(30));
          } else if (state == 2) {
            build = BuildLifecycle.complete(build, BuildLifecycle.FINAL_STATUSES.get(envValues.size() % 4), at.plusSeconds(30));
          }
          List<String> secrets = new ArrayList<>(envValues);
          secrets.add(credential);
          return new SecretBuild(build, secrets);
        });
  }

  @Test
  void noToStringOfABuildOrAnythingInItOrAroundItShowsASecret() {
    Property.tries(300).forAll(secretBuilds(), given -> {
      Build build = given.build();
      InMemoryCodeBuild backend = InMemoryCodeBuild.create();
      backend.put(build);
      List<Object> shown = new ArrayList<>();
      shown.add(build);
      shown.add(build.environment().orElseThrow());
      shown.addAll(build.environment().orElseThrow().environmentVariables());
      shown.add(build.environment().orElseThrow().registryCredential().orElseThrow());
      shown.add(StopRules.stop(build, Instant.parse("2026-11-25T02:00:00Z")));
      shown.add(backend.stopBuild(build.id().orElseThrow()));
      shown.add(backend.stopCalls());
      shown.add(backend.builds());
      shown.add(BuildInvariants.check(build));
      shown.add(BuildInvariants.check(build.withPhases(List.of())));
      shown.add(backend.batchGetBuilds(List.of(build.id().orElseThrow(), "secret-project:missing")));

      for (Object value : shown) {
        assertNoSecret(String.valueOf(value), given.secrets());
      }
    });
  }

  @Test
  void noWireErrorOfADamagedDocumentShowsASecret() {
    Property.tries(500).forAll(secretBuilds(), damages(), Gens.anyDoubles(), (given, damage, where) -> {
      String document = WireCodec.STOP_BUILD_RESPONSE.encodeToString(given.build());
      assertThat(document).as("the wire carries the values").contains(given.secrets().get(0));
      String damaged = damage.apply(document, Math.abs(where % 1.0));

      Either<?, Build> decoded = WireCodec.STOP_BUILD_RESPONSE.decode(damaged);

      assertNoSecret(String.valueOf(decoded), given.secrets());
      if (decoded.isLeft()) {
        assertNoSecret(decoded.getLeft().toString(), given.secrets());
      }
    });
  }

  /** Ways to damage a StopBuild response that leave the secrets in it. */
  enum Damage {
    TRUNCATED {
      @Override
      String apply(String document, double where) {
        return document.substring(0, (int) (where * document.length()));
      }
    },
    GARBAGE_INSERTED {
      @Override
      String apply(String document, double where) {
        int at = (int) (where * document.length());
        return document.substring(0, at) + "\u0001}]" + document.substring(at);
      }
    },
    VARIABLE_NAME_OF_WRONG_TYPE {
      @Override
      String apply(String document, double where) {
        return edit(document, variable -> variable.putArray("name").add(1));
      }
    },
    VARIABLE_TYPE_OF_WRONG_TYPE {
      @Override
      String apply(String document, double where) {
        return edit(document, variable -> variable.put("type", 42));
      }
    },
    VALUE_WRAPPED_IN_AN_OBJECT {
      @Override
      String apply(String document, double where) {
        return edit(document, variable -> variable.putObject("value").put("inner", variable.path("value").asText()));
      }
    },
    VALUE_UNQUOTED {
      @Override
      String apply(String document, double where) {
        int value = document.indexOf("\"value\":\"");
        int start = value + "\"value\":\"".length();
        int end = document.indexOf('"', start);
        return document.substring(0, start - 1) + document.substring(start, end) + document.substring(end + 1);
      }
    },
    SIBLING_TIMESTAMP_BROKEN {
      @Override
      String apply(String document, double where) {
        try {
          ObjectNode root = (ObjectNode) JSON.readTree(document);
          ((ObjectNode) root.path("build")).put("startTime", true);
          return JSON.writeValueAsString(root);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    };

    abstract String apply(String document, double where);

    static String edit(String document, java.util.function.Consumer<ObjectNode> change) {
      try {
        ObjectNode root = (ObjectNode) JSON.readTree(document);
        ArrayNode variables = (ArrayNode) root.path("build").path("environment").path("environmentVariables");
        change.accept((ObjectNode) variables.get(variables.size() - 1));
        return JSON.writeValueAsString(root);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  Gen<Damage> damages() {
    return Gens.oneOf(Damage.values());
  }

  @Test
  void noServerRefusalOfAStartBuildCarryingSecretsShowsThem() {
    Property.tries(100).forAll(markers(), markers(), breakages(), (value, credential, breakage) -> {
      ObjectNode request = JSON.createObjectNode().put("projectName", "secret-project");
      ObjectNode variable = request.putArray("environmentVariablesOverride").addObject()
          .put("name", "TOKEN").put("value", value).put("type", "PLAINTEXT");
      ObjectNode registry = request.putObject("registryCredentialOverride")
          .put("credential", credential).put("credentialProvider", "SECRETS_MANAGER");
      switch (breakage) {
        case 0 -> variable.put("type", "NOT_A_TYPE");
        case 1 -> variable.putArray("name");
        case 2 -> variable.remove("name");
        case 3 -> registry.put("credentialProvider", "NOT_A_PROVIDER");
        case 4 -> request.put("projectName", "no-such-project");
        case 5 -> request.put("timeoutInMinutesOverride", "sixty");
        case 6 -> variable.put("value", 12).put("name", value);
        default -> request.putArray("environmentVariablesOverride").add(value);
      }
      int before = server.backend().builds().size();

      HttpResponse<String> reply = sent(HttpRequest.newBuilder(server.endpoint())
          .header("X-Amz-Target", "CodeBuild_20161006.StartBuild")
          .header("Content-Type", "application/x-amz-json-1.1")
          .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
      assertThat(server.backend().builds()).hasSize(before);
      List<String> secrets = breakage == 6 ? List.of(credential) : List.of(value, credential);
      assertNoSecret(reply.body() + reply.headers(), secrets);
    });
  }

  Gen<Integer> breakages() {
    return Gens.ints(0, 7);
  }

  @Test
  void noSigV4RefusalShowsTheSignatureTheHeaderOrTheSecret() {
    Property.tries(100).forAll(markers(), markers(), authorizations(), (signature, secret, shape) -> {
      String hexSignature = signature.replaceAll("[g-z]", "a") + "0123456789abcdef0123456789abcdef0123456789ab";
      String authorization = switch (shape) {
        case 0 -> "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/20261125/us-east-1/codebuild/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=" + hexSignature;
        case 1 -> "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/20261125/us-east-1/codebuild/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=" + signature;
        case 2 -> "AWS4-HMAC-SHA256 Credential=" + signature + "/20261125/us-east-1/codebuild/aws4_request, "
            + "SignedHeaders=host, Signature=" + hexSignature;
        case 3 -> "Bearer " + signature;
        default -> "AWS4-HMAC-SHA256 " + signature;
      };
      HttpResponse<String> reply = sent(HttpRequest.newBuilder(signedServer.endpoint())
          .header("X-Amz-Target", "CodeBuild_20161006.StopBuild")
          .header("Content-Type", "application/x-amz-json-1.1")
          .header("X-Amz-Date", "20261125T010000Z")
          .header("Authorization", authorization)
          .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"secret-project:" + secret + "\"}")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(reply.statusCode()).isEqualTo(400);
      assertNoSecret(reply.body() + reply.headers(), List.of(signature, hexSignature, SERVER_SECRET));

      // and a client signing with the wrong secret through the real SDK: the failure names neither secret
      if (shape == 0) {
        try (AwsBuildStopper stopper = AwsBuildStopper.builder().endpointOverride(signedServer.endpoint())
            .region(Region.US_EAST_1).retryMode(RetryMode.STANDARD)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, secret)))
            .apiCallTimeout(Duration.ofSeconds(10)).build()) {
          Either<StopFailure, Build> result = stopper.stopBuild("secret-project:" + signature);
          assertThat(result.isLeft()).isTrue();
          assertNoSecret(describe(result.getLeft()), List.of(secret, SERVER_SECRET));
        }
      }
    });
  }

  Gen<Integer> authorizations() {
    return Gens.ints(0, 4);
  }

  @Test
  void noAwsBackendFailureOverADamagedAnswerShowsASecret() {
    Property.tries(50).forAll(secretBuilds(), damages(), Gens.anyDoubles(), (given, damage, where) -> {
      String damaged = damage.apply(WireCodec.STOP_BUILD_RESPONSE.encodeToString(given.build()), Math.abs(where % 1.0));
      endpoint.answering(request -> FaultEndpoint.Answer.json(200, damaged));

      Either<StopFailure, Build> result = stopper.stopBuild(given.build().id().orElseThrow());

      assertNoSecret(String.valueOf(result), given.secrets());
      if (result.isLeft()) {
        assertNoSecret(describe(result.getLeft()), given.secrets());
      }
    });
  }

  /** Everything a log line could print of a failure: its text, and its cause's messages and stack trace. */
  private static String describe(StopFailure failure) {
    StringBuilder text = new StringBuilder(failure.toString()).append('\n').append(failure.message());
    if (failure instanceof StopFailure.Unavailable unavailable) {
      unavailable.cause().ifPresent(cause -> {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        text.append('\n').append(trace);
      });
    }
    return text.toString();
  }

  private static void assertNoSecret(String shown, List<String> secrets) {
    for (String secret : secrets) {
      assertThat(shown).as("a secret shown").doesNotContain(secret);
    }
  }


  // the properties run inside lambdas, which cannot throw what HttpClient.send declares
  private static HttpResponse<String> sent(HttpRequest request, HttpResponse.BodyHandler<String> body) {
    try {
      return HTTP.send(request, body);
    } catch (IOException | InterruptedException failure) {
      throw new AssertionError(failure);
    }
  }
}
