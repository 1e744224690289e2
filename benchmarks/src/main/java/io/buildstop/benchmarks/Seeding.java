package io.buildstop.benchmarks;

import io.buildstop.domain.model.Build;
import io.buildstop.domain.model.BuildPhaseType;
import io.buildstop.memory.InMemoryCodeBuild;
import io.buildstop.wire.WireCodec;
import java.util.UUID;

/** Builds to seed: running ones as the in-memory backend starts them, and the typical stopped build of the capture. */
public final class Seeding {
  /** The project every seeded build belongs to. */
  public static final String PROJECT = "bench-project";

  private Seeding() {}

  /** A running build in its BUILD phase, as the in-memory backend makes one: the template for seeded builds. */
  public static Build runningTemplate() {
    return InMemoryCodeBuild.create().startBuildInPhase(PROJECT, BuildPhaseType.BUILD).get();
  }

  /** The build of the captured stop-build response: the typical build's shape. */
  public static Build capturedStoppedBuild() {
    return WireCodec.STOP_BUILD_RESPONSE.decode(Fixtures.read(Fixtures.STOP_BUILD))
        .getOrElseThrow(error -> new IllegalStateException("the stop-build capture does not decode: " + error));
  }

  /** A new id in {@link #PROJECT}. */
  public static String newId() {
    return PROJECT + ":" + UUID.randomUUID();
  }

  /** {@code template} under another id (and the ARN naming it); everything else shared with the template. */
  public static Build withId(Build template, String id) {
    return template.withId(id).withArn("arn:aws:codebuild:us-east-1:123456789012:build/" + id);
  }

  /** {@code count} new ids. */
  public static String[] newIds(int count) {
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = newId();
    }
    return ids;
  }
}
