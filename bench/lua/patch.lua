-- Durable PATCH /api/config (merge patch, no If-Match): every request is one commit of a new value.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
done = require("report").done

wrk.method = "PATCH"
wrk.headers["Content-Type"] = "application/merge-patch+json"

local n = 0

function request()
  n = n + 1
  return wrk.format(nil, nil, nil, string.format('{"bench_patch_counter":%d}', n))
end
