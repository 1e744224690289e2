"""boto3 against buildstop's local CodeBuild endpoint: a batch build started, stopped, stopped again and read back,
then retried in place and deleted; a running batch deleted with its running member left as a build of its own.

Usage: boto3_batch_scenario.py ENDPOINT_URL   (the server runs its lifecycle, so batches and their builds move on)
Prints one line per check and "OK <n> checks"; exits 1 at the first failed check.
"""
import sys
import time

import boto3

from scenario_checks import check, done, error_code, wait_for


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

# RetryBuildBatch: the stopped batch runs again in place, its stopped member with a new build
retried = codebuild.retry_build_batch(id=batch_id, retryType="RETRY_FAILED_BUILDS")["buildBatch"]
check(retried["id"] == batch_id and retried["buildBatchNumber"] == stopped["buildBatchNumber"],
      "retry_build_batch answers the same batch, its number unchanged")
check(retried["buildBatchStatus"] == "IN_PROGRESS" and retried["complete"] is False
      and retried["currentPhase"] == "SUBMITTED", "the retried batch is IN_PROGRESS again, in SUBMITTED")
check(retried["phases"][:-2] == stopped["phases"][:-1]
      and retried["phases"][-2]["phaseType"] == "STOPPED" and retried["phases"][-2]["phaseStatus"] == "RETRY"
      and retried["phases"][-1]["phaseType"] == "SUBMITTED", "the STOPPED phase closed RETRY and SUBMITTED follows")
check(group(retried, "first")["priorBuildSummaryList"] == [group(stopped, "first")["currentBuildSummary"]],
      "the member's first attempt is its group's prior build summary")
check(error_code(lambda: codebuild.retry_build_batch(id=batch_id))
      == ("InvalidInputException", 400), "a batch in progress cannot be retried")
rerun = wait_for(lambda: codebuild.batch_get_build_batches(ids=[batch_id])["buildBatches"][0],
                 lambda batch: "currentBuildSummary" in group(batch, "first"))
second_arn = group(rerun, "first")["currentBuildSummary"]["arn"]
check(second_arn != first_arn, "the retried member runs as a new build")
check(codebuild.batch_get_builds(ids=[first_arn])["builds"][0] == first_after,
      "the first attempt stays a build, as it was stopped")
codebuild.stop_build_batch(id=batch_id)

# DeleteBuildBatch: the batch and every build it ran are gone
deleted = codebuild.delete_build_batch(id=batch_id)
check(deleted["statusCode"] == "BATCH_DELETED", "delete_build_batch answers BATCH_DELETED")
check(deleted["buildsDeleted"] == [first_arn, second_arn] and deleted["buildsNotDeleted"] == [],
      "delete_build_batch deletes both attempts of the member by ARN")
got = codebuild.batch_get_build_batches(ids=[batch_id])
check(got["buildBatches"] == [] and got["buildBatchesNotFound"] == [batch_id], "the deleted batch is not found")
check(codebuild.batch_get_builds(ids=[first_arn, second_arn])["buildsNotFound"] == [first_arn, second_arn],
      "its builds are not found")
check(batch_id not in codebuild.list_build_batches()["ids"], "list_build_batches no longer lists it")
check(error_code(lambda: codebuild.retry_build_batch(id=batch_id))
      == ("ResourceNotFoundException", 400), "retry_build_batch of a deleted batch is ResourceNotFoundException")

# DeleteBuildBatch of a running batch: its running member is not deleted, and goes on as a build of its own
other = codebuild.start_build_batch(projectName="boto3-batch")["buildBatch"]
running = wait_for(lambda: codebuild.batch_get_build_batches(ids=[other["id"]])["buildBatches"][0],
                   lambda batch: "currentBuildSummary" in group(batch, "first"))
running_arn = group(running, "first")["currentBuildSummary"]["arn"]
deleted_running = codebuild.delete_build_batch(id=other["id"])
check(deleted_running["buildsDeleted"] == []
      and deleted_running["buildsNotDeleted"] == [{"id": running_arn, "statusCode": "BUILD_IN_PROGRESS"}],
      "a running member is not deleted: BUILD_IN_PROGRESS")
check(codebuild.stop_build(id=running_arn)["build"]["buildStatus"] == "STOPPED",
      "the running member stops as a build of its own")
check(error_code(lambda: codebuild.delete_build_batch(id="no-separator"))
      == ("InvalidInputException", 400), "delete_build_batch of a malformed id is InvalidInputException")

done()
