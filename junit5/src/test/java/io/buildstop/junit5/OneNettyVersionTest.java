package io.buildstop.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server's Netty is the Netty of the AWS SDK the build uses (server/README.md): a test classpath with both the
 * endpoint and the SDK's {@code netty-nio-client} holds one Netty version, and it is the one the SDK was built on.
 * When the AWS SDK's version moves, this says to move {@code netty.version} in the parent POM with it.
 */
class OneNettyVersionTest {

  @Test
  void theTestClasspathHoldsOneNettyVersion() {
    Map<String, String> versions = new TreeMap<>();
    Version.identify().forEach((artifact, version) -> versions.put(artifact, version.artifactVersion()));

    assertThat(versions).containsKeys("netty-codec-http", "netty-codec-http2", "netty-handler");
    assertThat(versions.values()).as(versions.toString()).containsOnly(System.getProperty("buildstop.nettyVersion"));
  }

  @Test
  void theParentManagesTheNettyTheAwsSdkIsBuiltOn() throws IOException {
    String sdk = System.getProperty("buildstop.awsSdkVersion");
    Path sdkPom = Path.of(System.getProperty("buildstop.localRepository"), "software", "amazon", "awssdk",
        "aws-sdk-java-pom", sdk, "aws-sdk-java-pom-" + sdk + ".pom");
    assertThat(sdkPom).as("the AWS SDK's parent POM, which Maven fetched to resolve the SDK").isRegularFile();

    Matcher nettyOfTheSdk = Pattern.compile("<netty\\.version>([^<]+)</netty\\.version>")
        .matcher(Files.readString(sdkPom, StandardCharsets.UTF_8));

    assertThat(nettyOfTheSdk.find()).as("netty.version in " + sdkPom).isTrue();
    assertThat(System.getProperty("buildstop.nettyVersion"))
        .as("netty.version in the parent POM, beside aws-sdk.version " + sdk).isEqualTo(nettyOfTheSdk.group(1));
  }
}
