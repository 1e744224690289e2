package io.buildstop.server.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The body of an answer, written when it is sent: a build's answer streams straight from the model, without a tree
 * in between ({@code wire}'s {@code write} methods); the rest are small trees.
 */
@FunctionalInterface
public interface Reply {
  /** Writes the body, one JSON object, to {@code out}. */
  void writeTo(JsonGenerator out) throws IOException;

  /** A body that is this tree. */
  static Reply of(ObjectNode body) {
    return out -> Json.writeTree(out, body);
  }
}
