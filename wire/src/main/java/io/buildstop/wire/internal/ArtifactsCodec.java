package io.buildstop.wire.internal;

import io.buildstop.domain.model.BuildArtifacts;

/** CodeBuild's {@code BuildArtifacts} shape, used for both the primary and the secondary artifacts. */
final class ArtifactsCodec {

  private ArtifactsCodec() {}

  static MemberWriter encode(BuildArtifacts artifacts, MemberWriter out) {
    return out
        .string("location", artifacts.location())
        .string("sha256sum", artifacts.sha256sum())
        .string("md5sum", artifacts.md5sum())
        .bool("overrideArtifactName", artifacts.overrideArtifactName())
        .bool("encryptionDisabled", artifacts.encryptionDisabled())
        .string("artifactIdentifier", artifacts.artifactIdentifier())
        .string("bucketOwnerAccess", artifacts.bucketOwnerAccessAsString());
  }

  static BuildArtifacts decode(MemberReader in) {
    return BuildArtifacts.builder()
        .location(in.string("location"))
        .sha256sum(in.uniqueString("sha256sum"))
        .md5sum(in.uniqueString("md5sum"))
        .overrideArtifactName(in.bool("overrideArtifactName"))
        .encryptionDisabled(in.bool("encryptionDisabled"))
        .artifactIdentifier(in.string("artifactIdentifier"))
        .bucketOwnerAccessAsString(in.string("bucketOwnerAccess"))
        .build();
  }
}
