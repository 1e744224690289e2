package io.buildstop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Caller input inside messages: printable ASCII as is, the rest escaped, long input cut. */
@DisplayName("Quoting")
class QuotingTest {

  @Test
  void nullIsShownAsNull() {
    assertThat(Quoting.quote(null)).isEqualTo("null");
  }

  @Test
  void printableAsciiIsQuotedAsIs() {
    assertThat(Quoting.quote(" my-demo-project:abc~")).isEqualTo("\" my-demo-project:abc~\"");
  }

  @ParameterizedTest(name = "U+{0} is escaped")
  @CsvSource({"0000", "0009", "000a", "001f", "007f", "00f8", "2028", "0022", "005c"})
  void controlNonAsciiQuoteAndBackslashAreEscaped(String hex) {
    char c = (char) Integer.parseInt(hex, 16);

    assertThat(Quoting.quote("a" + c + "b")).isEqualTo("\"a\\u" + hex + "b\"");
  }

  @Test
  void inputUpToTheLimitIsShownWhole() {
    String input = "x".repeat(Quoting.MAX_QUOTED);

    assertThat(Quoting.quote(input)).isEqualTo("\"" + input + "\"");
  }

  @Test
  void longerInputIsCutAndItsLengthShown() {
    String input = "x".repeat(Quoting.MAX_QUOTED + 1);

    assertThat(Quoting.quote(input))
        .isEqualTo("\"" + "x".repeat(Quoting.MAX_QUOTED) + "\"... (" + (Quoting.MAX_QUOTED + 1) + " characters)");
  }

  @Test
  void theLimitIsEightyCharacters() {
    assertThat(Quoting.MAX_QUOTED).isEqualTo(80);
  }
}
