package io.buildstop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.buildstop.cli.internal.AwsCliJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JSON as the AWS CLI prints it: json.dumps(indent=4, ensure_ascii=False)")
class AwsCliJsonTest {

  @Test
  void indentsByFourSpacesAndKeepsTheMemberOrder() {
    assertThat(AwsCliJson.print("{\"b\":1,\"a\":{\"c\":[true,false,null],\"d\":{},\"e\":[]}}")).isEqualTo("""
        {
            "b": 1,
            "a": {
                "c": [
                    true,
                    false,
                    null
                ],
                "d": {},
                "e": []
            }
        }
        """);
  }

  @Test
  void printsNonAsciiAsItIsAndEscapesOnlyQuotesBackslashesAndControls() {
    assertThat(AwsCliJson.print("[\"ü ✓ 🚀 / \\u2028 \\u007f\", \"\\\"\\\\\\r\\n\\t\\b\\f\\u0001\\u001f\"]"))
        .isEqualTo("[\n    \"ü ✓ 🚀 / \u2028 \u007f\",\n    \"\\\"\\\\\\r\\n\\t\\b\\f\\u0001\\u001f\"\n]\n");
  }

  @Test
  void printsIntegersAsTheyCameAndFractionsAsPythonFloats() {
    assertThat(AwsCliJson.print("[1556906956, 1556906956.318, 1556906956.123456789, 1e3, -0, 9223372036854775807]"))
        .isEqualTo("[\n    1556906956,\n    1556906956.318,\n    1556906956.1234567,\n    1000.0,\n    0,\n"
            + "    9223372036854775807\n]\n");
  }

  @Test
  void rejectsWhatIsNotOneJsonValue() {
    assertThatThrownBy(() -> AwsCliJson.print("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AwsCliJson.print("{} {}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AwsCliJson.print("{")).isInstanceOf(IllegalArgumentException.class);
  }
}
