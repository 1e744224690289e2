package io.buildstop.server.internal;

import io.buildstop.wire.MemberReader;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks of the service model's project shapes ({@code ProjectSource}, {@code ProjectArtifacts},
 * {@code ProjectEnvironment}, {@code ProjectCache}, {@code LogsConfig}, ...) that CreateProject and StartBuild's
 * overrides share: required members, JSON types, enums and bounds. Each check reads through the reader, which
 * records the first member that breaks a rule (the caller answers it); members CodeBuild would ignore are left alone.
 */
public final class ProjectShapes {
  /** At most this many secondary sources, source versions or artifacts (spec §2). */
  public static final int MAX_SECONDARY = 12;

  private static final Pattern ANY = Pattern.compile("(?s).*");

  private ProjectShapes() {}

  /** A {@code ProjectSource}: {@code type} required. */
  public static void source(MemberReader source) {
    source.requiredEnum("type", Enums.SOURCE_TYPES);
    source.string("location");
    source.integer("gitCloneDepth", 0, Integer.MAX_VALUE);
    source.string("buildspec");
    source.bool("reportBuildStatus");
    source.bool("insecureSsl");
    source.string("sourceIdentifier");
    source.object("auth").ifPresent(ProjectShapes::sourceAuth);
    source.object("gitSubmodulesConfig").ifPresent(ProjectShapes::gitSubmodulesConfig);
    source.object("buildStatusConfig").ifPresent(status -> {
      status.string("context");
      status.string("targetUrl");
    });
  }

  /** A {@code GitSubmodulesConfig}: {@code fetchSubmodules} required. */
  public static void gitSubmodulesConfig(MemberReader submodules) {
    submodules.requiredBool("fetchSubmodules");
  }

  /** A {@code SourceAuth}: {@code type} required. */
  public static void sourceAuth(MemberReader auth) {
    auth.requiredEnum("type", Enums.SOURCE_AUTH_TYPES);
    auth.string("resource");
  }

  /** A {@code ProjectArtifacts}: {@code type} required. */
  public static void artifacts(MemberReader artifacts) {
    artifacts.requiredEnum("type", Enums.ARTIFACTS_TYPES);
    artifacts.string("location");
    artifacts.string("path");
    artifacts.enumValue("namespaceType", Enums.ARTIFACT_NAMESPACES);
    artifacts.string("name");
    artifacts.enumValue("packaging", Enums.ARTIFACT_PACKAGINGS);
    artifacts.bool("overrideArtifactName");
    artifacts.bool("encryptionDisabled");
    artifacts.string("artifactIdentifier");
    artifacts.enumValue("bucketOwnerAccess", Enums.BUCKET_OWNER_ACCESS);
  }

  /** A {@code ProjectEnvironment}: {@code type}, {@code image} and {@code computeType} required. */
  public static void environment(MemberReader environment) {
    environment.requiredEnum("type", Enums.ENVIRONMENT_TYPES);
    environment.requiredNonEmpty("image");
    environment.requiredEnum("computeType", Enums.COMPUTE_TYPES);
    environmentVariables(environment, "environmentVariables");
    environment.bool("privilegedMode");
    environment.string("certificate");
    environment.object("registryCredential").ifPresent(ProjectShapes::registryCredential);
    environment.enumValue("imagePullCredentialsType", Enums.IMAGE_PULL_CREDENTIALS_TYPES);
    environment.object("computeConfiguration");
    environment.object("fleet").ifPresent(ProjectShapes::fleet);
    environment.object("dockerServer");
  }

  /** A {@code ProjectFleet}. */
  public static void fleet(MemberReader fleet) {
    fleet.string("fleetArn");
  }

  /** A {@code RegistryCredential}: both members required. */
  public static void registryCredential(MemberReader credential) {
    credential.requiredNonEmpty("credential");
    credential.requiredEnum("credentialProvider", Enums.CREDENTIAL_PROVIDER_TYPES);
  }

  /** A list of {@code EnvironmentVariable}, if present: {@code name} and {@code value} required in each. */
  public static void environmentVariables(MemberReader owner, String name) {
    owner.objects(name).ifPresent(variables -> variables.forEach(variable -> {
      variable.requiredNonEmpty("name");
      // a secret: read as a private copy, never interned
      variable.requiredString("value");
      variable.enumValue("type", Enums.ENVIRONMENT_VARIABLE_TYPES);
    }));
  }

  /** A {@code ProjectCache}: {@code type} required. */
  public static void cache(MemberReader cache) {
    cache.requiredEnum("type", Enums.CACHE_TYPES);
    cache.string("location");
    cache.enumValues("modes", Enums.CACHE_MODES);
    cache.string("cacheNamespace");
  }

  /** A {@code LogsConfig}: each of its two configurations, when present, requires {@code status}. */
  public static void logsConfig(MemberReader logs) {
    logs.object("cloudWatchLogs").ifPresent(cloudWatch -> {
      cloudWatch.requiredEnum("status", Enums.LOGS_STATUSES);
      cloudWatch.string("groupName");
      cloudWatch.string("streamName");
    });
    logs.object("s3Logs").ifPresent(s3 -> {
      s3.requiredEnum("status", Enums.LOGS_STATUSES);
      s3.string("location");
      s3.bool("encryptionDisabled");
      s3.enumValue("bucketOwnerAccess", Enums.BUCKET_OWNER_ACCESS);
    });
  }

  /**
   * A {@code ProjectBuildBatchConfig}: the batch's service role, whether it combines artifacts, its restrictions
   * (the builds and compute types it may use), its timeout ({@code timeoutInMins}) and its report mode; each of its
   * type (the service model bounds none of the numbers).
   */
  public static void buildBatchConfig(MemberReader config) {
    config.nonEmpty("serviceRole");
    config.bool("combineArtifacts");
    config.object("restrictions").ifPresent(restrictions -> {
      restrictions.integer("maximumBuildsAllowed", Integer.MIN_VALUE, Integer.MAX_VALUE);
      restrictions.strings("computeTypesAllowed", Integer.MAX_VALUE);
    });
    config.integer("timeoutInMins", Integer.MIN_VALUE, Integer.MAX_VALUE);
    config.enumValue("batchReportMode", Enums.BATCH_REPORT_MODES);
  }

  /** A {@code VpcConfig}: lists of strings, within CodeBuild's bounds (spec §2). */
  public static void vpcConfig(MemberReader vpc) {
    vpc.string("vpcId");
    vpc.strings("subnets", 16);
    vpc.strings("securityGroupIds", 5);
  }

  /** A list of {@code ProjectFileSystemLocation}. */
  public static void fileSystemLocations(MemberReader owner, String name) {
    owner.objects(name).ifPresent(locations -> locations.forEach(location -> {
      location.enumValue("type", Enums.FILE_SYSTEM_TYPES);
      location.string("location");
      location.string("mountPoint");
      location.string("identifier");
      location.string("mountOptions");
    }));
  }

  /** A list of {@code ProjectSourceVersion}: both members required in each. */
  public static void sourceVersions(MemberReader owner, String name) {
    owner.objects(name).filter(versions -> bounded(owner, name, versions)).ifPresent(versions ->
        versions.forEach(version -> {
          version.requiredNonEmpty("sourceIdentifier");
          version.requiredString("sourceVersion");
        }));
  }

  /** A list of {@code ProjectSource}, at most {@link #MAX_SECONDARY}. */
  public static void sources(MemberReader owner, String name) {
    owner.objects(name).filter(sources -> bounded(owner, name, sources))
        .ifPresent(sources -> sources.forEach(ProjectShapes::source));
  }

  /** A list of {@code ProjectArtifacts}, at most {@link #MAX_SECONDARY}. */
  public static void artifactsList(MemberReader owner, String name) {
    owner.objects(name).filter(artifacts -> bounded(owner, name, artifacts))
        .ifPresent(artifacts -> artifacts.forEach(ProjectShapes::artifacts));
  }

  /** A string of at most {@code max} characters, if present. */
  public static void text(MemberReader owner, String name, int max) {
    owner.matching(name, ANY, 0, max);
  }

  private static boolean bounded(MemberReader owner, String name, List<MemberReader> items) {
    if (items.size() > MAX_SECONDARY) {
      owner.invalid(name, "", "Member must have length less than or equal to " + MAX_SECONDARY);
      return false;
    }
    return true;
  }
}
