"""Seeds a CodeBuild endpoint through its public API: CreateProject, then N StartBuild calls; writes the build ids.

Usage: seed.py ENDPOINT PROJECT N IDS_FILE. Prints the time per StartBuild as boto3 sees it (client time included).
"""
import sys
import time

import boto3

endpoint, project, count, ids_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
client = boto3.client("codebuild", endpoint_url=endpoint, region_name="us-east-1",
                      aws_access_key_id="x", aws_secret_access_key="x")
try:
    client.create_project(
        name=project,
        source={"type": "S3", "location": "bench-bucket/source.zip"},
        artifacts={"type": "NO_ARTIFACTS"},
        environment={"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                     "computeType": "BUILD_GENERAL1_SMALL"},
        serviceRole="arn:aws:iam::123456789012:role/bench")
except client.exceptions.ResourceAlreadyExistsException:
    pass
ids = []
start = time.perf_counter()
for _ in range(count):
    ids.append(client.start_build(projectName=project)["build"]["id"])
elapsed = time.perf_counter() - start
with open(ids_file, "w") as out:
    out.write("\n".join(ids) + "\n")
print(f"seeded {count} builds via boto3 in {elapsed:.1f} s ({elapsed / count * 1000:.2f} ms per StartBuild, client included)")
