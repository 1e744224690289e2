package io.buildstop.domain;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about the cache for the build project.
 *
 * <p>Mirrors CodeBuild's {@code ProjectCache} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class ProjectCache implements WithProjectCache {

  /** The type of cache used by the build project. Typed view of {@link #typeAsString()}: {@link CacheType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<CacheType> type() {
    return typeAsString().map(CacheType::fromValue);
  }

  /** The raw type exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> typeAsString();

  /** Information about the cache location: NO_CACHE or LOCAL : This value is ignored. Empty when CodeBuild did not send it. */
  public abstract Optional<String> location();

  /** An array of strings that specify the local cache modes. Typed view of {@link #modesAsStrings()}. */
  public final List<CacheMode> modes() {
    return modesAsStrings().stream().map(CacheMode::fromValue).toList();
  }

  /** The raw modes exactly as CodeBuild sent them; empty when absent. */
  public abstract List<String> modesAsStrings();

  /** Whether CodeBuild sent modes, even as an empty list. */
  @Value.Default
  public boolean hasModes() {
    return !modesAsStrings().isEmpty();
  }

  /** Defines the scope of the cache. Empty when CodeBuild did not send it. */
  public abstract Optional<String> cacheNamespace();

  /** A copy with type set to a value this version knows. */
  public final ProjectCache withType(CacheType value) {
    return withTypeAsString(value.wireValue());
  }

  // A list that holds elements was sent, whatever the flag says: keeps with*-copies consistent.
  @Value.Check
  ProjectCache normalizePresence() {
    if ((!hasModes() && !modesAsStrings().isEmpty())) {
      return builder().from(this)
        .hasModes(hasModes() || !modesAsStrings().isEmpty())
        .build();
    }
    return this;
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProjectCache}. */
  public static final class Builder extends ImmutableProjectCache.Builder {
    /** Sets type to a value this version knows; use {@code typeAsString} for any other. */
    public Builder type(CacheType value) {
      return typeAsString(value.wireValue());
    }

    /** Adds modes that this version knows; use {@code addModesAsStrings} for any other. */
    public Builder addModes(CacheMode... values) {
      for (CacheMode value : values) {
        addModesAsStrings(value.wireValue());
      }
      return this;
    }

  }
}
