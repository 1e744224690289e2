"""What every boto3 scenario here shares: a check that prints one line and exits 1 at the first failure, the typed
error a call gets, a bounded wait for what the server's lifecycle brings about, and the closing "OK <n> checks" line
the Java tests look for."""
import sys
import time

from botocore.exceptions import ClientError

_checks = 0


def check(condition, what):
    global _checks
    if not condition:
        print("FAILED: " + what)
        sys.exit(1)
    _checks += 1
    print("ok: " + what)


def error_code(call):
    try:
        call()
    except ClientError as error:
        return error.response["Error"]["Code"], error.response["ResponseMetadata"]["HTTPStatusCode"]
    return None, 200


def wait_for(read, condition, seconds=30):
    """Reads until condition(value) holds or `seconds` have passed; returns the last value read."""
    deadline = time.time() + seconds
    value = read()
    while not condition(value) and time.time() < deadline:
        time.sleep(0.05)
        value = read()
    return value


def done():
    print("OK %d checks" % _checks)
