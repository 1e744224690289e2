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
import io.buildstop.domain.Build;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a server sends, decoding answers with a build or a WireError, never with an exception. */
class DamagedResponsesTest {

  private static final String CAPTURE = Fixtures.text(Fixtures.STOP_BUILD);

  @Property
  void anyTextIsABuildOrAWireError(@ForAll String text) {
    Either<WireError, Build> decoded = StopBuildResponseJson.decode(text);

    assertThat(decoded).isNotNull();
  }

  @Property
  void aCaptureWithACharacterChangedIsABuildOrAWireError(@ForAll("damagedCaptures") String text) {
    Either<WireError, Build> decoded = StopBuildResponseJson.decode(text);

    decoded.swap().forEach(error -> assertThat(error.path()).matches("\\$|build.*"));
  }

  @Property
  void anyJsonInPlaceOfAMemberIsReadOrReportedAtThatMember(
      @ForAll("memberLocations") Location location, @ForAll("anyJson") JsonNode replacement) {
    ObjectNode response = (ObjectNode) Fixtures.tree(CAPTURE);
    location.replaceIn(response, replacement);

    Either<WireError, Build> decoded = StopBuildResponseJson.decode(response);

    decoded.swap().forEach(error -> assertThat(error.path()).satisfiesAnyOf(
        path -> assertThat(path).isEqualTo(location.path()),
        path -> assertThat(path).startsWith(location.path() + "."),
        path -> assertThat(path).startsWith(location.path() + "[")));
  }

  @Provide
  Arbitrary<String> damagedCaptures() {
    Arbitrary<Integer> positions = Arbitraries.integers().between(0, CAPTURE.length() - 1);
    Arbitrary<Character> characters = Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '\\', '0', '.', 'e', 'n', ' ');
    Arbitrary<String> replaced = Combinators.combine(positions, characters)
        .as((at, character) -> CAPTURE.substring(0, at) + character + CAPTURE.substring(at + 1));
    Arbitrary<String> removed = positions.map(at -> CAPTURE.substring(0, at) + CAPTURE.substring(at + 1));
    Arbitrary<String> cut = positions.map(at -> CAPTURE.substring(0, at));
    return Arbitraries.oneOf(List.of(replaced, removed, cut));
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

  @Provide
  Arbitrary<Location> memberLocations() {
    List<Location> locations = new ArrayList<>();
    collect(Fixtures.tree(CAPTURE), new ArrayList<>(), "", locations);
    return Arbitraries.of(locations);
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

  @Provide
  Arbitrary<JsonNode> anyJson() {
    Arbitrary<JsonNode> scalars = Arbitraries.oneOf(List.of(
        Arbitraries.just(NullNode.getInstance()),
        Arbitraries.of(true, false).map(BooleanNode::valueOf),
        Arbitraries.longs().map(LongNode::valueOf),
        Arbitraries.of("1e999999999", "-1e-999999999", "0.5", "1556906956.318", "1e3", "-0")
            .map(text -> DecimalNode.valueOf(new BigDecimal(text))),
        Arbitraries.oneOf(List.of(
            Arbitraries.strings().ofMaxLength(5),
            Arbitraries.of("2020-10-21T17:51:38.161000+00:00", "BUILD", "", "null")))
            .map(TextNode::valueOf)));
    Arbitrary<String> names = Arbitraries.of(
        "id", "phases", "startTime", "phaseType", "contexts", "message", "type", "status", "environment",
        "environmentVariables", "subnets", "build", "x");
    return Arbitraries.recursive(() -> scalars, inner -> Arbitraries.oneOf(List.of(
        inner,
        inner.list().ofMaxSize(3).map(items -> container(JsonNodeFactory.instance.arrayNode().addAll(items))),
        Arbitraries.maps(names, inner).ofMaxSize(3).map(members -> container(
            JsonNodeFactory.instance.objectNode().setAll(members))))), 0, 4);
  }

  private static JsonNode container(ContainerNode<?> node) {
    return node;
  }
}
