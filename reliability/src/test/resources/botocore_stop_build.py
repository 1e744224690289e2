"""Signs a StopBuild request with botocore's SigV4Auth and sends it; prints {"status": ..., "body": ...} as JSON.

usage: botocore_stop_build.py ENDPOINT BUILD_ID ACCESS_KEY SECRET CASE
CASE: valid | wrong_signature | stale_date | tampered_body | target_unsigned | other_host
      (wrong key / wrong secret: pass them as arguments)
"""
import datetime
import json
import sys
import urllib.error
import urllib.request

import botocore.auth
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

endpoint, build_id, access_key, secret, case = sys.argv[1:6]
body = json.dumps({"id": build_id})
if case == "stale_date":
    stale = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - datetime.timedelta(minutes=10)
    botocore.auth.get_current_datetime = lambda *args, **kwargs: stale
signed_headers = {"Content-Type": "application/x-amz-json-1.1"}
if case != "target_unsigned":
    signed_headers["X-Amz-Target"] = "CodeBuild_20161006.StopBuild"
# other_host: signed for CodeBuild's own endpoint, as if captured there, then sent here with that Host
signed_url = "https://codebuild.us-east-1.amazonaws.com/" if case == "other_host" else endpoint + "/"
request = AWSRequest(method="POST", url=signed_url, data=body, headers=signed_headers)
SigV4Auth(Credentials(access_key, secret), "codebuild", "us-east-1").add_auth(request)
headers = dict(request.headers.items())
if case == "target_unsigned":
    # added after signing: SignedHeaders names no X-Amz-Target, which could be swapped for any operation
    headers["X-Amz-Target"] = "CodeBuild_20161006.StopBuild"
if case == "other_host":
    headers["Host"] = "codebuild.us-east-1.amazonaws.com"
if case == "wrong_signature":
    auth = headers["Authorization"]
    signature = auth.rsplit("Signature=", 1)[1]
    flipped = ("0" if signature[0] != "0" else "1") + signature[1:]
    headers["Authorization"] = auth[: -len(signature)] + flipped
if case == "tampered_body":
    body = json.dumps({"id": build_id + " "})
sent = urllib.request.Request(endpoint + "/", data=body.encode("utf-8"), headers=headers, method="POST")
try:
    with urllib.request.urlopen(sent, timeout=10) as response:
        status, text = response.status, response.read().decode("utf-8")
except urllib.error.HTTPError as error:
    status, text = error.code, error.read().decode("utf-8")
print(json.dumps({"status": status, "body": json.loads(text)}))
