# Helpers shared by bench/run.sh and bench/cluster.sh (sourced). Set LOG_TAG before sourcing.

log() { echo "[${LOG_TAG:-bench} $(date +%T)] $*" >&2; }

# record NAME VALUE: one figure (one round or pair) for Report.
record() { printf '%s\t%s\n' "$1" "$2" >>"$FIGURES"; }

# value KEY FILE: the value of KEY=... in a file (wrk's lua summary, the probes' output).
value() { grep -m1 "^$1=" "$2" | cut -d= -f2; }

now_ms() { echo $((${EPOCHREALTIME/./} / 1000)); }

# apt_install PACKAGE: installs a Debian package, refreshing the package lists first only if needed.
apt_install() {
  apt-get install -y "$1" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$1" >/dev/null 2>&1; }
}

ensure_wrk() {
  command -v wrk >/dev/null && return
  log "installing wrk"
  apt_install wrk
}

# ensure_etcd: the etcd baseline's server (Debian's etcd-server, 3.4); returns 1 when it cannot be had.
ensure_etcd() {
  command -v etcd >/dev/null && return
  log "installing etcd-server (the etcd baseline)"
  apt_install etcd-server
}

# free_port VAR: sets VAR to a free loopback port not handed out before by this script (servers
# bind theirs only later), below the kernel's ephemeral range (32768 and up on Linux), where an
# outgoing connection could take it in the meantime.
TAKEN_PORTS=" "
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 12000))
    [[ "$TAKEN_PORTS" == *" $p "* ]] && continue
    (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
    TAKEN_PORTS+="$p "
    printf -v "$1" '%s' "$p"
    return
  done
}

# stop PID...: SIGTERM to each, up to 30 s for them all to exit cleanly, then SIGKILL.
stop() {
  local pid i alive
  kill "$@" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do
    alive=0
    for pid; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.1
  done
  for pid; do
    { kill -9 "$pid" && wait "$pid"; } 2>/dev/null || wait "$pid" 2>/dev/null || true
  done
}

# await_line PID FILE TEXT: waits up to 60 s for a line in a log; fails if the process died.
await_line() {
  local pid=$1 file=$2 text=$3 i
  for ((i = 0; i < 6000; i++)); do
    grep -q "$text" "$file" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { log "process $pid died:"; tail -20 "$file" >&2; return 1; }
    sleep 0.01
  done
  log "no '$text' in $file after 60 s"
  return 1
}

# cpu_ticks: all CPUs' time and the part of it stolen by the hypervisor (/proc/stat), as "TOTAL STEAL".
cpu_ticks() { awk '/^cpu / { t = 0; for (i = 2; i <= 9; i++) t += $i; print t, $9 }' /proc/stat; }

# load PREFIX LUA URL LOG [SECONDS] [CONNECTIONS]: wrk with the lua script's key=value summary; records
# PREFIX_rps, PREFIX_p50_ms, PREFIX_p99_ms, PREFIX_errors (non-2xx or socket errors) and
# PREFIX_steal_pct (the share of CPU time the host gave other tenants meanwhile). Defaults to
# CONNECTIONS and DURATION; wrk runs 2 threads, or 1 for a single connection.
load() {
  local conns=${6:-$CONNECTIONS} before after
  before="$(cpu_ticks)"
  wrk -t"$((conns > 1 ? 2 : 1))" -c"$conns" -d"${5:-$DURATION}s" --latency -s "$BENCH/lua/$2" "$3" >"$4" 2>&1
  after="$(cpu_ticks)"
  record "$1_rps" "$(value requests_per_sec "$4")"
  record "$1_p50_ms" "$(value p50_ms "$4")"
  record "$1_p99_ms" "$(value p99_ms "$4")"
  record "$1_errors" "$(value errors "$4")"
  record "$1_steal_pct" "$(echo "$before $after" | awk '{ printf "%.2f", ($3 > $1) ? 100 * ($4 - $2) / ($3 - $1) : 0 }')"
}

# get_pairs ROUND DIR PREFIX URL BASE_PREFIX BASE_URL: GET_PAIRS pairs of GET_SECONDS wrk loads (get.lua) of
# URL and BASE_URL back to back, which one first alternating by pair and round; logs DIR/PREFIXn.log. The
# machine's speed drifts (other tenants, CPU steal) over seconds, so a pair measured back to back is a
# fairer ratio than two long runs.
get_pairs() {
  local r=$1 dir=$2 p
  for ((p = 1; p <= GET_PAIRS; p++)); do
    if (((r + p) % 2)); then
      load "$3" get.lua "$4" "$dir/$3$p.log" "$GET_SECONDS"
      load "$5" get.lua "$6" "$dir/$5$p.log" "$GET_SECONDS"
    else
      load "$5" get.lua "$6" "$dir/$5$p.log" "$GET_SECONDS"
      load "$3" get.lua "$4" "$dir/$3$p.log" "$GET_SECONDS"
    fi
  done
}

# show_written TABLE: the table again on the terminal, and where the results file and the raw logs are.
show_written() {
  printf '\n%s\n\nwritten: %s (raw logs in %s)\n' "$1" "$RESULT" "$WORK"
}

# warm URL LUA [SECONDS]: WARMUP (or SECONDS) seconds of unrecorded load; a cold JIT otherwise
# dominates the first seconds (and the p99) of a fresh server.
warm() { wrk -t2 -c"$CONNECTIONS" -d"${3:-$WARMUP}s" -s "$BENCH/lua/$2" "$1" >/dev/null 2>&1; }

# start_spotipi VAR DATA_DIR LOG URL_VAR [JVM_FLAGS...]: a fresh SpotiPi (APP_JAR) on a free port, as every
# round runs it (JVM flags: SPOTIPI_JVM unless given; the pid joins PIDS); returns once it is ready.
start_spotipi() {
  local port jvm=("${@:5}")
  ((${#jvm[@]})) || jvm=("${SPOTIPI_JVM[@]}")
  free_port port
  SPOTIPI_RATE_LIMIT=off java "${jvm[@]}" -jar "$APP_JAR" --host 127.0.0.1 --port "$port" \
    --data-dir "$2" --env bench >"$3" 2>&1 &
  printf -v "$1" '%s' "$!"
  printf -v "$4" '%s' "http://127.0.0.1:$port"
  PIDS+=("$!")
  await_line "$!" "$3" "SpotiPi ready on http://127.0.0.1:$port"
}
