package io.buildstop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.buildstop.domain.model.Build;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SigV4 as AWS checks it, beyond a matching signature: the credential scope's date is the request's day, the signed
 * host is the one the request reached, and {@code X-Amz-Target} and {@code Content-Type} are signed. Each request
 * here is signed right, by a signer written from the SigV4 specification, and sent byte for byte over a socket, so
 * only the rule under test can refuse it; a refusal changes nothing.
 */
@DisplayName("SigV4: scope date, signed host and signed operation headers")
class SigV4RequestScopeTest {
  private static final String ACCESS_KEY = "AKIDBUILDSTOPSCOPE";
  private static final String SECRET = "buildstop/scope/secret";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static CodeBuildServer server;

  @BeforeAll
  static void startTheServer() {
    server = CodeBuildServer.builder().credentials(ACCESS_KEY, SECRET).hostName("codebuild.local").start();
  }

  @AfterAll
  static void stopTheServer() {
    server.close();
  }

  @Test
  void aRequestSignedRightForTheHostItReachedIsAccepted() {
    String id = runningBuildId();

    Answer answer = send(new Signed(id).host("127.0.0.1:" + server.port()));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().at("/build/buildStatus").asText()).isEqualTo("STOPPED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "codebuild.local", "CodeBuild.Local"})
  void aNameTheServerIsReachedByIsAcceptedWithItsPort(String name) {
    Answer answer = send(new Signed(runningBuildId()).host(name + ":" + server.port()));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2", "2026", "2026120", "20261202T", "19990101"})
  void aCredentialScopeDateOtherThanTheRequestsDayIsInvalidSignature(String scopeDate) {
    Signed request = new Signed(runningBuildId()).scopeDate(scopeDate);

    Answer answer = unchanged(request);

    assertThat(answer.type()).isEqualTo("InvalidSignatureException");
    assertThat(answer.message()).startsWith("Date in Credential scope does not match YYYYMMDD from ISO-8601 version "
        + "of date from HTTP: '" + scopeDate + "' != '");
  }

  @ParameterizedTest
  @ValueSource(strings = {"codebuild.us-east-1.amazonaws.com", "codebuild.us-east-1.amazonaws.com:PORT",
      "127.0.0.1:1", "127.0.0.2:PORT", "elsewhere.example:PORT", "127.0.0.1", "localhost"})
  void aRequestSignedForAnotherHostIsInvalidSignature(String host) {
    Signed request = new Signed(runningBuildId()).host(host.replace("PORT", String.valueOf(server.port())));

    Answer answer = unchanged(request);

    assertThat(answer.type()).isEqualTo("InvalidSignatureException");
    assertThat(answer.message()).startsWith("The signed 'Host', '").endsWith("', is not the host this request "
        + "reached: '127.0.0.1:" + server.port() + "'.");
  }

  @Test
  void aRequestWhoseXAmzTargetIsNotSignedIsRefused() {
    // signed as StopBuild would be, less the target: whoever holds it could send it as any operation
    Signed request = new Signed(runningBuildId()).unsigned("X-Amz-Target");

    Answer answer = unchanged(request);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.type()).isEqualTo("InvalidSignatureException");
    assertThat(answer.message()).isEqualTo("'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.");
  }

  @Test
  void aRequestWhoseContentTypeIsNotSignedIsRefused() {
    Answer answer = unchanged(new Signed(runningBuildId()).unsigned("Content-Type"));

    assertThat(answer.type()).isEqualTo("InvalidSignatureException");
    assertThat(answer.message()).isEqualTo("'Content-Type' must be a 'SignedHeader' in the AWS Authorization.");
  }

  private static String runningBuildId() {
    return server.backend().startBuild(Projects.freshName()).get().id().orElseThrow();
  }

  private static Answer unchanged(Signed request) {
    Set<Build> before = new HashSet<>(server.backend().builds());
    Answer answer = send(request);
    assertThat(new HashSet<>(server.backend().builds())).isEqualTo(before);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    return answer;
  }

  /** A StopBuild signed with SigV4 as the specification says, with what a test changes. */
  private static final class Signed {
    private final String body;
    private String host = "127.0.0.1:" + server.port();
    private final Instant now = Instant.now();
    private String scopeDate = AMZ_DATE.format(now).substring(0, 8);
    private final Set<String> unsigned = new HashSet<>();

    Signed(String id) {
      this.body = "{\"id\":\"" + id + "\"}";
    }

    Signed host(String host) {
      this.host = host;
      return this;
    }

    Signed scopeDate(String scopeDate) {
      this.scopeDate = scopeDate;
      return this;
    }

    Signed unsigned(String header) {
      unsigned.add(header.toLowerCase(Locale.ROOT));
      return this;
    }

    // the headers in the order sent, names as sent
    String bytes() {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Host", host);
      headers.put("Content-Type", RawHttp.AMZ_JSON);
      headers.put("X-Amz-Target", RawHttp.TARGET_PREFIX + "StopBuild");
      String amzDate = AMZ_DATE.format(now);
      headers.put("X-Amz-Date", amzDate);
      List<String> signedNames = new ArrayList<>();
      StringBuilder canonicalHeaders = new StringBuilder();
      headers.entrySet().stream()
          .filter(header -> !unsigned.contains(header.getKey().toLowerCase(Locale.ROOT)))
          .sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
          .forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            signedNames.add(name);
            canonicalHeaders.append(name).append(':').append(header.getValue().trim()).append('\n');
          });
      String signedHeaders = String.join(";", signedNames);
      String canonicalRequest = "POST\n/\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + sha256Hex(body);
      String scope = scopeDate + "/us-east-1/codebuild/aws4_request";
      String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
      byte[] key = hmac(("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8), scopeDate);
      for (String part : new String[] {"us-east-1", "codebuild", "aws4_request"}) {
        key = hmac(key, part);
      }
      headers.put("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/" + scope + ", SignedHeaders="
          + signedHeaders + ", Signature=" + HexFormat.of().formatHex(hmac(key, stringToSign)));
      headers.put("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
      StringBuilder request = new StringBuilder("POST / HTTP/1.1\r\n");
      headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      return request.append("Connection: close\r\n\r\n").append(body).toString();
    }
  }

  private record Answer(int status, String body) {
    JsonNode json() {
      try {
        return RawHttp.JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String type() {
      return json().path("__type").asText();
    }

    String message() {
      return json().path("message").asText();
    }
  }

  private static Answer send(Signed request) {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.bytes().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(answer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
      return new Answer(status, answer.substring(answer.indexOf("\r\n\r\n") + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
