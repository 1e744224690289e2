package io.buildstop.wire.internal;

import io.buildstop.domain.model.ProjectCache;

/** CodeBuild's {@code ProjectCache} shape; its modes travel as raw strings, so unknown modes survive. */
final class CacheCodec {

  private CacheCodec() {}

  static MemberWriter encode(ProjectCache cache, MemberWriter out) {
    return out
        .string("type", cache.typeAsString())
        .string("location", cache.location())
        .strings("modes", cache.modesAsStrings(), cache.hasModes())
        .string("cacheNamespace", cache.cacheNamespace());
  }

  static ProjectCache decode(MemberReader in) {
    SentList<String> modes = in.strings("modes");
    return ProjectCache.builder()
        .typeAsString(in.string("type"))
        .location(in.string("location"))
        .modesAsStrings(modes.items()).hasModes(modes.sent())
        .cacheNamespace(in.string("cacheNamespace"))
        .build();
  }
}
