package io.buildstop.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Without moto, the moto tests fail and say how to install it; they never skip. */
class MotoServerExtensionTest {

  @Test
  void withoutMotoTheExtensionFailsSayingHowToInstallIt() {
    assertThatThrownBy(() -> MotoServerExtension.command("/nonexistent/python3", "/nonexistent/moto_server"))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageStartingWith("moto_server not found")
        .hasMessageContaining("pip install 'moto[server]'");
  }
}
