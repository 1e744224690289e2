package io.buildstop.server.internal;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ARNs the server names things by, in its region and account (spec §2). */
public final class Arns {
  /** CodeBuild's project-name pattern, from the service model's {@code ProjectName} shape. */
  public static final Pattern PROJECT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-_]{1,149}");

  private static final Pattern PROJECT_ARN =
      Pattern.compile("arn:aws[a-z-]*:codebuild:[a-z0-9-]+:[0-9]{12}:project/(.+)");

  private final String region;
  private final String accountId;

  /** ARNs in this region and account. */
  public Arns(String region, String accountId) {
    this.region = Objects.requireNonNull(region, "region");
    this.accountId = Objects.requireNonNull(accountId, "accountId");
  }

  /** The region ARNs name. */
  public String region() {
    return region;
  }

  /** The account ARNs name. */
  public String accountId() {
    return accountId;
  }

  /** {@code arn:aws:codebuild:<region>:<account>:project/<name>}. */
  public String project(String name) {
    return "arn:aws:codebuild:" + region + ":" + accountId + ":project/" + name;
  }

  /** The AWS-managed S3 key CodeBuild encrypts artifacts with by default. */
  public String defaultEncryptionKey() {
    return "arn:aws:kms:" + region + ":" + accountId + ":alias/aws/s3";
  }

  /** {@code arn:aws:logs:<region>:<account>:log-group:<group>:log-stream:<stream>}. */
  public String logStream(String group, String stream) {
    return "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + group + ":log-stream:" + stream;
  }

  /** The project name a name or a project ARN stands for. */
  public static String projectName(String nameOrArn) {
    Matcher arn = PROJECT_ARN.matcher(nameOrArn);
    return arn.matches() ? arn.group(1) : nameOrArn;
  }
}
