package io.buildstop.wire.internal;

import io.buildstop.domain.model.BuildPhase;
import io.buildstop.domain.model.PhaseContext;

/** CodeBuild's {@code BuildPhase} and {@code PhaseContext} shapes. */
final class PhaseCodec {

  private PhaseCodec() {}

  static MemberWriter encode(BuildPhase phase, MemberWriter out) {
    return out
        .string("phaseType", phase.phaseTypeAsString())
        .string("phaseStatus", phase.phaseStatusAsString())
        .timestamp("startTime", phase.startTime())
        .timestamp("endTime", phase.endTime())
        .int64("durationInSeconds", phase.durationInSeconds())
        .objects("contexts", phase.contexts(), phase.hasContexts(), PhaseCodec::encodeContext);
  }

  static BuildPhase decode(MemberReader in) {
    SentList<PhaseContext> contexts = in.objects("contexts", PhaseCodec::decodeContext);
    return BuildPhase.builder()
        .phaseTypeAsString(in.string("phaseType"))
        .phaseStatusAsString(in.string("phaseStatus"))
        .startTime(in.timestamp("startTime"))
        .endTime(in.timestamp("endTime"))
        .durationInSeconds(in.int64("durationInSeconds"))
        .contexts(contexts.items()).hasContexts(contexts.sent())
        .build();
  }

  private static MemberWriter encodeContext(PhaseContext context, MemberWriter out) {
    return out
        .string("statusCode", context.statusCode())
        .string("message", context.message());
  }

  private static PhaseContext decodeContext(MemberReader in) {
    return PhaseContext.builder()
        .statusCode(in.string("statusCode"))
        .message(in.string("message"))
        .build();
  }
}
