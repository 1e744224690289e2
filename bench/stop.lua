-- wrk script: POST CodeBuild StopBuild, rotating over the build ids in the file given after `--`.
-- The Authorization header is a fake SigV4 one: moto picks the service from it (it checks no signature);
-- our server and the ceiling ignore it.
wrk.method = "POST"
wrk.path = "/"
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = "CodeBuild_20161006." .. (os.getenv("OPERATION") or "StopBuild")
wrk.headers["Authorization"] =
  "AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/codebuild/aws4_request, SignedHeaders=host, Signature=0"

local ids = {}
local n = 0
local next_id = 0

function init(args)
  for line in io.lines(args[1]) do
    n = n + 1
    ids[n] = line
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
  next_id = math.random(n) - 1
end

function request()
  if os.getenv("OPERATION") == "StartBuild" then
    return wrk.format(nil, nil, nil, '{"projectName":"' .. ids[1] .. '"}')
  end
  next_id = next_id % n + 1
  return wrk.format(nil, nil, nil, '{"id":"' .. ids[next_id] .. '"}')
end
