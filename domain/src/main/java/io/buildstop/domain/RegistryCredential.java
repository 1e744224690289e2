package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about credentials that provide access to a private Docker registry. When this is set: imagePullCredentialsType must be set to SERVICE_ROLE . images cannot be curated or an Amazon ECR image.
 *
 * <p>Mirrors CodeBuild's {@code RegistryCredential} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class RegistryCredential implements WithRegistryCredential {

  /** The Amazon Resource Name (ARN) or name of credentials created using Secrets Manager. Empty when CodeBuild did not send it. */
  @Value.Redacted
  public abstract Optional<String> credential();

  /** The service that created the credentials to access a private Docker registry. Typed view of {@link #credentialProviderAsString()}: {@link CredentialProviderType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<CredentialProviderType> credentialProvider() {
    return credentialProviderAsString().map(CredentialProviderType::fromValue);
  }

  /** The raw credentialProvider exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> credentialProviderAsString();

  /** A copy with credentialProvider set to a value this version knows. */
  public final RegistryCredential withCredentialProvider(CredentialProviderType value) {
    return withCredentialProviderAsString(value.wireValue());
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RegistryCredential}. */
  public static final class Builder extends ImmutableRegistryCredential.Builder {
    /** Sets credentialProvider to a value this version knows; use {@code credentialProviderAsString} for any other. */
    public Builder credentialProvider(CredentialProviderType value) {
      return credentialProviderAsString(value.wireValue());
    }

  }
}
