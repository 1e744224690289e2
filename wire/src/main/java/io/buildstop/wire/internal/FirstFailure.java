package io.buildstop.wire.internal;

import io.buildstop.wire.WireError;
import java.util.Optional;

/**
 * The first problem one decoding meets. Once it holds one, every read answers "absent", so a decoder reads its
 * members in a straight line and the caller looks here once at the end.
 */
final class FirstFailure {

  private WireError first;

  <T> Optional<T> fail(String path, String problem) {
    if (first == null) {
      first = new WireError(path, problem);
    }
    return Optional.empty();
  }

  boolean happened() {
    return first != null;
  }

  Optional<WireError> error() {
    return Optional.ofNullable(first);
  }
}
