"""boto3 against buildstop's local CodeBuild endpoint: a batch build started, stopped, stopped again and read back.

Usage: boto3_batch_scenario.py ENDPOINT_URL   (the server runs its lifecycle, so batches and their builds move on)
Prints one line per check and "OK <n> checks"; exits 1 at the first failed check.
"""
import sys
import time

import boto3

from scenario_checks import check, done, error_code


def group(batch, identifier):
    return next(g for g in batch["buildGroups"] if g["identifier"] == identifier)


BUILDSPEC = """version: 0.2
batch:
  build-graph:
    - identifier: first
    - identifier: second
      depend-on:
        - first
phases:
  build:
    commands:
      - echo hello
"""

endpoint = sys.argv[1]
codebuild = boto3.client("codebuild", endpoint_url=endpoint, region_name="us-east-1",
                         aws_access_key_id="x", aws_secret_access_key="x")

codebuild.create_project(
    name="boto3-batch",
    source={"type": "NO_SOURCE", "buildspec": BUILDSPEC},
    artifacts={"type": "NO_ARTIFACTS"},
    environment={"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                 "computeType": "BUILD_GENERAL1_SMALL"},
    serviceRole="arn:aws:iam::123456789012:role/service-role/codebuild-role")

started = codebuild.start_build_batch(projectName="boto3-batch")["buildBatch"]
batch_id = started["id"]
check(started["buildBatchStatus"] == "IN_PROGRESS", "start_build_batch answers an IN_PROGRESS batch")
check(batch_id.startswith("boto3-batch:") and started["arn"].endswith(":build-batch/" + batch_id),
      "the batch has a project:uuid id and a build-batch ARN")
check([g["identifier"] for g in started["buildGroups"]] == ["first", "second"],
      "one build group per build of the graph")

# the server's lifecycle moves the batch to IN_PROGRESS, which starts "first"; "second" waits for it
deadline = time.time() + 30
running = started
while time.time() < deadline:
    running = codebuild.batch_get_build_batches(ids=[batch_id])["buildBatches"][0]
    if "currentBuildSummary" in group(running, "first"):
        break
    time.sleep(0.05)
check("currentBuildSummary" in group(running, "first"), "the member first started")
first_arn = group(running, "first")["currentBuildSummary"]["arn"]
first = codebuild.batch_get_builds(ids=[first_arn])["builds"][0]
check(first["buildStatus"] == "IN_PROGRESS" and first["buildBatchArn"] == started["arn"],
      "the member is a running build of the batch")

stopped = codebuild.stop_build_batch(id=batch_id)["buildBatch"]
check(stopped["buildBatchStatus"] == "STOPPED", "stop_build_batch answers buildBatchStatus STOPPED")
check(stopped["complete"] is True and stopped["currentPhase"] == "STOPPED",
      "the stopped batch is complete, in phase STOPPED")
check(stopped["phases"][-1] == {"phaseType": "STOPPED", "startTime": stopped["endTime"]},
      "the batch's last phase is the bare STOPPED marker at endTime")
check(stopped["phases"][-2]["phaseStatus"] == "STOPPED", "the batch's running phase closed as STOPPED")

first_after = codebuild.batch_get_builds(ids=[first_arn])["builds"][0]
check(first_after["buildStatus"] == "STOPPED" and first_after["buildComplete"] is True
      and first_after["currentPhase"] == "COMPLETED", "the running member stopped")
check(first_after["endTime"] == stopped["endTime"], "the member stopped at the batch's instant")
check(first_after["phases"][-1] == {"phaseType": "COMPLETED", "startTime": first_after["endTime"]}
      and first_after["phases"][-2]["phaseStatus"] == "STOPPED",
      "the member's running phase closed STOPPED, then the COMPLETED marker (the build stop rules)")
check(group(stopped, "first")["currentBuildSummary"]["buildStatus"] == "STOPPED",
      "the group's summary says STOPPED")
check("currentBuildSummary" not in group(stopped, "second"), "the unstarted member never ran")
listed = codebuild.list_builds_for_project(projectName="boto3-batch")["ids"]
check(listed == [first_after["id"]], "the project's only build is the member that ran")

time.sleep(0.5)
again = codebuild.stop_build_batch(id=batch_id)["buildBatch"]
check(again == stopped, "a second stop_build_batch answers the batch unchanged")
by_arn = codebuild.stop_build_batch(id=started["arn"])["buildBatch"]
check(by_arn == stopped, "stop_build_batch by ARN answers the same batch")
got = codebuild.batch_get_build_batches(ids=[batch_id, "boto3-batch:no-such-batch"])
check(got["buildBatches"] == [stopped], "batch_get_build_batches agrees")
check(got["buildBatchesNotFound"] == ["boto3-batch:no-such-batch"], "an unknown id is not found")
check(codebuild.batch_get_builds(ids=[first_arn])["builds"][0] == first_after,
      "the stopped member stays as it was stopped")

check(codebuild.list_build_batches_for_project(projectName="boto3-batch")["ids"] == [batch_id],
      "list_build_batches_for_project lists the batch")
check(batch_id in codebuild.list_build_batches()["ids"], "list_build_batches lists the batch")

check(error_code(lambda: codebuild.stop_build_batch(id="boto3-batch:no-such-batch"))
      == ("ResourceNotFoundException", 400), "an unknown batch is ResourceNotFoundException")
check(error_code(lambda: codebuild.stop_build_batch(id="no-separator"))
      == ("InvalidInputException", 400), "a malformed batch id is InvalidInputException")
check(error_code(lambda: codebuild.start_build_batch(projectName="no-such-project"))
      == ("ResourceNotFoundException", 400), "start_build_batch of an unknown project is ResourceNotFoundException")
check(error_code(lambda: codebuild.start_build_batch(projectName="boto3-batch",
                                                     buildspecOverride="version: 0.2\nphases: {}\n"))
      == ("InvalidInputException", 400), "a buildspec without a batch section is InvalidInputException")

done()
