package io.buildstop.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import software.amazon.awssdk.core.util.VersionInfo;

/** {@code buildstop --version}: buildstop's version, then the Java and AWS SDK it runs on, as {@code aws --version}. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
        "buildstop/" + version() + " Java/" + System.getProperty("java.version") + " aws-sdk-java/"
            + VersionInfo.SDK_VERSION};
  }

  /** The version Maven built this module as. */
  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("/io/buildstop/cli/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
