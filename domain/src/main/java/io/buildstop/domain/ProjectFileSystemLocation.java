package io.buildstop.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Information about a file system created by Amazon Elastic File System (EFS). For more information, see What Is Amazon Elastic File System?.
 *
 * <p>Mirrors CodeBuild's {@code ProjectFileSystemLocation} shape. Immutable; no accessor returns null.
 */
@Value.Immutable
public abstract class ProjectFileSystemLocation implements WithProjectFileSystemLocation {

  /** The type of the file system. Typed view of {@link #typeAsString()}: {@link FileSystemType#UNKNOWN_TO_SDK_VERSION} for a value this version does not know. */
  public final Optional<FileSystemType> type() {
    return typeAsString().map(FileSystemType::fromValue);
  }

  /** The raw type exactly as CodeBuild sent it, known to this version or not. */
  public abstract Optional<String> typeAsString();

  /** A string that specifies the location of the file system created by Amazon EFS. Its format is efs-dns-name:/directory-path . You can find the DNS name of file system when you view it in the Amazon EFS console. Empty when CodeBuild did not send it. */
  public abstract Optional<String> location();

  /** The location in the container where you mount the file system. Empty when CodeBuild did not send it. */
  public abstract Optional<String> mountPoint();

  /** The name used to access a file system created by Amazon EFS. CodeBuild creates an environment variable by appending the identifier in all capital letters to CODEBUILD_ . For example, if you specify my_efs for identifier , a new environment variable is create named CODEBUILD_MY_EFS . The identifier is used to mount your file system. Empty when CodeBuild did not send it. */
  public abstract Optional<String> identifier();

  /** The mount options for a file system created by Amazon EFS. The default mount options used by CodeBuild are nfsvers=4.1,rsize=1048576,wsize=1048576,hard,timeo=600,retrans=2 . For more information, see Recommended NFS Mount Options . Empty when CodeBuild did not send it. */
  public abstract Optional<String> mountOptions();

  /** A copy with type set to a value this version knows. */
  public final ProjectFileSystemLocation withType(FileSystemType value) {
    return withTypeAsString(value.wireValue());
  }

  /** A new builder; every member is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProjectFileSystemLocation}. */
  public static final class Builder extends ImmutableProjectFileSystemLocation.Builder {
    /** Sets type to a value this version knows; use {@code typeAsString} for any other. */
    public Builder type(FileSystemType value) {
      return typeAsString(value.wireValue());
    }

  }
}
