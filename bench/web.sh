#!/usr/bin/env bash
# The web app's first load (issue 23): bytes transferred (compressed) and time to interactive of `/` on
# loopback in headless Chromium, cold (a new browser profile each run) and warm (the next visit).
# Usage: bench/web.sh   (RUNS=10 by default; RESULT=/tmp/try.md writes the results file elsewhere)
# Writes bench/results/<date>-<commit>-web.md. SpotiPi binds 127.0.0.1. See bench/README.md.
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$BENCH")"
. "$BENCH/machine-info.sh"
LOG_TAG=web
. "$BENCH/lib.sh"
RUNS="${RUNS:-10}"
APP_JAR="$ROOT/app/target/spotipi.jar"
SPOTIPI_JVM=(-Xmx128m -Xms32m -XX:SharedArchiveFile="$ROOT/app/target/spotipi.jsa")
BENCH_JAR="$BENCH/target/benchmarks.jar"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD)"
RESULT="${RESULT:-$BENCH/results/$(date +%F)-$COMMIT-web.md}"
TARGET_KB=150
TARGET_MS=1000

WORK="$(mktemp -d /tmp/spotipi-web.XXXXXX)"
PIDS=()
trap 'for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && stop "$pid"; done' EXIT

for tool in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$tool" ] || { log "$tool is missing: apt-get install -y chromium chromium-driver"; exit 1; }
done
if [ ! -f "$APP_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
  log "build the jars first: mvn -q -B -DskipTests package && mvn -q -B -f bench/pom.xml -DskipTests package"
  exit 1
fi

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
start_spotipi pid "$WORK/data" "$WORK/spotipi.log" url
# the home screen as on a morning: an alarm set for weekdays
curl -sf -o /dev/null -X PUT -H 'Content-Type: application/json' "$url/api/alarm" \
  -d '{"enabled": true, "time": "06:30", "weekdays": [0, 1, 2, 3, 4], "device_name": "Bedroom", "playlist_name": "Morning"}'
log "$RUNS runs against $url"
java -cp "$BENCH_JAR" io.spotipi.bench.FirstLoad "$url/" "$RUNS" >"$WORK/first-load.log" 2>"$WORK/first-load.err" ||
  { tail -20 "$WORK/first-load.err" >&2; exit 1; }

f() { value "$1" "$WORK/first-load.log"; }
met() { awk -v v="$1" -v t="$2" 'BEGIN { print (v < t ? "yes" : "no") }'; }
{
  echo "# SpotiPi web app first load $(date +%F)"
  echo
  common_machine_info "$ROOT" "$load_before"
  echo "- chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1); headless, 1280×860, loopback"
  echo "- command: RUNS=$RUNS bench/web.sh (io.spotipi.bench.FirstLoad; SpotiPi with ${SPOTIPI_JVM[*]})"
  echo
  echo "Median and maximum over $RUNS runs, each in a new browser profile (cold) and then once more in the"
  echo "same browser (warm: assets from its cache, the page revalidated). Bytes are Resource Timing's"
  echo "transferSize (compressed bodies plus headers), without the open event stream; KB = 1000 bytes."
  echo "Ready: the home screen shows the alarm read from the API and the event stream is open."
  echo "Interactive: the later of ready and the end of the last long task (≥ 50 ms) before a second"
  echo "without one."
  echo
  echo "| load | transferred KB | decoded KB | requests | first paint ms | ready ms | interactive ms | target | met |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for kind in cold warm; do
    row="| $kind | $(f ${kind}_transfer_kb_median) (max $(f ${kind}_transfer_kb_max)) | $(f ${kind}_decoded_kb_median)"
    row+=" | $(f ${kind}_requests_median) | $(f ${kind}_fcp_ms_median) | $(f ${kind}_ready_ms_median)"
    row+=" | $(f ${kind}_interactive_ms_median) (max $(f ${kind}_interactive_ms_max))"
    if [ "$kind" = cold ]; then
      row+=" | < $TARGET_KB KB, < $TARGET_MS ms"
      row+=" | $(met "$(f cold_transfer_kb_max)" "$TARGET_KB") / $(met "$(f cold_interactive_ms_max)" "$TARGET_MS") |"
    else
      row+=" | — | — |"
    fi
    echo "$row"
  done
  echo
  echo "## Each load"
  echo
  echo '```'
  grep '^run=' "$WORK/first-load.log"
  echo '```'
} >"$RESULT"
cat "$RESULT"
echo "written: $RESULT (logs in $WORK)"
