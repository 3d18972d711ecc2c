-- etcd's durable put (POST /v3/kv/put) of a new value each time: the etcd baseline of patch.lua.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local etcd = require("etcd")
done = require("report").done

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local key = etcd.base64("bench_patch_counter")
local n = 0

function request()
  n = n + 1
  return wrk.format(nil, nil, nil, string.format('{"key":"%s","value":"%s"}', key, etcd.base64(tostring(n))))
end
