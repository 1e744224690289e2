package io.buildstop.wire.internal;

import io.buildstop.domain.model.AutoRetryConfig;
import io.buildstop.domain.model.DebugSession;
import io.buildstop.domain.model.ExportedEnvironmentVariable;

/**
 * The shapes that describe one run rather than the project's configuration: {@code ExportedEnvironmentVariable},
 * {@code DebugSession} and {@code AutoRetryConfig}.
 */
final class RunCodec {

  private RunCodec() {}

  static MemberWriter encodeExported(ExportedEnvironmentVariable variable, MemberWriter out) {
    return out
        .string("name", variable.name())
        .string("value", variable.value());
  }

  static ExportedEnvironmentVariable decodeExported(MemberReader in) {
    return ExportedEnvironmentVariable.builder()
        .name(in.string("name"))
        .value(in.uniqueString("value"))
        .build();
  }

  static MemberWriter encodeDebugSession(DebugSession session, MemberWriter out) {
    return out
        .bool("sessionEnabled", session.sessionEnabled())
        .string("sessionTarget", session.sessionTarget());
  }

  static DebugSession decodeDebugSession(MemberReader in) {
    return DebugSession.builder()
        .sessionEnabled(in.bool("sessionEnabled"))
        .sessionTarget(in.uniqueString("sessionTarget"))
        .build();
  }

  static MemberWriter encodeAutoRetry(AutoRetryConfig config, MemberWriter out) {
    return out
        .int32("autoRetryLimit", config.autoRetryLimit())
        .int32("autoRetryNumber", config.autoRetryNumber())
        .string("nextAutoRetry", config.nextAutoRetry())
        .string("previousAutoRetry", config.previousAutoRetry());
  }

  static AutoRetryConfig decodeAutoRetry(MemberReader in) {
    return AutoRetryConfig.builder()
        .autoRetryLimit(in.int32("autoRetryLimit"))
        .autoRetryNumber(in.int32("autoRetryNumber"))
        .nextAutoRetry(in.uniqueString("nextAutoRetry"))
        .previousAutoRetry(in.uniqueString("previousAutoRetry"))
        .build();
  }
}
