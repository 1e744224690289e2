package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.domain.model.CredentialProviderType;
import io.buildstop.domain.model.EnvironmentVariable;
import io.buildstop.domain.model.EnvironmentVariableType;
import io.buildstop.domain.model.ProjectEnvironment;
import io.buildstop.domain.model.RegistryCredential;
import io.buildstop.server.RawHttp.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * No secret on the page: a build whose environment holds {@code SECRETS_MANAGER} and {@code PARAMETER_STORE}
 * variables and a registry credential is listed, shown, stopped and its events read, and none of their values, nor
 * the credential, appears in any answer of any of the page's paths. A plaintext variable's value is shown.
 */
@DisplayName("the page shows no secret")
class PageSecretsTest {
  private static final String SECRETS_MANAGER_VALUE = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-SECRET1";
  private static final String PARAMETER_STORE_VALUE = "/prod/db/PARAMETER-SECRET2";
  private static final String REGISTRY_CREDENTIAL = "arn:aws:secretsmanager:us-east-1:123456789012:secret:REGISTRY3";
  private static final String PLAINTEXT_VALUE = "plain-visible-value";

  @Test
  void noAnswerOfAnyPathCarriesASecretVariablesValueOrTheRegistryCredential() {
    try (CodeBuildServer server = CodeBuildServer.builder().lifecycle(Duration.ofMinutes(10)).start()) {
      Build running = server.backend().startBuildInPhase("page-secrets", BuildPhaseType.BUILD).get();
      Build withSecrets = Build.builder().from(running).environment(ProjectEnvironment.builder()
          .typeAsString("LINUX_CONTAINER").image("aws/codebuild/standard:7.0")
          .addEnvironmentVariables(variable("DB_SECRET", SECRETS_MANAGER_VALUE, EnvironmentVariableType.SECRETS_MANAGER),
              variable("DB_PARAMETER", PARAMETER_STORE_VALUE, EnvironmentVariableType.PARAMETER_STORE),
              variable("PLAIN", PLAINTEXT_VALUE, EnvironmentVariableType.PLAINTEXT))
          .registryCredential(RegistryCredential.builder().credential(REGISTRY_CREDENTIAL)
              .credentialProvider(CredentialProviderType.SECRETS_MANAGER).build())
          .build()).build();
      server.backend().put(withSecrets).get();
      String id = running.id().orElseThrow();

      List<Reply> answers = new ArrayList<>();
      answers.add(PageHttp.get(server, "builds"));
      answers.add(PageHttp.get(server, "build?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)));
      answers.add(PageHttp.get(server, "projects"));
      answers.add(PageHttp.get(server, "batches"));
      answers.add(PageHttp.get(server, "settings"));
      answers.add(PageHttp.post(server, "stop-build", "{\"id\": \"" + id + "\"}"));
      server.backend().awaitEventDelivery(Duration.ofSeconds(5));
      Reply events = PageHttp.get(server, "events?after=0");
      answers.add(events);

      assertThat(events.json().get("events")).isNotEmpty();
      assertThat(events.body()).contains("environment-variables", "DB_SECRET");
      for (Reply answer : answers) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain(SECRETS_MANAGER_VALUE, PARAMETER_STORE_VALUE, REGISTRY_CREDENTIAL,
            "SECRET1", "SECRET2", "REGISTRY3", "registryCredential", "registry-credential");
      }
      assertThat(answers.get(1).json().at("/build/environmentVariables").toString())
          .contains("DB_SECRET", "SECRETS_MANAGER", "DB_PARAMETER", "PARAMETER_STORE", PLAINTEXT_VALUE);
    }
  }

  private static EnvironmentVariable variable(String name, String value, EnvironmentVariableType type) {
    return EnvironmentVariable.builder().name(name).value(value).type(type).build();
  }
}
