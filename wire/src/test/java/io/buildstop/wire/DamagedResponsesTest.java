package io.buildstop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.buildstop.domain.model.Build;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Whatever a server sends, decoding answers with a build or a WireError, never with an exception. */
class DamagedResponsesTest {

  private static final String CAPTURE = Fixtures.text(Fixtures.STOP_BUILD);

  @Test
  void anyTextIsABuildOrAWireError() {
    Property.tries(1000).forAll(Gens.anyStrings(), text -> {
      Either<WireError, Build> decoded = WireCodec.STOP_BUILD_RESPONSE.decode(text);

      assertThat(decoded).isNotNull();
    });
  }

  @Test
  void aCaptureWithACharacterChangedIsABuildOrAWireError() {
    Property.tries(1000).forAll(damagedCaptures(), text -> {
      Either<WireError, Build> decoded = WireCodec.STOP_BUILD_RESPONSE.decode(text);

      decoded.swap().forEach(error -> assertThat(error.path()).matches("\\$|build.*"));
    });
  }

  @Test
  void anyJsonInPlaceOfAMemberIsReadOrReportedAtThatMember() {
    Property.tries(1000).forAll(memberLocations(), anyJson(), (location, replacement) -> {
      ObjectNode response = (ObjectNode) Fixtures.tree(CAPTURE);
      location.replaceIn(response, replacement);

      Either<WireError, Build> decoded = WireCodec.STOP_BUILD_RESPONSE.decode(response);

      decoded.swap().forEach(error -> assertThat(error.path()).satisfiesAnyOf(
          path -> assertThat(path).isEqualTo(location.path()),
          path -> assertThat(path).startsWith(location.path() + "."),
          path -> assertThat(path).startsWith(location.path() + "[")));
    });
  }

  Gen<String> damagedCaptures() {
    Gen<Integer> positions = Gens.ints(0, CAPTURE.length() - 1);
    Gen<Character> characters = Gens.oneOf('{', '}', '[', ']', '"', ',', ':', '\\', '0', '.', 'e', 'n', ' ');
    Gen<String> replaced = positions.zip(characters,
        (at, character) -> CAPTURE.substring(0, at) + character + CAPTURE.substring(at + 1));
    Gen<String> removed = positions.map(at -> CAPTURE.substring(0, at) + CAPTURE.substring(at + 1));
    Gen<String> cut = positions.map(at -> CAPTURE.substring(0, at));
    return Gens.anyOf(replaced, removed, cut);
  }

  /** A member or list item of the capture, by its place in the tree and by its path in an error. */
  record Location(List<Object> steps, String path) {

    void replaceIn(JsonNode root, JsonNode replacement) {
      JsonNode parent = root;
      for (Object step : steps.subList(0, steps.size() - 1)) {
        parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
      }
      Object last = steps.get(steps.size() - 1);
      if (last instanceof Integer index) {
        ((ArrayNode) parent).set(index, replacement);
      } else {
        ((ObjectNode) parent).set((String) last, replacement);
      }
    }
  }

  Gen<Location> memberLocations() {
    List<Location> locations = new ArrayList<>();
    collect(Fixtures.tree(CAPTURE), new ArrayList<>(), "", locations);
    return Gens.oneOf(locations);
  }

  private static void collect(JsonNode node, List<Object> steps, String path, List<Location> into) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        List<Object> next = append(steps, member.getKey());
        String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
        into.add(new Location(next, memberPath));
        collect(member.getValue(), next, memberPath, into);
      }
    } else if (node.isArray()) {
      for (int index = 0; index < node.size(); index++) {
        List<Object> next = append(steps, index);
        into.add(new Location(next, path + "[" + index + "]"));
        collect(node.get(index), next, path + "[" + index + "]", into);
      }
    }
  }

  private static List<Object> append(List<Object> steps, Object step) {
    List<Object> next = new ArrayList<>(steps);
    next.add(step);
    return List.copyOf(next);
  }

  Gen<JsonNode> anyJson() {
    return json(4);
  }

  // scalars, and up to depth levels of arrays and objects of up to 3 members around them
  private static Gen<JsonNode> json(int depth) {
    Gen<JsonNode> scalars = Gens.anyOf(
        Gens.constant(NullNode.getInstance()),
        Gens.booleans().map(BooleanNode::valueOf),
        Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE).map(LongNode::valueOf),
        Gens.oneOf("1e999999999", "-1e-999999999", "0.5", "1556906956.318", "1e3", "-0")
            .map(text -> DecimalNode.valueOf(new BigDecimal(text))),
        Gens.<String>anyOf(
                Gens.strings('\u0000', '\uffff', 0, 5),
                Gens.oneOf("2020-10-21T17:51:38.161000+00:00", "BUILD", "", "null"))
            .map(TextNode::valueOf));
    if (depth == 0) {
      return scalars;
    }
    Gen<JsonNode> inner = json(depth - 1);
    Gen<String> names = Gens.oneOf(
        "id", "phases", "startTime", "phaseType", "contexts", "message", "type", "status", "environment",
        "environmentVariables", "subnets", "build", "x");
    Gen<JsonNode> arrays = Gens.lists(inner, 0, 3)
        .map(items -> container(JsonNodeFactory.instance.arrayNode().addAll(items)));
    Gen<JsonNode> objects = Gens.lists(names.zip(inner, Map::entry), 0, 3).map(members -> {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      members.forEach(member -> object.set(member.getKey(), member.getValue()));
      return container(object);
    });
    return Gens.weighted(2, scalars, 1, arrays, 1, objects);
  }

  private static JsonNode container(ContainerNode<?> node) {
    return node;
  }
}
