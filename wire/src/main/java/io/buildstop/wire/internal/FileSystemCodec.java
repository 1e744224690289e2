package io.buildstop.wire.internal;

import io.buildstop.domain.model.ProjectFileSystemLocation;

/** CodeBuild's {@code ProjectFileSystemLocation} shape. */
final class FileSystemCodec {

  private FileSystemCodec() {}

  static MemberWriter encode(ProjectFileSystemLocation location, MemberWriter out) {
    return out
        .string("type", location.typeAsString())
        .string("location", location.location())
        .string("mountPoint", location.mountPoint())
        .string("identifier", location.identifier())
        .string("mountOptions", location.mountOptions());
  }

  static ProjectFileSystemLocation decode(MemberReader in) {
    return ProjectFileSystemLocation.builder()
        .typeAsString(in.string("type"))
        .location(in.string("location"))
        .mountPoint(in.string("mountPoint"))
        .identifier(in.string("identifier"))
        .mountOptions(in.string("mountOptions"))
        .build();
  }
}
