package io.buildstop.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

  private static ObjectNode request(String singleQuoted) {
    return Json.requestObject(singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void nullMembersAreDroppedAtEveryDepthAndListItemsAreKept() {
    ObjectNode input = request("{'a': null, 'b': {'c': null, 'd': 1, 'e': {'f': null}},"
        + " 'g': [null, {'h': null, 'i': 'x'}, [{'j': null}]], 'k': 'v'}");

    assertThat(Json.withoutNullMembers(input))
        .isEqualTo(request("{'b': {'d': 1, 'e': {}}, 'g': [null, {'i': 'x'}, [{}]], 'k': 'v'}"));
  }

  @Test
  void anObjectWithoutNullsIsReturnedAsItWas() {
    ObjectNode input = request("{'id': 'p:1', 'ids': ['a', 'b']}");

    assertThat(Json.withoutNullMembers(input.deepCopy())).isEqualTo(input);
  }
}
