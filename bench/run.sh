#!/usr/bin/env bash
# SpotiPi benchmark suite: every figure side by side with its baseline, in one run, on this machine.
# Usage: bench/run.sh   (ROUNDS=3 DURATION=10 WARMUP=20 seconds by default, PATCH_WARMUP=60 before the
# PATCH loads: a cold JIT halves PATCH throughput and C2 compiles for about a minute of it;
# GET_PAIRS=5 interleaved GET pairs of GET_SECONDS=4 per round; SKIP_CLUSTER=1 skips the cluster
# rounds of bench/cluster.sh, SKIP_JMH=1 skips JMH, ROUNDS=0 SKIP_CLUSTER=1 runs JMH alone)
# Prints the table and writes bench/results/<date>.md. Everything binds 127.0.0.1; every load run is
# bounded in time. See bench/README.md.
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$BENCH")"
. "$BENCH/machine-info.sh"
LOG_TAG=bench
. "$BENCH/lib.sh"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-20}"
PATCH_WARMUP="${PATCH_WARMUP:-60}"
GET_PAIRS="${GET_PAIRS:-5}"
GET_SECONDS="${GET_SECONDS:-4}"
CONNECTIONS=64
CAS_CLIENTS=16
# CasIncrements runs its clients this long unrecorded first, in its own (fresh) JVM.
CAS_WARMUP=10
XMX=128m
# The etcd key that holds SpotiPi's GET body for the read baseline; lua/etcd_range.lua reads it too.
export ETCD_CONFIG_KEY=spotipi/config
APP_JAR="$ROOT/app/target/spotipi.jar"
# SpotiPi runs as ./spoti start runs it (its JVM_DEFAULTS and CDS_ARCHIVE): a 32 MiB initial heap and
# the class-data-sharing archive that the build trains on the jar. The start row's baseline is the
# same JVM without the archive, loading every class from the jar.
CDS_ARCHIVE="$ROOT/app/target/spotipi.jsa"
PLAIN_JVM=(-Xmx$XMX -Xms32m)
SPOTIPI_JVM=("${PLAIN_JVM[@]}" -XX:SharedArchiveFile="$CDS_ARCHIVE")
BENCH_JAR="$BENCH/target/benchmarks.jar"
RESULT="${RESULT:-$BENCH/results/$(date +%F).md}"

WORK="$(mktemp -d /tmp/spotipi-bench.XXXXXX)"
FIGURES="$WORK/figures.tsv"
PIDS=()
MEM_DIRS=()
echo "work dir (logs, data): $WORK"

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  for mem in "${MEM_DIRS[@]:-}"; do
    [ -n "$mem" ] && rm -rf "$mem"
  done
}
trap cleanup EXIT

# ---- tools and jars ----------------------------------------------------------------------------------

ensure_jars() {
  if [ ! -f "$APP_JAR" ]; then
    log "building $APP_JAR"
    (cd "$ROOT" && mvn -q -B -DskipTests package)
  fi
  if [ ! -f "$CDS_ARCHIVE" ]; then
    log "no $CDS_ARCHIVE (built with -Dspotipi.cds.skip?): SpotiPi starts without it"
    SPOTIPI_JVM=("${PLAIN_JVM[@]}")
  fi
  if [ ! -f "$BENCH_JAR" ]; then
    log "building $BENCH_JAR"
    # bench resolves shared and config-verticle from the local repository: install them when missing.
    (cd "$ROOT" && mvn -q -B -f bench/pom.xml -DskipTests package) || {
      (cd "$ROOT" && mvn -q -B -DskipTests -pl shared,config-verticle install)
      (cd "$ROOT" && mvn -q -B -f bench/pom.xml -DskipTests package)
    }
  fi
}

# ---- helpers -----------------------------------------------------------------------------------------

rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# Samples a process's RSS every 0.25 s into a file until killed.
sample_rss() {
  while kill -0 "$1" 2>/dev/null; do
    rss_mib "$1" >>"$2" 2>/dev/null && echo >>"$2"
    sleep 0.25
  done
}


# The same PATCH load on a SpotiPi whose data dir is in memory (tmpfs): the same code with a disk
# that costs nothing, so what no storage design could go below on this machine.
patch_in_memory() {
  local dir=$1 mem pid url
  if [ "$(df --output=fstype /dev/shm 2>/dev/null | tail -1)" != tmpfs ]; then
    log "no tmpfs at /dev/shm: no in-memory PATCH baseline"
    return
  fi
  mem="$(mktemp -d /dev/shm/spotipi-bench.XXXXXX)"
  MEM_DIRS+=("$mem")
  start_spotipi pid "$mem/data" "$dir/spotipi-mem.log" url
  warm "$url/api/config" patch.lua "$PATCH_WARMUP"
  load patch_mem patch.lua "$url/api/config" "$dir/patch_mem.log"
  stop "$pid"
  rm -rf "$mem"
}

# The issue's yardstick measured here instead of quoted: etcd 3.4, one member on loopback, its data dir
# next to SpotiPi's, under the same wrk loads through its HTTP/JSON gateway (reads are linearizable,
# puts durable), and the compare-and-set race through its transactions.
etcd_baseline() {
  local dir=$1 client peer url pid
  if [ -z "$ETCD" ]; then
    return
  fi
  free_port client
  free_port peer
  url="http://127.0.0.1:$client"
  etcd --name bench --data-dir "$dir/etcd" --listen-client-urls "$url" --advertise-client-urls "$url" \
    --listen-peer-urls "http://127.0.0.1:$peer" --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
    --initial-cluster "bench=http://127.0.0.1:$peer" >"$dir/etcd.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  await_line "$pid" "$dir/etcd.log" "ready to serve client requests"
  curl -sf -o /dev/null "$url/v3/kv/put" -d "{\"key\":\"$(printf %s "$ETCD_CONFIG_KEY" | base64 -w0)\",\"value\":\"$(base64 -w0 <"$dir/config.json")\"}"
  # Go compiles ahead of time: a few seconds warm its connections and caches.
  warm "$url/v3/kv/range" etcd_range.lua 5
  load etcd_range etcd_range.lua "$url/v3/kv/range" "$dir/etcd_range.log"
  warm "$url/v3/kv/put" etcd_put.lua 5
  load etcd_put etcd_put.lua "$url/v3/kv/put" "$dir/etcd_put.log"
  java -cp "$BENCH_JAR" io.spotipi.bench.CasIncrements --etcd "$url" "$CAS_CLIENTS" "$DURATION" "$CAS_WARMUP" \
    >"$dir/etcd_cas.log" 2>&1
  record etcd_cas_successes_per_sec "$(value cas_successes_per_sec "$dir/etcd_cas.log")"
  record etcd_cas_conflicts_per_success "$(value cas_conflicts_per_success "$dir/etcd_cas.log")"
  record etcd_cas_lost_updates \
    "$(awk -F= '/^cas_(lost_updates|errors)=/ { n += $2; seen = 1 } END { if (seen) print n }' "$dir/etcd_cas.log")"
  stop "$pid"
}

# ---- one round ---------------------------------------------------------------------------------------

round() {
  local r=$1 dir="$WORK/round$1" bare_port spotipi bare sampler url bare_url start
  mkdir -p "$dir"

  start=$(now_ms)
  start_spotipi spotipi "$dir/plain-data" "$dir/spotipi-plain.log" url "${PLAIN_JVM[@]}"
  record ready_plain_ms $(($(now_ms) - start))
  stop "$spotipi"
  start=$(now_ms)
  start_spotipi spotipi "$dir/data" "$dir/spotipi.log" url
  record ready_ms $(($(now_ms) - start))
  sleep 2
  record rss_idle_mib "$(rss_mib "$spotipi")"

  curl -sf -D "$dir/headers" -o "$dir/config.json" "$url/api/config"
  local etag
  etag=$(awk 'tolower($1) == "etag:" { print $2 }' "$dir/headers" | tr -d '\r')
  local transport
  transport=$(sed -n 's/.*network transport: \([a-z_]*\).*/\1/p' "$dir/spotipi.log" | head -1)
  free_port bare_port
  bare_url="http://127.0.0.1:$bare_port/api/config"
  java -Xmx$XMX -cp "$BENCH_JAR" io.spotipi.bench.BareServer "$bare_port" "$dir/config.json" "$etag" \
    "${transport:-nio}" >"$dir/bare.log" 2>&1 &
  bare=$!
  PIDS+=("$bare")
  await_line "$bare" "$dir/bare.log" "bare server ready"

  sample_rss "$spotipi" "$dir/rss.samples" &
  sampler=$!
  PIDS+=("$sampler")

  log "round $r: GET, $GET_PAIRS interleaved pairs of ${GET_SECONDS}s (SpotiPi and the bare server)"
  warm "$url/api/config" get.lua
  warm "$bare_url" get.lua
  get_pairs "$r" "$dir" get "$url/api/config" bare_get "$bare_url"
  stop "$bare"

  log "round $r: disk probe and durable PATCH"
  java -cp "$BENCH_JAR" io.spotipi.bench.DiskProbe "$dir/probe" 5 >"$dir/probe.log" 2>&1
  for key in ops_per_sec p50_ms p99_ms; do
    record "disk_probe_$key" "$(value "disk_probe_$key" "$dir/probe.log")"
  done
  warm "$url/api/config" patch.lua "$PATCH_WARMUP"
  load patch patch.lua "$url/api/config" "$dir/patch.log"
  # The latency floor: one client, so nothing waits for anything but its own commit.
  load patch1 patch.lua "$url/api/config" "$dir/patch1.log" "$DURATION" 1

  log "round $r: compare-and-set increments, $CAS_CLIENTS clients"
  java -cp "$BENCH_JAR" io.spotipi.bench.CasIncrements "$url" "$CAS_CLIENTS" "$DURATION" "$CAS_WARMUP" >"$dir/cas.log" 2>&1
  for key in cas_successes_per_sec cas_conflicts_per_success cas_lost_updates cas_errors; do
    record "$key" "$(value "$key" "$dir/cas.log")"
  done

  stop "$sampler"
  record rss_load_mib "$(sort -n "$dir/rss.samples" | tail -1)"
  stop "$spotipi"

  log "round $r: the PATCH load again, data dir in memory"
  patch_in_memory "$dir"

  log "round $r: etcd, the same loads"
  etcd_baseline "$dir"
}

# ---- JMH ---------------------------------------------------------------------------------------------

jmh() {
  log "JMH: event-bus load, near-cache get, transactions (a few minutes)"
  java -jar "$BENCH_JAR" -rf json -rff "$WORK/jmh.json" io.spotipi.bench.jmh >"$WORK/jmh.log" 2>&1 ||
    { log "JMH failed, see $WORK/jmh.log"; tail -30 "$WORK/jmh.log" >&2; return 1; }
  record tx_conflicts_per_commit "$(value tx_conflicts_per_commit "$WORK/jmh.log")"
}

# ---- main --------------------------------------------------------------------------------------------

machine_info() {
  common_machine_info "$ROOT" "$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "- wrk: $(wrk --version 2>&1 | head -1)"
  echo "- etcd: $(etcd --version 2>/dev/null | head -1 || echo "none (its rows stay empty)")"
  echo "- data dir filesystem: $(df -hT "$WORK" | awk 'NR == 2 { print $1, $2 }')"
  echo "- settings: $ROUNDS rounds; GET: $GET_PAIRS interleaved pairs of ${GET_SECONDS}s per round;" \
    "others wrk -t2 -c$CONNECTIONS -d${DURATION}s; CAS $CAS_CLIENTS clients" \
    "for ${DURATION}s after ${CAS_WARMUP}s unrecorded, ${WARMUP}s of unrecorded load before GET, ${PATCH_WARMUP}s before PATCH," \
    "SpotiPi with ${SPOTIPI_JVM[*]} and SPOTIPI_RATE_LIMIT=off, the bare server with -Xmx$XMX"
}

main() {
  ensure_wrk
  ensure_jars
  ETCD=1
  ensure_etcd || { ETCD=; log "no etcd: the etcd rows stay empty"; }
  local info
  info="$(machine_info)"
  for ((r = 1; r <= ROUNDS; r++)); do
    round "$r"
  done
  [ -n "${SKIP_CLUSTER:-}" ] ||
    ROUNDS=$ROUNDS DURATION=$DURATION WARMUP=$PATCH_WARMUP APP_JAR=$APP_JAR "$BENCH/cluster.sh" "$WORK" "$FIGURES"
  [ -n "${SKIP_JMH:-}" ] || jmh
  local table
  table="$(java -cp "$BENCH_JAR" io.spotipi.bench.Report "$FIGURES" "$WORK/jmh.json")"
  {
    echo "# SpotiPi benchmark run $(date +%F)"
    echo
    echo "$info"
    echo "- network transport: SpotiPi $(sed -n 's/.*network transport: //p' "$WORK/round1/spotipi.log" | head -1)," \
      "the bare server $(sed -n 's/^bare server transport: //p' "$WORK/round1/bare.log" | head -1)"
    echo
    echo "Ratios are computed per round (this system ÷ its baseline in the same round; GET per interleaved"
    echo "pair), then min / median / max over them. JMH rows use its measurement iterations as rounds and"
    echo "the ratio of the medians, since JMH runs one benchmark after the other (sample-mode rows: one"
    echo "figure over all samples). The \"met\" column checks the median."
    echo
    echo "$table"
    echo
    if [ -f "$WORK/jmh.log" ]; then
      echo "## JMH output"
      echo
      echo '```'
      sed -n '/^Benchmark /,$p' "$WORK/jmh.log"
      echo '```'
    fi
  } >"$RESULT"
  show_written "$table"
}

main "$@"
