#!/usr/bin/env python3
"""Moves references to CodeBuild's model types from io.buildstop.domain to io.buildstop.domain.model.

Run from the repository root on any branch, as often as you like (it is idempotent):

    python3 codegen/rewrite-model-imports.py

It rewrites every tracked .java and .md file: qualified names and imports (static ones too) of the 41 model types,
and adds the imports that files of package io.buildstop.domain need now that the types left their package. An import
block that was sorted before is sorted after.
"""
import re
import subprocess

MODEL = """AutoRetryConfig BucketOwnerAccess Build BuildArtifacts BuildPhase BuildPhaseType BuildStatusConfig CacheMode CacheType CloudWatchLogsConfig ComputeConfiguration ComputeType CredentialProviderType DebugSession DockerServer DockerServerStatus EnvironmentType EnvironmentVariable EnvironmentVariableType ExportedEnvironmentVariable FileSystemType GitSubmodulesConfig ImagePullCredentialsType LogsConfigStatusType LogsLocation MachineType NetworkInterface PhaseContext ProjectCache ProjectEnvironment ProjectFileSystemLocation ProjectFleet ProjectSource ProjectSourceVersion RegistryCredential S3LogsConfig SourceAuth SourceAuthType SourceType StatusType VpcConfig """.split()

qualified = re.compile(r"(?<![\w.])io\.buildstop\.domain\.(" + "|".join(MODEL) + r")(?!\w)")
simple = re.compile(r"(?<![\w.])(" + "|".join(MODEL) + r")(?!\w)")
import_line = re.compile(r"^import (static )?[\w.*]+;$")


def import_runs(lines):
    """(start, end) of each run of consecutive import lines."""
    runs, i = [], 0
    while i < len(lines):
        if import_line.match(lines[i]):
            j = i
            while j < len(lines) and import_line.match(lines[j]):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def sorted_like(before, after):
    """after, with each import run sorted where the same run (by position) was sorted in before."""
    was = [before[i:j] == sorted(before[i:j]) for i, j in import_runs(before)]
    for n, (i, j) in enumerate(import_runs(after)):
        if n < len(was) and was[n]:
            after[i:j] = sorted(after[i:j])
    return after


def rewrite(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    new = qualified.sub(r"io.buildstop.domain.model.\1", text)
    if path.endswith(".java") and re.search(r"^package io\.buildstop\.domain;$", new, re.M):
        lines = new.split("\n")
        body = "\n".join(l for l in lines if not l.startswith(("import ", "package ")))
        used = sorted(set(simple.findall(body)))
        have = set(re.findall(r"^import io\.buildstop\.domain\.model\.(\w+);$", new, re.M))
        missing = ["import io.buildstop.domain.model.%s;" % n for n in used if n not in have]
        if missing:
            imports = [i for i, l in enumerate(lines) if l.startswith("import ") and not l.startswith("import static ")]
            if imports:
                before = text.split("\n")
                lines[imports[0]:imports[0]] = missing
                lines = sorted_like(before, lines)
            else:
                at = next(i for i, l in enumerate(lines) if l.startswith("package ")) + 1
                lines[at:at] = [""] + missing
            new = "\n".join(lines)
    elif new != text and path.endswith(".java"):
        new = "\n".join(sorted_like(text.split("\n"), new.split("\n")))
    if new != text:
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)
        print(path)


files = subprocess.run(["git", "ls-files", "*.java", "*.md"], capture_output=True, text=True, check=True).stdout
for path in files.split():
    if path.startswith("codegen/"):
        continue
    rewrite(path)
