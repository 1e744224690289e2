package io.buildstop.wire.internal;

import io.buildstop.domain.model.CloudWatchLogsConfig;
import io.buildstop.domain.model.LogsLocation;
import io.buildstop.domain.model.S3LogsConfig;

/** CodeBuild's {@code LogsLocation} with its {@code CloudWatchLogsConfig} and {@code S3LogsConfig}. */
final class LogsCodec {

  private LogsCodec() {}

  static MemberWriter encode(LogsLocation logs, MemberWriter out) {
    return out
        .string("groupName", logs.groupName())
        .string("streamName", logs.streamName())
        .string("deepLink", logs.deepLink())
        .string("s3DeepLink", logs.s3DeepLink())
        .string("cloudWatchLogsArn", logs.cloudWatchLogsArn())
        .string("s3LogsArn", logs.s3LogsArn())
        .object("cloudWatchLogs", logs.cloudWatchLogs(), LogsCodec::encodeCloudWatch)
        .object("s3Logs", logs.s3Logs(), LogsCodec::encodeS3);
  }

  static LogsLocation decode(MemberReader in) {
    return LogsLocation.builder()
        .groupName(in.string("groupName"))
        .streamName(in.uniqueString("streamName"))
        .deepLink(in.uniqueString("deepLink"))
        .s3DeepLink(in.uniqueString("s3DeepLink"))
        .cloudWatchLogsArn(in.uniqueString("cloudWatchLogsArn"))
        .s3LogsArn(in.uniqueString("s3LogsArn"))
        .cloudWatchLogs(in.object("cloudWatchLogs", LogsCodec::decodeCloudWatch))
        .s3Logs(in.object("s3Logs", LogsCodec::decodeS3))
        .build();
  }

  private static MemberWriter encodeCloudWatch(CloudWatchLogsConfig config, MemberWriter out) {
    return out
        .string("status", config.statusAsString())
        .string("groupName", config.groupName())
        .string("streamName", config.streamName());
  }

  private static CloudWatchLogsConfig decodeCloudWatch(MemberReader in) {
    return CloudWatchLogsConfig.builder()
        .statusAsString(in.string("status"))
        .groupName(in.string("groupName"))
        .streamName(in.string("streamName"))
        .build();
  }

  private static MemberWriter encodeS3(S3LogsConfig config, MemberWriter out) {
    return out
        .string("status", config.statusAsString())
        .string("location", config.location())
        .bool("encryptionDisabled", config.encryptionDisabled())
        .string("bucketOwnerAccess", config.bucketOwnerAccessAsString());
  }

  private static S3LogsConfig decodeS3(MemberReader in) {
    return S3LogsConfig.builder()
        .statusAsString(in.string("status"))
        .location(in.string("location"))
        .encryptionDisabled(in.bool("encryptionDisabled"))
        .bucketOwnerAccessAsString(in.string("bucketOwnerAccess"))
        .build();
  }
}
