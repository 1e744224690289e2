package io.buildstop.wire.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The members written straight to a generator, nested objects included, with the tokens {@link TreeMemberWriter}'s
 * tree serialises to; timestamps are written as their digits, without the {@code BigDecimal} the tree holds.
 */
final class StreamMemberWriter extends MemberWriter {

  private final JsonGenerator out;
  private final char[] digits = new char[EpochSeconds.LONGEST_PLAIN];

  StreamMemberWriter(JsonGenerator out) {
    this.out = out;
  }

  @Override
  void putString(String member, String value) {
    try {
      out.writeStringField(member, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  void putJson(String member, JsonNode value) {
    try {
      out.writeFieldName(member);
      // the text the tree's node serialises to; raw, since a caller's generator may have no codec to write a tree
      out.writeRawValue(JsonText.write(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  void putBoolean(String member, boolean value) {
    try {
      out.writeBooleanField(member, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  void putInt(String member, int value) {
    try {
      out.writeFieldName(member);
      out.writeNumber(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  void putLong(String member, long value) {
    try {
      out.writeFieldName(member);
      out.writeNumber(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  void putTimestamp(String member, Instant value) {
    try {
      out.writeFieldName(member);
      out.writeNumber(digits, 0, EpochSeconds.plain(value, digits));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  <T> void putObject(String member, T value, Encoder<T> encoder) {
    try {
      out.writeFieldName(member);
      out.writeStartObject();
      encoder.write(value, this);
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  void putStrings(String member, List<String> items) {
    try {
      out.writeArrayFieldStart(member);
      for (String item : items) {
        out.writeString(item);
      }
      out.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  <T> void putObjects(String member, List<T> items, Encoder<T> encoder) {
    try {
      out.writeArrayFieldStart(member);
      for (T item : items) {
        out.writeStartObject();
        encoder.write(item, this);
        out.writeEndObject();
      }
      out.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
