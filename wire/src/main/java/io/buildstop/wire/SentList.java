package io.buildstop.wire;

import java.util.List;

/**
 * A list member as read from the wire: its items, and whether the member was there at all, since CodeBuild's
 * {@code []} and an absent member are different answers (the model's {@code has*} flags).
 *
 * @param items the items, empty when the member was absent or {@code []}
 * @param sent whether the member was in the document, even as {@code []}
 */
public record SentList<T>(List<T> items, boolean sent) {

  static <T> SentList<T> absent() {
    return new SentList<>(List.of(), false);
  }
}
