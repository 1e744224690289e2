package io.buildstop.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks of the service model's project shapes ({@code ProjectSource}, {@code ProjectArtifacts},
 * {@code ProjectEnvironment}, {@code ProjectCache}, {@code LogsConfig}, ...) that CreateProject and StartBuild's
 * overrides share: required members, JSON types, enums and bounds. Each check throws the {@link ServiceError} of
 * the first member that breaks a rule; members CodeBuild would ignore are left alone.
 */
public final class ProjectShapes {
  /** At most this many secondary sources, source versions or artifacts (spec §2). */
  public static final int MAX_SECONDARY = 12;

  private static final Pattern ANY = Pattern.compile("(?s).*");

  private ProjectShapes() {}

  /** A {@code ProjectSource}: {@code type} required. */
  public static void source(Members source) {
    source.requiredEnum("type", Enums.SOURCE_TYPES);
    source.string("location");
    source.integer("gitCloneDepth", 0, Integer.MAX_VALUE);
    source.string("buildspec");
    source.bool("reportBuildStatus");
    source.bool("insecureSsl");
    source.string("sourceIdentifier");
    source.object("auth").ifPresent(auth -> sourceAuth(source.nested("auth", auth)));
    source.object("gitSubmodulesConfig").ifPresent(config -> {
      Members submodules = source.nested("gitSubmodulesConfig", config);
      submodules.bool("fetchSubmodules").orElseThrow(() -> submodules.missing("fetchSubmodules"));
    });
    source.object("buildStatusConfig").ifPresent(config -> {
      Members status = source.nested("buildStatusConfig", config);
      status.string("context");
      status.string("targetUrl");
    });
  }

  /** A {@code SourceAuth}: {@code type} required. */
  public static void sourceAuth(Members auth) {
    auth.requiredEnum("type", Enums.SOURCE_AUTH_TYPES);
    auth.string("resource");
  }

  /** A {@code ProjectArtifacts}: {@code type} required. */
  public static void artifacts(Members artifacts) {
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
  public static void environment(Members environment) {
    environment.requiredEnum("type", Enums.ENVIRONMENT_TYPES);
    environment.requiredNonEmpty("image");
    environment.requiredEnum("computeType", Enums.COMPUTE_TYPES);
    environmentVariables(environment, "environmentVariables");
    environment.bool("privilegedMode");
    environment.string("certificate");
    environment.object("registryCredential")
        .ifPresent(credential -> registryCredential(environment.nested("registryCredential", credential)));
    environment.enumValue("imagePullCredentialsType", Enums.IMAGE_PULL_CREDENTIALS_TYPES);
    environment.object("computeConfiguration");
    environment.object("fleet").ifPresent(fleet -> environment.nested("fleet", fleet).string("fleetArn"));
    environment.object("dockerServer");
  }

  /** A {@code RegistryCredential}: both members required. */
  public static void registryCredential(Members credential) {
    credential.requiredNonEmpty("credential");
    credential.requiredEnum("credentialProvider", Enums.CREDENTIAL_PROVIDER_TYPES);
  }

  /** A list of {@code EnvironmentVariable}, if present: {@code name} and {@code value} required in each. */
  public static void environmentVariables(Members owner, String name) {
    owner.objects(name).ifPresent(variables -> variables.forEach(variable -> {
      variable.requiredNonEmpty("name");
      variable.string("value").orElseThrow(() -> variable.missing("value"));
      variable.enumValue("type", Enums.ENVIRONMENT_VARIABLE_TYPES);
    }));
  }

  /** A {@code ProjectCache}: {@code type} required. */
  public static void cache(Members cache) {
    cache.requiredEnum("type", Enums.CACHE_TYPES);
    cache.string("location");
    cache.array("modes").ifPresent(modes -> {
      for (int i = 0; i < modes.size(); i++) {
        JsonNode mode = modes.get(i);
        if (!mode.isTextual() || !Enums.CACHE_MODES.contains(mode.textValue())) {
          throw ServiceError.validation(mode.isTextual() ? Members.shown(mode.textValue()) : "",
              cache.pathOf("modes." + (i + 1) + ".member"), "Member must satisfy enum value set: " + Enums.CACHE_MODES);
        }
      }
    });
    cache.string("cacheNamespace");
  }

  /** A {@code LogsConfig}: each of its two configurations, when present, requires {@code status}. */
  public static void logsConfig(Members logs) {
    logs.object("cloudWatchLogs").ifPresent(config -> {
      Members cloudWatch = logs.nested("cloudWatchLogs", config);
      cloudWatch.requiredEnum("status", Enums.LOGS_STATUSES);
      cloudWatch.string("groupName");
      cloudWatch.string("streamName");
    });
    logs.object("s3Logs").ifPresent(config -> {
      Members s3 = logs.nested("s3Logs", config);
      s3.requiredEnum("status", Enums.LOGS_STATUSES);
      s3.string("location");
      s3.bool("encryptionDisabled");
      s3.enumValue("bucketOwnerAccess", Enums.BUCKET_OWNER_ACCESS);
    });
  }

  /** A {@code VpcConfig}: lists of strings, within CodeBuild's bounds (spec §2). */
  public static void vpcConfig(Members vpc) {
    vpc.string("vpcId");
    strings(vpc, "subnets", 16);
    strings(vpc, "securityGroupIds", 5);
  }

  /** A list of {@code ProjectFileSystemLocation}. */
  public static void fileSystemLocations(Members owner, String name) {
    owner.objects(name).ifPresent(locations -> locations.forEach(location -> {
      location.enumValue("type", Enums.FILE_SYSTEM_TYPES);
      location.string("location");
      location.string("mountPoint");
      location.string("identifier");
      location.string("mountOptions");
    }));
  }

  /** A list of {@code ProjectSourceVersion}: both members required in each. */
  public static void sourceVersions(Members owner, String name) {
    owner.objects(name).ifPresent(versions -> {
      bounded(owner, name, versions);
      versions.forEach(version -> {
        version.requiredNonEmpty("sourceIdentifier");
        version.string("sourceVersion").orElseThrow(() -> version.missing("sourceVersion"));
      });
    });
  }

  /** A list of {@code ProjectSource}, at most {@link #MAX_SECONDARY}. */
  public static void sources(Members owner, String name) {
    owner.objects(name).ifPresent(sources -> {
      bounded(owner, name, sources);
      sources.forEach(ProjectShapes::source);
    });
  }

  /** A list of {@code ProjectArtifacts}, at most {@link #MAX_SECONDARY}. */
  public static void artifactsList(Members owner, String name) {
    owner.objects(name).ifPresent(artifacts -> {
      bounded(owner, name, artifacts);
      artifacts.forEach(ProjectShapes::artifacts);
    });
  }

  /** A string of at most {@code max} characters, if present. */
  public static void text(Members owner, String name, int max) {
    owner.matching(name, ANY, 0, max);
  }

  private static void bounded(Members owner, String name, List<Members> items) {
    if (items.size() > MAX_SECONDARY) {
      throw ServiceError.validation("", owner.pathOf(name),
          "Member must have length less than or equal to " + MAX_SECONDARY);
    }
  }

  private static void strings(Members owner, String name, int max) {
    owner.array(name).ifPresent(items -> {
      if (items.size() > max) {
        throw ServiceError.validation("", owner.pathOf(name), "Member must have length less than or equal to " + max);
      }
      checkStrings(owner, name, items);
    });
  }

  private static void checkStrings(Members owner, String name, ArrayNode items) {
    for (int i = 0; i < items.size(); i++) {
      if (!items.get(i).isTextual()) {
        throw ServiceError.validation("", owner.pathOf(name + "." + (i + 1) + ".member"),
            "Member must be a string, not " + Members.describe(items.get(i)));
      }
    }
  }
}
