-- Shared by the etcd scripts: etcd's JSON gateway takes keys and values in base64.
local M = {}

local ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

function M.base64(s)
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = s:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    for k = 0, 3 do
      if i + k - 1 <= #s then
        local d = math.floor(n / 64 ^ (3 - k)) % 64
        out[#out + 1] = ALPHABET:sub(d + 1, d + 1)
      else
        out[#out + 1] = "="
      end
    end
  end
  return table.concat(out)
end

return M
