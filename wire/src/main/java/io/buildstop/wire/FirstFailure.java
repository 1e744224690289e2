package io.buildstop.wire;

import java.util.Optional;

/**
 * The first problem one reading meets. Once it holds one, every read answers "absent", so a reader's caller reads
 * its members in a straight line and looks here once at the end. A problem is kept in both of the styles it may be
 * reported in: a {@link WireError} for a decoded response, an {@link InvalidMember} for a validated request.
 */
final class FirstFailure {

  private WireError error;
  private InvalidMember invalid;

  <T> Optional<T> fail(WireError wireError, InvalidMember invalidMember) {
    if (error == null) {
      error = wireError;
      invalid = invalidMember;
    }
    return Optional.empty();
  }

  boolean happened() {
    return error != null;
  }

  Optional<WireError> error() {
    return Optional.ofNullable(error);
  }

  Optional<InvalidMember> invalid() {
    return Optional.ofNullable(invalid);
  }
}
