package io.buildstop.wire.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes the members of one JSON object by their CodeBuild names, in the order they are written. An absent member
 * is left out, never written as {@code null}; a list is written, even as {@code []}, exactly when it was sent.
 *
 * <p>Each codec lists its shape's members once, against this class; where they go is the subclass's business: a
 * Jackson tree ({@link #tree}) for the tree-returning API, or straight to a {@link JsonGenerator} ({@link #stream})
 * for text, without a tree in between. Not an API.
 */
public abstract class MemberWriter {

  /** How one shape's members are written: a codec's {@code encode}. */
  @FunctionalInterface
  public interface Encoder<T> {
    /** Writes the members of {@code value} to {@code out}; returns {@code out}. */
    MemberWriter write(T value, MemberWriter out);
  }

  MemberWriter() {}

  /** {@code value} as a new object tree. */
  public static <T> ObjectNode tree(T value, Encoder<T> encoder) {
    TreeMemberWriter writer = new TreeMemberWriter();
    encoder.write(value, writer);
    return writer.node();
  }

  /**
   * Writes {@code value} as one object at the generator's current position, the same text that {@link #tree}'s
   * object serialises to.
   *
   * @throws IOException when the generator's output fails
   */
  public static <T> void stream(T value, Encoder<T> encoder, JsonGenerator out) throws IOException {
    try {
      out.writeStartObject();
      encoder.write(value, new StreamMemberWriter(out));
      out.writeEndObject();
    } catch (UncheckedIOException e) {
      // the encoders' chains cannot throw checked exceptions, so the generator's travel through them unchecked
      throw e.getCause();
    }
  }

  /** Writes a string member when present. */
  public final MemberWriter string(String member, Optional<String> value) {
    if (value.isPresent()) {
      putString(member, value.get());
    }
    return this;
  }

  /** Writes a boolean member when present. */
  public final MemberWriter bool(String member, Optional<Boolean> value) {
    if (value.isPresent()) {
      putBoolean(member, value.get());
    }
    return this;
  }

  /** Writes an integer member when present. */
  public final MemberWriter int32(String member, Optional<Integer> value) {
    if (value.isPresent()) {
      putInt(member, value.get());
    }
    return this;
  }

  /** Writes a long member when present. */
  public final MemberWriter int64(String member, Optional<Long> value) {
    if (value.isPresent()) {
      putLong(member, value.get());
    }
    return this;
  }

  /** Writes a timestamp member when present, as epoch seconds the way AWS prints them. */
  public final MemberWriter timestamp(String member, Optional<Instant> value) {
    if (value.isPresent()) {
      putTimestamp(member, value.get());
    }
    return this;
  }

  /** Writes a structure member when present. */
  public final <T> MemberWriter object(String member, Optional<T> value, Encoder<T> encoder) {
    if (value.isPresent()) {
      putObject(member, value.get(), encoder);
    }
    return this;
  }

  /** Writes a list-of-strings member when it was sent. */
  public final MemberWriter strings(String member, List<String> items, boolean sent) {
    if (sent || !items.isEmpty()) {
      putStrings(member, items);
    }
    return this;
  }

  /** Writes a list-of-structures member when it was sent. */
  public final <T> MemberWriter objects(String member, List<T> items, boolean sent, Encoder<T> encoder) {
    if (sent || !items.isEmpty()) {
      putObjects(member, items, encoder);
    }
    return this;
  }

  /**
   * Writes a member given as JSON text (a member a codec keeps without modelling it), as the compact text of the
   * value it holds.
   *
   * @throws IllegalArgumentException if {@code text} is not one JSON value
   */
  public final MemberWriter json(String member, String text) {
    putJson(member, JsonText.parse(text).getOrElseThrow(
        error -> new IllegalArgumentException("member " + member + " is not JSON text: " + error.problem())));
    return this;
  }

  abstract void putString(String member, String value);

  abstract void putJson(String member, JsonNode value);

  abstract void putBoolean(String member, boolean value);

  abstract void putInt(String member, int value);

  abstract void putLong(String member, long value);

  abstract void putTimestamp(String member, Instant value);

  abstract <T> void putObject(String member, T value, Encoder<T> encoder);

  abstract void putStrings(String member, List<String> items);

  abstract <T> void putObjects(String member, List<T> items, Encoder<T> encoder);
}
