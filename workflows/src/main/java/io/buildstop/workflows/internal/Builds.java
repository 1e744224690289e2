package io.buildstop.workflows.internal;

import io.buildstop.domain.BuildId;
import io.buildstop.domain.model.Build;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the workflows ask of a build: its id, each once. */
public final class Builds {
  private Builds() {}

  /** The build's id, if it has one that parses. */
  public static Optional<BuildId> idOf(Build build) {
    return build.id().flatMap(id -> BuildId.parse(id).toJavaOptional());
  }

  /** The builds with a valid id, each id once (the first occurrence), in their order. */
  public static List<Build> distinctById(List<Build> builds) {
    Map<BuildId, Build> byId = new LinkedHashMap<>();
    for (Build build : builds) {
      idOf(build).ifPresent(id -> byId.putIfAbsent(id, build));
    }
    return new ArrayList<>(byId.values());
  }
}
