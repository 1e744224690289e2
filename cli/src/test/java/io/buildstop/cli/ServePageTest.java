package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.buildstop.cli.internal.DemoBuilds;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code buildstop serve} announces its page on the line after its endpoint, serves it with the demo builds, and
 * takes the page's two opt-ins: {@code --page-on-network} and {@code --page-stop-unsigned}.
 */
@DisplayName("buildstop serve's page")
class ServePageTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void announcesThePageAfterTheEndpointAndListsTheDemoBuildsThere() throws Exception {
    try (InProcessServe serve = new InProcessServe("serve", "--demo-builds")) {
      String endpoint = serve.endpoint();
      String page = serve.page();

      assertThat(page).isEqualTo(endpoint + "/_buildstop/ui/");
      HttpResponse<String> html = get(page);
      assertThat(html.statusCode()).isEqualTo(200);
      assertThat(html.body()).contains("<title>buildstop</title>");
      JsonNode builds = JSON.readTree(get(page + "builds").body());
      assertThat(builds.get("builds").findValuesAsText("id")).contains(DemoBuilds.RUNNING_IN_BUILD);
    }
  }

  @Test
  void withAccessKeysThePageMayNotStopUnlessAllowed() throws Exception {
    try (InProcessServe signed = new InProcessServe("serve", "--access-key", "AKIDLOCAL", "--secret-key", "s3cr3t");
        InProcessServe allowed = new InProcessServe("serve", "--access-key", "AKIDLOCAL", "--secret-key", "s3cr3t",
            "--page-stop-unsigned")) {
      JsonNode refused = JSON.readTree(get(signed.page() + "settings").body());
      JsonNode opened = JSON.readTree(get(allowed.page() + "settings").body());

      assertThat(refused.get("stopAllowed").asBoolean()).isFalse();
      assertThat(refused.get("stopRefusedBecause").asText()).contains("--page-stop-unsigned");
      assertThat(opened.get("stopAllowed").asBoolean()).isTrue();
    }
  }

  @Test
  void pageOnNetworkIsAnOptionServeTakes() throws Exception {
    try (InProcessServe serve = new InProcessServe("serve", "--page-on-network")) {
      assertThat(get(serve.page() + "settings").statusCode()).isEqualTo(200);
    }
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
