"""boto3 against buildstop's local CodeBuild endpoint, as a Python user drives it.

Usage: boto3_scenario.py ENDPOINT_URL
Creates a project, starts builds, stops one, reads it back, lists, and checks every typed error.
Prints one line per check and "OK <n> checks"; exits 1 at the first failed check.
"""
import sys

import boto3

from scenario_checks import check, done, error_code


endpoint = sys.argv[1]
codebuild = boto3.client("codebuild", endpoint_url=endpoint, region_name="us-east-1",
                         aws_access_key_id="x", aws_secret_access_key="x")

project = codebuild.create_project(
    name="boto3-project",
    source={"type": "NO_SOURCE", "buildspec": "version: 0.2"},
    artifacts={"type": "NO_ARTIFACTS"},
    environment={"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                 "computeType": "BUILD_GENERAL1_SMALL"},
    serviceRole="arn:aws:iam::123456789012:role/service-role/codebuild-role")["project"]
check(project["arn"].endswith(":project/boto3-project"), "create_project answers the project with its ARN")

first = codebuild.start_build(projectName="boto3-project", sourceVersion="main")["build"]
second = codebuild.start_build(projectName="boto3-project", sourceVersion="main")["build"]
check(first["buildStatus"] == "IN_PROGRESS" and first["currentPhase"] == "QUEUED",
      "start_build answers an IN_PROGRESS build in QUEUED")
check([phase["phaseType"] for phase in first["phases"]] == ["SUBMITTED", "QUEUED"],
      "a started build has SUBMITTED then QUEUED")
check(second["buildNumber"] == first["buildNumber"] + 1, "build numbers count up per project")

stopped = codebuild.stop_build(id=first["id"])["build"]
check(stopped["buildStatus"] == "STOPPED", "stop_build answers buildStatus STOPPED")
check(stopped["currentPhase"] == "COMPLETED", "stop_build answers currentPhase COMPLETED")
check(stopped["buildComplete"] is True, "stop_build answers buildComplete true")
check(stopped["phases"][-1] == {"phaseType": "COMPLETED", "startTime": stopped["endTime"]},
      "the last phase is the bare COMPLETED marker at endTime")
check(stopped["phases"][-2]["phaseStatus"] == "STOPPED", "the running phase closed as STOPPED")

again = codebuild.stop_build(id=first["id"])["build"]
check(again == stopped, "stopping again answers the same build")

read = codebuild.batch_get_builds(ids=[first["id"], second["id"], "boto3-project:no-such-build"])
check([build["id"] for build in read["builds"]] == [first["id"], second["id"]], "batch_get_builds keeps order")
check(read["builds"][0] == stopped, "batch_get_builds reads the stopped build as stop_build answered it")
check(read["builds"][1]["buildStatus"] == "IN_PROGRESS", "the other build still runs")
check(read["buildsNotFound"] == ["boto3-project:no-such-build"], "batch_get_builds names the ids not found")

listed = codebuild.list_builds_for_project(projectName="boto3-project")["ids"]
check(listed == [second["id"], first["id"]], "list_builds_for_project lists newest first")

check(error_code(lambda: codebuild.stop_build(id="boto3-project:no-such-build"))
      == ("ResourceNotFoundException", 400), "an unknown build is ResourceNotFoundException (400)")
check(error_code(lambda: codebuild.stop_build(id="no colon here"))[0] == "InvalidInputException",
      "a malformed id is InvalidInputException")
check(error_code(lambda: codebuild.start_build(projectName="no-such-project"))[0] == "ResourceNotFoundException",
      "starting a build of an unknown project is ResourceNotFoundException")
check(error_code(lambda: codebuild.create_project(
    name="boto3-project", source={"type": "NO_SOURCE", "buildspec": "version: 0.2"},
    artifacts={"type": "NO_ARTIFACTS"},
    environment={"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                 "computeType": "BUILD_GENERAL1_SMALL"},
    serviceRole="arn:aws:iam::123456789012:role/service-role/codebuild-role"))[0]
      == "ResourceAlreadyExistsException", "a duplicate project is ResourceAlreadyExistsException")

after = codebuild.batch_get_builds(ids=[first["id"], second["id"]])["builds"]
check(after[0] == stopped and after[1]["buildStatus"] == "IN_PROGRESS", "the rejected calls changed nothing")

done()
