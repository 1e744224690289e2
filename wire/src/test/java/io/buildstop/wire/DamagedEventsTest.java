package io.buildstop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.events.BuildEvent;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every member of both published samples, replaced by a value of each JSON type or removed: the decoding answers a
 * value or a {@link WireError} on that member's branch, and never throws.
 */
class DamagedEventsTest {

  static final List<String> REPLACEMENTS = List.of("null", "1", "2.5", "\"x\"", "true", "[]", "{}", "[1]");

  @Test
  void noDamageToAnyMemberMakesTheDecodingThrow() {
    int damaged = 0;
    for (String name : List.of(BuildEventSamplesTest.STATE_CHANGE, BuildEventSamplesTest.PHASE_CHANGE)) {
      JsonNode sample = BuildEventSamplesTest.tree(BuildEventSamplesTest.sample(name));
      for (String pointer : pointers(sample)) {
        for (String replacement : REPLACEMENTS) {
          JsonNode copy = sample.deepCopy();
          replace(copy, pointer, BuildEventSamplesTest.tree(replacement));
          Either<WireError, BuildEvent> decoded = WireCodec.BUILD_EVENT.decode(copy);
          // the error names the damaged member, a member above it (a required one) or one inside what replaced it
          decoded.peekLeft(error -> assertThat(onOneBranch(pointer.replace('/', '.'), topLevel(error.path())))
              .as("%s = %s: %s", pointer, replacement, error).isTrue());
          damaged++;
        }
        JsonNode copy = sample.deepCopy();
        remove(copy, pointer);
        assertThat(WireCodec.BUILD_EVENT.decode(copy)).isNotNull();
        damaged++;
      }
    }
    // both samples hold a few hundred members between them
    assertThat(damaged).isGreaterThan(1_000);
  }

  private static boolean onOneBranch(String a, String b) {
    return a.startsWith(b) || b.startsWith(a);
  }

  // "detail.additional-information.phases[1].end-time" as ".detail.additional-information.phases.1.end-time"
  private static String topLevel(String path) {
    return "." + path.replaceAll("\\[(\\d+)]", ".$1");
  }

  private static List<String> pointers(JsonNode root) {
    List<String> pointers = new ArrayList<>();
    walk(root, "", pointers::add);
    return pointers;
  }

  private static void walk(JsonNode node, String at, Consumer<String> found) {
    if (node.isObject()) {
      node.properties().forEach(member -> {
        String child = at + "/" + member.getKey();
        found.accept(child);
        walk(member.getValue(), child, found);
      });
    } else if (node.isArray()) {
      for (int index = 0; index < node.size(); index++) {
        String child = at + "/" + index;
        found.accept(child);
        walk(node.get(index), child, found);
      }
    }
  }

  private static void replace(JsonNode root, String pointer, JsonNode value) {
    JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    if (parent.isObject()) {
      ((ObjectNode) parent).set(last, value);
    } else {
      ((ArrayNode) parent).set(Integer.parseInt(last), value);
    }
  }

  private static void remove(JsonNode root, String pointer) {
    JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    if (parent.isObject()) {
      ((ObjectNode) parent).remove(last);
    } else {
      ((ArrayNode) parent).remove(Integer.parseInt(last));
    }
  }
}
