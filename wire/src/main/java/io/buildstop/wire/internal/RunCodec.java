package io.buildstop.wire.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.buildstop.domain.AutoRetryConfig;
import io.buildstop.domain.DebugSession;
import io.buildstop.domain.ExportedEnvironmentVariable;

/**
 * The shapes that describe one run rather than the project's configuration: {@code ExportedEnvironmentVariable},
 * {@code DebugSession} and {@code AutoRetryConfig}.
 */
final class RunCodec {

  private RunCodec() {}

  static ObjectNode encodeExported(ExportedEnvironmentVariable variable) {
    return MemberWriter.create()
        .string("name", variable.name())
        .string("value", variable.value())
        .node();
  }

  static ExportedEnvironmentVariable decodeExported(MemberReader in) {
    return ExportedEnvironmentVariable.builder()
        .name(in.string("name"))
        .value(in.string("value"))
        .build();
  }

  static ObjectNode encodeDebugSession(DebugSession session) {
    return MemberWriter.create()
        .bool("sessionEnabled", session.sessionEnabled())
        .string("sessionTarget", session.sessionTarget())
        .node();
  }

  static DebugSession decodeDebugSession(MemberReader in) {
    return DebugSession.builder()
        .sessionEnabled(in.bool("sessionEnabled"))
        .sessionTarget(in.uniqueString("sessionTarget"))
        .build();
  }

  static ObjectNode encodeAutoRetry(AutoRetryConfig config) {
    return MemberWriter.create()
        .int32("autoRetryLimit", config.autoRetryLimit())
        .int32("autoRetryNumber", config.autoRetryNumber())
        .string("nextAutoRetry", config.nextAutoRetry())
        .string("previousAutoRetry", config.previousAutoRetry())
        .node();
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
