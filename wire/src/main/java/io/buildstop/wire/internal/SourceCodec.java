package io.buildstop.wire.internal;

import io.buildstop.domain.model.BuildStatusConfig;
import io.buildstop.domain.model.GitSubmodulesConfig;
import io.buildstop.domain.model.ProjectSource;
import io.buildstop.domain.model.ProjectSourceVersion;
import io.buildstop.domain.model.SourceAuth;

/**
 * CodeBuild's source shapes: {@code ProjectSource} with its {@code SourceAuth}, {@code GitSubmodulesConfig} and
 * {@code BuildStatusConfig}, and {@code ProjectSourceVersion}.
 */
final class SourceCodec {

  private SourceCodec() {}

  static MemberWriter encode(ProjectSource source, MemberWriter out) {
    return out
        .string("type", source.typeAsString())
        .string("location", source.location())
        .int32("gitCloneDepth", source.gitCloneDepth())
        .object("gitSubmodulesConfig", source.gitSubmodulesConfig(), SourceCodec::encodeSubmodules)
        .string("buildspec", source.buildspec())
        .object("auth", source.auth(), SourceCodec::encodeAuth)
        .bool("reportBuildStatus", source.reportBuildStatus())
        .object("buildStatusConfig", source.buildStatusConfig(), SourceCodec::encodeStatusConfig)
        .bool("insecureSsl", source.insecureSsl())
        .string("sourceIdentifier", source.sourceIdentifier());
  }

  static ProjectSource decode(MemberReader in) {
    return ProjectSource.builder()
        .typeAsString(in.string("type"))
        .location(in.string("location"))
        .gitCloneDepth(in.int32("gitCloneDepth"))
        .gitSubmodulesConfig(in.object("gitSubmodulesConfig", SourceCodec::decodeSubmodules))
        .buildspec(in.string("buildspec"))
        .auth(in.object("auth", SourceCodec::decodeAuth))
        .reportBuildStatus(in.bool("reportBuildStatus"))
        .buildStatusConfig(in.object("buildStatusConfig", SourceCodec::decodeStatusConfig))
        .insecureSsl(in.bool("insecureSsl"))
        .sourceIdentifier(in.string("sourceIdentifier"))
        .build();
  }

  static MemberWriter encodeVersion(ProjectSourceVersion version, MemberWriter out) {
    return out
        .string("sourceIdentifier", version.sourceIdentifier())
        .string("sourceVersion", version.sourceVersion());
  }

  static ProjectSourceVersion decodeVersion(MemberReader in) {
    return ProjectSourceVersion.builder()
        .sourceIdentifier(in.string("sourceIdentifier"))
        .sourceVersion(in.string("sourceVersion"))
        .build();
  }

  private static MemberWriter encodeSubmodules(GitSubmodulesConfig config, MemberWriter out) {
    return out.bool("fetchSubmodules", config.fetchSubmodules());
  }

  private static GitSubmodulesConfig decodeSubmodules(MemberReader in) {
    return GitSubmodulesConfig.builder().fetchSubmodules(in.bool("fetchSubmodules")).build();
  }

  private static MemberWriter encodeAuth(SourceAuth auth, MemberWriter out) {
    return out
        .string("type", auth.typeAsString())
        .string("resource", auth.resource());
  }

  private static SourceAuth decodeAuth(MemberReader in) {
    return SourceAuth.builder()
        .typeAsString(in.string("type"))
        .resource(in.string("resource"))
        .build();
  }

  private static MemberWriter encodeStatusConfig(BuildStatusConfig config, MemberWriter out) {
    return out
        .string("context", config.context())
        .string("targetUrl", config.targetUrl());
  }

  private static BuildStatusConfig decodeStatusConfig(MemberReader in) {
    return BuildStatusConfig.builder()
        .context(in.string("context"))
        .targetUrl(in.string("targetUrl"))
        .build();
  }
}
