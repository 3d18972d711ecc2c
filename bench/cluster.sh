#!/usr/bin/env bash
# The cluster row of the benchmark (issue 6): durable PATCH commits through a non-owner node of three
# SpotiPi JVMs clustered on loopback, beside one single node (the baseline) in the same round; then the
# failover time: SIGKILL of the owner until a PATCH through a survivor answers 200.
# Usage: bench/cluster.sh WORK_DIR FIGURES_TSV   (env APP_JAR, DURATION=10, WARMUP=60, ROUNDS=3;
# run.sh passes its PATCH_WARMUP: both rows are PATCH loads, and C2 compiles for about a minute of them)
# Appends name<TAB>value lines to FIGURES_TSV; logs to stderr; raw logs in WORK_DIR/cluster-roundN/.
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$BENCH")"
WORK="${1:?usage: bench/cluster.sh WORK_DIR FIGURES_TSV}"
FIGURES="${2:?usage: bench/cluster.sh WORK_DIR FIGURES_TSV}"
APP_JAR="${APP_JAR:-$ROOT/app/target/spotipi.jar}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-60}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS=64
XMX=128m
NODES=3
FAILOVER_LIMIT_MS=60000
PROBE_EVERY=0.02

# Inherited SPOTIPI_* variables (SPOTIPI_CLUSTER, ...) would change what each node is: only our flags count.
while read -r name; do unset "$name"; done < <(compgen -e | grep '^SPOTIPI_' || true)

LOG_TAG=cluster
. "$BENCH/lib.sh"

# Every child still running (nodes, wrk, probes), however the script ends.
cleanup() {
  local running
  running=$(jobs -pr)
  [ -z "$running" ] || stop $running
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_node DIR NAME HTTP_PORT [more options]: one SpotiPi in the background; its pid in NODE_PID.
start_node() {
  local dir=$1 name=$2 port=$3
  shift 3
  # With --node-id nothing else creates the data dir (see ClusterNode).
  mkdir -p "$dir/$name-data"
  SPOTIPI_RATE_LIMIT=off java -Xmx$XMX -jar "$APP_JAR" --host 127.0.0.1 --port "$port" \
    --data-dir "$dir/$name-data" --node-id "$name" --env bench "$@" >"$dir/$name.log" 2>&1 &
  NODE_PID=$!
}

# patch_load PREFIX URL LOG: the PATCH load of run.sh, after WARMUP s of unrecorded load.
patch_load() {
  warm "$2/api/config" patch.lua
  load "$1" patch.lua "$2/api/config" "$3"
  grep -q '^requests_per_sec=' "$3" || { log "no wrk summary in $3:"; tail -5 "$3" >&2; return 1; }
  local errors
  errors="$(value errors "$3")"
  [ "$errors" = 0 ] || log "WARNING: $1: $errors failed requests (non-2xx or socket errors), see $3"
}

# owner_of URL: the owner's node id as that node's status names it ("n2 (epoch 3)" -> n2), or nothing.
owner_of() {
  curl -s --max-time 2 "$1/api/thread-safety/status" 2>/dev/null |
    sed -n 's/.*"owner":"\([^" ]*\)[^"]*".*/\1/p' || true
}

# await_owner URL...: waits up to 60 s until every node answers /readyz 200 and all name the same owner;
# prints the owner's id.
await_owner() {
  local i url owner seen
  for ((i = 0; i < 600; i++)); do
    owner=""
    for url in "$@"; do
      curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$url/readyz" 2>/dev/null | grep -q '^200$' ||
        { owner=""; break; }
      seen="$(owner_of "$url")"
      [ -n "$seen" ] && { [ -z "$owner" ] || [ "$owner" = "$seen" ]; } || { owner=""; break; }
      owner=$seen
    done
    [ -n "$owner" ] && { echo "$owner"; return 0; }
    sleep 0.1
  done
  log "no owner named by every node within 60 s"
  return 1
}

# One PATCH through URL; appends "sent_ms answered_ms status" (ms since START) to FILE.
# probe URL N START FILE
probe() {
  local sent code
  sent=$(($(now_ms) - $3))
  code=$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' -X PATCH \
    -H 'Content-Type: application/merge-patch+json' -d "{\"alarm_volume\": $(($2 % 101))}" "$1/api/config" \
    2>/dev/null) || true
  echo "$sent $(($(now_ms) - $3)) ${code:-000}" >>"$4"
}

# failover PID URL FILE: SIGKILLs PID, then sends a PATCH through URL every ~20 ms without waiting for
# the answers (a request stuck on the dead owner must not hide the new one) until one answers 200;
# records the ms from the kill to that answer. The answers go to FILE.
failover() {
  local pid=$1 url=$2 file=$3 start n=0 probes=() first
  : >"$file"
  start=$(now_ms)
  # Waiting here (a few ms) reaps the JVM quietly: bash would otherwise report "Killed" on stderr.
  { kill -9 "$pid" && wait "$pid"; } 2>/dev/null || true
  while ! grep -q ' 200$' "$file" && (($(now_ms) - start <= FAILOVER_LIMIT_MS)); do
    n=$((n + 1))
    probe "$url" "$n" "$start" "$file" &
    probes+=($!)
    sleep "$PROBE_EVERY"
  done
  for pid in "${probes[@]}"; do
    wait "$pid" || true
  done
  first=$(awk '$3 == 200 { print $2 }' "$file" | sort -n | head -1)
  if [ -n "$first" ]; then
    log "failover: first 200 after $first ms ($n requests sent, answers in $file)"
    record cluster_failover_ms "$first"
  else
    log "ERROR: FAILOVER NOT MEASURED: no PATCH through $url answered 200 within $((FAILOVER_LIMIT_MS / 1000)) s" \
      "after SIGKILL of the owner ($n requests sent, answers in $file); nothing recorded"
  fi
}

single_round() {
  local dir=$1 port pid
  free_port port
  start_node "$dir" single "$port"
  pid=$NODE_PID
  await_line "$pid" "$dir/single.log" "SpotiPi ready on"
  log "single node: PATCH load (${WARMUP}s warm-up, ${DURATION}s measured)"
  patch_load cluster_single_patch "http://127.0.0.1:$port" "$dir/single-patch.log"
  stop "$pid"
}

cluster_round() {
  local dir=$1 i port members="" owner owned=-1 via=-1 cports=() hports=() pids=() urls=()
  for ((i = 0; i < NODES; i++)); do
    free_port port
    cports+=("$port")
    free_port port
    hports+=("$port")
    urls+=("http://127.0.0.1:${hports[i]}")
    members+="${members:+,}127.0.0.1:${cports[i]}"
  done
  for ((i = 0; i < NODES; i++)); do
    start_node "$dir" "n$((i + 1))" "${hports[i]}" --cluster --cluster-host 127.0.0.1 \
      --cluster-port "${cports[i]}" --cluster-members "$members"
    pids+=("$NODE_PID")
  done
  for ((i = 0; i < NODES; i++)); do
    await_line "${pids[i]}" "$dir/n$((i + 1)).log" "SpotiPi ready on"
  done
  owner=$(await_owner "${urls[@]}")
  for ((i = 0; i < NODES; i++)); do
    if [ "n$((i + 1))" = "$owner" ]; then owned=$i; elif ((via < 0)); then via=$i; fi
  done
  ((owned >= 0)) || { log "the status names owner '$owner', none of n1..n$NODES"; return 1; }
  log "cluster up: owner $owner; PATCH load through n$((via + 1)) (${WARMUP}s warm-up, ${DURATION}s measured)"
  patch_load cluster_patch "${urls[via]}" "$dir/cluster-patch.log"

  log "SIGKILL of the owner $owner; a PATCH through n$((via + 1)) every ~${PROBE_EVERY}s"
  failover "${pids[owned]}" "${urls[via]}" "$dir/failover-probes.log"
  stop "${pids[@]}"
}

main() {
  ensure_wrk
  [ -f "$APP_JAR" ] || { log "building $APP_JAR"; (cd "$ROOT" && mvn -q -B -DskipTests package); }
  mkdir -p "$WORK" "$(dirname "$FIGURES")"
  local r dir started
  for ((r = 1; r <= ROUNDS; r++)); do
    dir="$WORK/cluster-round$r"
    mkdir -p "$dir"
    started=$(now_ms)
    log "round $r of $ROUNDS: single node baseline, then $NODES clustered nodes (logs in $dir)"
    single_round "$dir"
    cluster_round "$dir"
    log "round $r done in $((($(now_ms) - started) / 1000)) s"
  done
}

main "$@"
