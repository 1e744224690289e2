"""boto3 against buildstop's local CodeBuild endpoint: the operations a suite that cleans up or retries calls
(issue 19): retry_build, batch_delete_builds, update_project, delete_project and list_projects, each answered in
CodeBuild's response shape (the retried build with every member of the AWS CLI's retry-build example), and their
errors.

Usage: boto3_operations_scenario.py ENDPOINT_URL   (no lifecycle: builds run until stopped)
Prints one line per check and "OK <n> checks"; exits 1 at the first failed check.
"""
import datetime
import json
import os
import sys

import boto3

from scenario_checks import check, done, error_code

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "..", "shared", "spec",
                        "fixtures")

endpoint = sys.argv[1]
codebuild = boto3.client("codebuild", endpoint_url=endpoint, region_name="us-east-1",
                         aws_access_key_id="x", aws_secret_access_key="x")


def members(response):
    return set(response) - {"ResponseMetadata"}


def create(name):
    return codebuild.create_project(
        name=name,
        source={"type": "GITHUB", "location": "https://github.com/octo/web.git", "gitCloneDepth": 1},
        artifacts={"type": "NO_ARTIFACTS"},
        environment={"type": "LINUX_CONTAINER", "image": "aws/codebuild/amazonlinux2-x86_64-standard:3.0",
                     "computeType": "BUILD_GENERAL1_SMALL"},
        serviceRole="arn:aws:iam::123456789012:role/service-role/codebuild-role")["project"]


for name in ["ops-web", "ops-api", "ops-batch"]:
    create(name)

# ---- retry_build ----
first = codebuild.start_build(projectName="ops-web", sourceVersion="main")["build"]
stopped = codebuild.stop_build(id=first["id"])["build"]
check(stopped["buildStatus"] == "STOPPED", "the first build stopped")

retried = codebuild.retry_build(id=first["id"])
retry = retried["build"]
check(members(retried) == {"build"}, "retry_build answers {build}")
with open(os.path.join(FIXTURES, "awscli-example-retry-build.json")) as capture:
    captured = set(json.load(capture)["build"])
check(captured <= set(retry), "the retried build has every member of the captured retry-build response: missing "
      + str(sorted(captured - set(retry))))
check(retry["id"] != first["id"] and retry["arn"].endswith(":build/" + retry["id"]), "a new id and ARN")
check(retry["buildNumber"] == first["buildNumber"] + 1, "the project's next build number")
check(retry["buildStatus"] == "IN_PROGRESS" and retry["buildComplete"] is False, "the retry runs")
check([p["phaseType"] for p in retry["phases"]] == ["SUBMITTED", "QUEUED"] and retry["currentPhase"] == "QUEUED",
      "phases SUBMITTED, then QUEUED running, as a new build's")
check(isinstance(retry["startTime"], datetime.datetime), "startTime is a timestamp")
check(retry["source"] == first["source"] and retry["environment"] == first["environment"]
      and retry["serviceRole"] == first["serviceRole"] and retry["sourceVersion"] == "main",
      "source, environment, service role and source version carry over")
check(retry["logs"]["streamName"] == retry["id"].split(":")[1], "the retry logs to its own stream")

code, status = error_code(lambda: codebuild.retry_build(id=retry["id"]))
check((code, status) == ("InvalidInputException", 400), "retrying a running build is InvalidInputException")
code, _ = error_code(lambda: codebuild.retry_build(id="ops-web:0f4d8c1e-0000-4000-8000-00000000dead"))
check(code == "ResourceNotFoundException", "retrying an unknown build is ResourceNotFoundException")
again = codebuild.retry_build(id=first["id"], idempotencyToken="retry-once")["build"]
repeat = codebuild.retry_build(id=first["id"], idempotencyToken="retry-once")["build"]
check(again["id"] == repeat["id"], "a repeated idempotency token answers the first retry")

# ---- batch_delete_builds ----
deleted = codebuild.batch_delete_builds(ids=[first["id"], retry["id"]])
check(members(deleted) == {"buildsDeleted", "buildsNotDeleted"}, "batch_delete_builds answers both lists")
check(deleted["buildsDeleted"] == [stopped["arn"]], "the finished build is deleted, named by ARN")
check(deleted["buildsNotDeleted"] == [{"id": retry["arn"], "statusCode": "BUILD_IN_PROGRESS"}],
      "the running build is not deleted: BUILD_IN_PROGRESS")
read = codebuild.batch_get_builds(ids=[first["id"], retry["id"]])
check(read["buildsNotFound"] == [first["id"]] and [b["id"] for b in read["builds"]] == [retry["id"]],
      "the deleted build is then not found; the running one is")
code, _ = error_code(lambda: codebuild.batch_delete_builds(ids=["not a build id"]))
check(code == "InvalidInputException", "a malformed id is InvalidInputException")

# ---- update_project ----
before = codebuild.batch_get_projects(names=["ops-web"])["projects"][0]
updated = codebuild.update_project(name="ops-web", description="retried and cleaned", timeoutInMinutes=30)
project = updated["project"]
check(members(updated) == {"project"}, "update_project answers {project}")
check(project["description"] == "retried and cleaned" and project["timeoutInMinutes"] == 30,
      "the members sent are changed")
check(project["source"] == before["source"] and project["created"] == before["created"],
      "the members not sent, and the creation time, stay")
check(project["lastModified"] >= before["lastModified"], "lastModified moves on")
running = codebuild.batch_get_builds(ids=[retry["id"]])["builds"][0]
check(running["timeoutInMinutes"] == 60, "a running build keeps the configuration it started with")
check(codebuild.start_build(projectName="ops-web")["build"]["timeoutInMinutes"] == 30,
      "a new build uses the updated project")
code, _ = error_code(lambda: codebuild.update_project(name="ops-never", description="x"))
check(code == "ResourceNotFoundException", "updating an unknown project is ResourceNotFoundException")
code, _ = error_code(lambda: codebuild.update_project(name="ops-web", environment={
    "type": "NOT_A_TYPE", "image": "aws/codebuild/standard:7.0", "computeType": "BUILD_GENERAL1_SMALL"}))
check(code == "InvalidInputException", "an unknown environment type is InvalidInputException, as CreateProject's")

# ---- list_projects ----
listed = codebuild.list_projects()
check(members(listed) == {"projects"}, "list_projects answers {projects} (no nextToken on the last page)")
check(listed["projects"] == ["ops-api", "ops-batch", "ops-web"], "by name, ascending, by default")
check(codebuild.list_projects(sortBy="CREATED_TIME", sortOrder="DESCENDING")["projects"]
      == ["ops-batch", "ops-api", "ops-web"], "by creation time, newest first")
check(codebuild.list_projects(sortBy="LAST_MODIFIED_TIME", sortOrder="DESCENDING")["projects"][0] == "ops-web",
      "the project updated last is the last modified")
for i in range(101):
    create("ops-many-%03d" % i)
pages = list(codebuild.get_paginator("list_projects").paginate(sortBy="NAME", sortOrder="ASCENDING"))
check([len(page["projects"]) for page in pages] == [100, 4] and "nextToken" in pages[0],
      "104 projects list in pages of 100, followed by nextToken")
code, _ = error_code(lambda: codebuild.list_projects(nextToken="garbage"))
check(code == "InvalidInputException", "a token not handed out is InvalidInputException")

# ---- delete_project ----
gone = codebuild.delete_project(name="ops-web")
check(members(gone) == set(), "delete_project answers {}")
check("ops-web" not in codebuild.list_projects()["projects"]
      and codebuild.batch_get_projects(names=["ops-web"])["projectsNotFound"] == ["ops-web"],
      "the deleted project is no longer listed or found")
check(codebuild.batch_get_builds(ids=[retry["id"]])["builds"][0]["id"] == retry["id"],
      "the deleted project's builds stay readable")
code, _ = error_code(lambda: codebuild.list_builds_for_project(projectName="ops-web"))
check(code == "ResourceNotFoundException", "the deleted project's listing is ResourceNotFoundException")
check(members(codebuild.delete_project(name="ops-never")) == set(), "deleting an unknown project answers {} too")

done()
