package io.buildstop.domain.events;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code artifact} of a build event's {@code additional-information}: {@code location}, {@code md5sum}, {@code
 * sha256sum}.
 *
 * <p>Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class EventArtifact implements WithEventArtifact {

  /** {@code md5sum}. */
  public abstract Optional<String> md5sum();

  /** {@code sha256sum}. */
  public abstract Optional<String> sha256sum();

  /** {@code location}: the artifact's S3 ARN. */
  public abstract Optional<String> location();

  /** Members this version does not model, by name, each as its JSON text. */
  public abstract Map<String, String> otherMembers();

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link EventArtifact}. */
  public static final class Builder extends ImmutableEventArtifact.Builder {
  }
}
