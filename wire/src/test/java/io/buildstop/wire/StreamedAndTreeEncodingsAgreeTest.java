package io.buildstop.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.buildstop.domain.model.Build;
import io.buildstop.testkit.generators.BuildGenerators;
import io.buildstop.testkit.generators.ValueGenerators;
import io.buildstop.testkit.properties.Gens;
import io.buildstop.testkit.properties.Property;
import io.vavr.control.Either;
import io.vavr.control.Try;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code write} methods stream the very text of the {@code encode} trees: as UTF-8 bytes (what a server sends)
 * and as characters (what {@code encodeToString} returns), for any build, so that neither path can drift from the
 * other. Strings that UTF-8 cannot carry (a lone surrogate) must fail, or not, the same way on both paths.
 */
class StreamedAndTreeEncodingsAgreeTest {

  // the tree's timestamps are BigDecimals; AWS prints them plain, never as 1E-9
  private static final JsonMapper TREE_TEXT = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  @FunctionalInterface
  private interface Streamed {
    void writeTo(JsonGenerator out) throws IOException;
  }

  @Test
  void aStreamedBuildIsTheTextOfItsTree() {
    Property.tries(1000).forAll(BuildGenerators.anyBuilds(), build -> {
      assertAgree(WireCodec.BUILD.encode(build), out -> WireCodec.BUILD.write(build, out));
      assertThat(Try.of(() -> WireCodec.BUILD.encodeToString(build)).toEither().mapLeft(Object::getClass))
          .isEqualTo(charsOf(WireCodec.BUILD.encode(build)));
    });
  }

  @Test
  void aStreamedStopBuildResponseIsTheTextOfItsTree() {
    Property.tries(1000).forAll(BuildGenerators.anyBuilds(), build -> {
      assertAgree(WireCodec.STOP_BUILD_RESPONSE.encode(build), out -> WireCodec.STOP_BUILD_RESPONSE.write(build, out));
      assertThat(Try.of(() -> WireCodec.STOP_BUILD_RESPONSE.encodeToString(build)).toEither().mapLeft(Object::getClass))
          .isEqualTo(charsOf(WireCodec.STOP_BUILD_RESPONSE.encode(build)));
    });
  }

  @Test
  void aStreamedBuildBatchIsTheTextOfItsTree() {
    Property.tries(500).forAll(ValueGenerators.buildBatches(), batch -> {
      assertAgree(WireCodec.BUILD_BATCH.encode(batch), out -> WireCodec.BUILD_BATCH.write(batch, out));
      assertThat(Try.of(() -> WireCodec.BUILD_BATCH.encodeToString(batch)).toEither().mapLeft(Object::getClass))
          .isEqualTo(charsOf(WireCodec.BUILD_BATCH.encode(batch)));
    });
  }

  @Test
  void aStreamedBatchGetBuildsResponseIsTheTextOfItsTree() {
    Property.tries(200).forAll(
        Gens.lists(BuildGenerators.anyBuilds(), 0, 3), Gens.booleans(), Gens.lists(Gens.anyStrings(), 0, 3), Gens.booleans(),
        (builds, hasBuilds, notFound, hasNotFound) -> {
      BatchGetBuildsResponse response = new BatchGetBuildsResponse(builds, hasBuilds, notFound, hasNotFound);

      assertAgree(WireCodec.BATCH_GET_BUILDS_RESPONSE.encode(response), out -> WireCodec.BATCH_GET_BUILDS_RESPONSE.write(response, out));
      assertThat(Try.of(() -> WireCodec.BATCH_GET_BUILDS_RESPONSE.encodeToString(response)).toEither()
          .mapLeft(Object::getClass)).isEqualTo(charsOf(WireCodec.BATCH_GET_BUILDS_RESPONSE.encode(response)));
    });
  }

  @Test
  void aStreamedTimestampIsTheTreesDecimalToTheNanosecondAnywhereInItsRange() {
    Property.tries(1000).forAll(
        Gens.longs(-31_557_014_167_219_200L, 31_556_889_864_403_199L), Gens.ints(0, 999_999_999),
        (epochSecond, nano) -> {
      Build build = Build.builder().startTime(Instant.ofEpochSecond(epochSecond, nano)).build();

      assertAgree(WireCodec.BUILD.encode(build), out -> WireCodec.BUILD.write(build, out));
    });
  }

  @Test
  void theTimestampsAtTheEdgesAreStreamedAsTheTreeWritesThem() {
    for (Instant instant : new Instant[] {Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.ofEpochSecond(0, 1),
        Instant.ofEpochSecond(-1, 999_999_999), Instant.ofEpochSecond(-1), Instant.ofEpochSecond(-1, 1),
        Instant.ofEpochSecond(1556906950), Instant.ofEpochMilli(1556906956318L), Instant.ofEpochMilli(-1),
        Instant.ofEpochSecond(Instant.MIN.getEpochSecond(), 1), Instant.ofEpochSecond(0, 100_000_000)}) {
      Build build = Build.builder().startTime(instant).endTime(instant).build();

      assertAgree(WireCodec.BUILD.encode(build), out -> WireCodec.BUILD.write(build, out));
    }
  }

  @Test
  void aWriteAddsToTheGeneratorWithoutClosingIt() throws IOException {
    Build build = Build.builder().id("p:1").startTime(Instant.ofEpochMilli(1556906973750L)).build();
    StringWriter text = new StringWriter();

    try (JsonGenerator out = TREE_TEXT.createGenerator(text)) {
      out.writeStartArray();
      WireCodec.BUILD.write(build, out);
      WireCodec.STOP_BUILD_RESPONSE.write(build, out);
      assertThat(out.isClosed()).isFalse();
      out.writeEndArray();
    }

    assertThat(text.toString())
        .isEqualTo("[{\"id\":\"p:1\",\"startTime\":1556906973.75},{\"build\":{\"id\":\"p:1\",\"startTime\":1556906973.75}}]");
  }

  private static void assertAgree(JsonNode tree, Streamed streamed) {
    assertThat(bytesOf(streamed)).isEqualTo(bytesOf(tree));
  }

  // the bytes, or the class of what stopped them: a lone surrogate fails a UTF-8 generator
  private static Either<Class<?>, String> bytesOf(JsonNode tree) {
    return Try.of(() -> TREE_TEXT.writeValueAsBytes(tree)).map(StreamedAndTreeEncodingsAgreeTest::byteForByte)
        .toEither().mapLeft(Object::getClass);
  }

  private static Either<Class<?>, String> bytesOf(Streamed streamed) {
    return Try.of(() -> {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (JsonGenerator out = TREE_TEXT.createGenerator(bytes)) {
        streamed.writeTo(out);
      }
      return bytes.toByteArray();
    }).map(StreamedAndTreeEncodingsAgreeTest::byteForByte).toEither().mapLeft(Object::getClass);
  }

  private static Either<Class<?>, String> charsOf(JsonNode tree) {
    return Try.of(() -> TREE_TEXT.writeValueAsString(tree)).toEither().mapLeft(Object::getClass);
  }

  // ISO-8859-1 maps each byte to one char: byte-exact, and AssertJ shows a difference as text
  private static String byteForByte(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
