-- Shared by get.lua and patch.lua: prints wrk's summary as key=value lines for run.sh.
local M = {}

function M.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests_per_sec=%.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50_ms=%.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("p99_ms=%.3f\n", latency:percentile(99) / 1000))
  -- status counts non-2xx/3xx answers; the others are socket errors and timeouts.
  io.write(string.format("errors=%d\n", e.connect + e.read + e.write + e.timeout + e.status))
end

return M
