package io.buildstop.server;

import java.util.UUID;

/** Project names and CreateProject bodies for tests. */
final class Projects {
  private Projects() {}

  /** A project name no other test uses. */
  static String freshName() {
    return "p-" + UUID.randomUUID().toString().substring(0, 13);
  }

  /** The smallest CreateProject input CodeBuild accepts, as JSON text. */
  static String minimal(String name) {
    return RawHttp.json("{'name': '" + name + "',"
        + " 'source': {'type': 'S3', 'location': 'my-input-bucket/source.zip'},"
        + " 'artifacts': {'type': 'S3', 'location': 'my-output-bucket'},"
        + " 'environment': {'type': 'LINUX_CONTAINER', 'image': 'aws/codebuild/standard:7.0',"
        + "   'computeType': 'BUILD_GENERAL1_SMALL',"
        + "   'environmentVariables': [{'name': 'STAGE', 'value': 'test'}, {'name': 'KEEP', 'value': 'kept'}]},"
        + " 'serviceRole': 'arn:aws:iam::123456789012:role/service-role/my-role'}");
  }
}
