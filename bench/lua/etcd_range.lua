-- etcd's linearizable read of one key (POST /v3/kv/range) holding SpotiPi's document: the etcd
-- baseline of get.lua. run.sh puts the document under $ETCD_CONFIG_KEY first.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local etcd = require("etcd")
done = require("report").done

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"key":"%s"}', etcd.base64(os.getenv("ETCD_CONFIG_KEY")))
