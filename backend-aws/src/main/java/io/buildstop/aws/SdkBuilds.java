package io.buildstop.aws;

import io.buildstop.aws.internal.DomainToSdk;
import io.buildstop.aws.internal.SdkToDomain;
import io.buildstop.domain.model.Build;

/**
 * CodeBuild's {@code Build} between the AWS SDK's model and buildstop's, member for member, for code that holds one
 * and needs the other (an application that already calls the SDK, a test that compares both): the same mapping
 * {@link AwsBuildStopper} applies to every answer. Nothing is lost either way: an enum value the SDK does not know
 * keeps its raw text, timestamps keep their precision, and an empty list CodeBuild sent stays apart from an absent
 * one.
 */
public final class SdkBuilds {
  private SdkBuilds() {}

  /** The SDK's build as buildstop's; SDK nulls become empty members. */
  public static Build toDomain(software.amazon.awssdk.services.codebuild.model.Build sdk) {
    return SdkToDomain.toDomain(sdk);
  }

  /** buildstop's build as the SDK's; empty members become SDK nulls. */
  public static software.amazon.awssdk.services.codebuild.model.Build toSdk(Build build) {
    return DomainToSdk.toSdk(build);
  }
}
