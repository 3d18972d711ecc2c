#!/usr/bin/env bash
# The music library's figures (issue 22) against the real jar and a fake Spotify that the bench runs:
# GET /api/library/playlists served from cache against the same server's cached GET /api/config, in
# interleaved short pairs after a warm-up (as run.sh measures GET); and the Spotify calls of a user
# browsing the library page by page (LibraryWalk), counted at the fake, with the cache cold and warm.
# Usage: bench/library.sh   (ROUNDS=3 WARMUP=20 GET_PAIRS=5 GET_SECONDS=4 VIEWS_PER_MINUTE=12 by default;
# RESULT=/tmp/try.md writes the results file elsewhere). About 5 minutes. Writes
# bench/results/<date>-<commit>-library.md. Everything binds 127.0.0.1. See bench/README.md.
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$BENCH")"
. "$BENCH/machine-info.sh"
LOG_TAG=library
. "$BENCH/lib.sh"
ROUNDS="${ROUNDS:-3}"
WARMUP="${WARMUP:-20}"
GET_PAIRS="${GET_PAIRS:-5}"
GET_SECONDS="${GET_SECONDS:-4}"
# A person reading a page of 50 covers before the next: one page view every 5 s.
VIEWS_PER_MINUTE="${VIEWS_PER_MINUTE:-12}"
CONNECTIONS=64
APP_JAR="$ROOT/app/target/spotipi.jar"
CDS_ARCHIVE="$ROOT/app/target/spotipi.jsa"
BENCH_JAR="$BENCH/target/benchmarks.jar"
# As bench/run.sh starts SpotiPi: ./spoti start's flags, with -Xmx128m.
SPOTIPI_JVM=(-Xmx128m -Xms32m -XX:SharedArchiveFile="$CDS_ARCHIVE")
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD)"
RESULT="${RESULT:-$BENCH/results/$(date +%F)-$COMMIT-library.md}"
LIBRARY_PATH=/api/library/playlists
CONFIG_PATH=/api/config

WORK="$(mktemp -d /tmp/spotipi-library.XXXXXX)"
FIGURES="$WORK/figures.tsv"
PIDS=()
trap 'for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && stop "$pid"; done' EXIT
echo "work dir (logs, data): $WORK"

# The bench jar carries the player's test fake: the player module and its test-jar come from the local
# repository, installed here when the build cannot resolve them.
ensure_jars() {
  if [ ! -f "$APP_JAR" ]; then
    log "building $APP_JAR"
    (cd "$ROOT" && mvn -q -B -DskipTests package)
  fi
  [ -f "$CDS_ARCHIVE" ] || SPOTIPI_JVM=(-Xmx128m -Xms32m)
  if [ ! -f "$BENCH_JAR" ]; then
    log "building $BENCH_JAR"
    (cd "$ROOT" && mvn -q -B -f bench/pom.xml -DskipTests package) || {
      (cd "$ROOT" && mvn -q -B -DskipTests -pl shared,config-verticle,player-verticle install)
      (cd "$ROOT" && mvn -q -B -f bench/pom.xml -DskipTests package)
    }
  fi
}

# The fake Spotify with the user's music, and SpotiPi's options pointing at it (the jar reads them from
# the environment); none of the SPOTIFY_* variables of whoever runs the bench reaches SpotiPi.
start_fake() {
  local pid ready
  java -Xmx256m -cp "$BENCH_JAR" io.spotipi.bench.library.LibraryFake "$WORK/spotify.env" >"$WORK/fake.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  await_line "$pid" "$WORK/fake.log" "library fake ready: "
  ready="$(sed -n 's/^library fake ready: //p' "$WORK/fake.log")"
  CONTROL_URL="${ready#* }"
  export SPOTIPI_SPOTIFY_API_URL="${ready%% *}" SPOTIPI_SPOTIFY_ACCOUNTS_URL="${ready%% *}"
  export SPOTIPI_SPOTIFY_ENV_FILE="$WORK/spotify.env"
  unset SPOTIFY_CLIENT_ID SPOTIFY_CLIENT_SECRET SPOTIFY_REFRESH_TOKEN SPOTIFY_USERNAME
}

# walk URL NAME LOG: the walk, its figures recorded; fails when a view was not answered 200.
walk() {
  java -cp "$BENCH_JAR" io.spotipi.bench.library.LibraryWalk "$1" "$CONTROL_URL" "$2" "$VIEWS_PER_MINUTE" >"$3" 2>&1 ||
    { log "the $2 walk failed:"; tail -5 "$3" >&2; return 1; }
  local line
  while IFS= read -r line; do
    record "${line%%=*}" "${line#*=}"
  done < <(grep "^$2_" "$3")
}

# One round: a fresh SpotiPi (its library cache cold), the walk twice, then the GET pairs.
round() {
  local r=$1 dir="$WORK/round$1" pid url
  mkdir -p "$dir"
  start_spotipi pid "$dir/data" "$dir/spotipi.log" url
  log "round $r: the walk, cache cold then warm"
  walk "$url" cold "$dir/walk-cold.log"
  walk "$url" warm "$dir/walk-warm.log"
  record library_body_bytes "$(curl -sf "$url$LIBRARY_PATH" | wc -c)"
  record config_body_bytes "$(curl -sf "$url$CONFIG_PATH" | wc -c)"

  log "round $r: GET, $GET_PAIRS interleaved pairs of ${GET_SECONDS}s (library page and config)"
  warm "$url$LIBRARY_PATH" get.lua
  warm "$url$CONFIG_PATH" get.lua
  get_pairs "$r" "$dir" library_get "$url$LIBRARY_PATH" config_get "$url$CONFIG_PATH"
  stop "$pid"
}

main() {
  ensure_wrk
  ensure_jars
  local load_before info table
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  info="$(common_machine_info "$ROOT" "$load_before")"
  start_fake
  for ((r = 1; r <= ROUNDS; r++)); do
    round "$r"
  done
  table="$(java -cp "$BENCH_JAR" io.spotipi.bench.library.LibraryReport "$FIGURES" "$VIEWS_PER_MINUTE")"
  {
    echo "# SpotiPi music library benchmark $(date +%F)"
    echo
    echo "$info"
    echo "- load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- wrk: $(wrk --version 2>&1 | head -1)"
    echo "- settings: $ROUNDS rounds, each a fresh SpotiPi (${SPOTIPI_JVM[*]}, SPOTIPI_RATE_LIMIT=off, its Spotify" \
      "URLs on the fake, credentials in an env file); GET: ${WARMUP}s of unrecorded load on each path, then" \
      "$GET_PAIRS interleaved pairs of wrk -t2 -c$CONNECTIONS -d${GET_SECONDS}s per round, the order alternating;" \
      "the fake Spotify (the player's test fake) in a JVM of its own (-Xmx256m)"
    echo
    echo "The library page is \`GET $LIBRARY_PATH\` (the first 20 of 120 playlists) as the walk left it"
    echo "cached; the baseline is the same server's \`GET $CONFIG_PATH\` from its near cache. Ratios per"
    echo "pair, then min / median / max over them; the \"met\" column checks the median. The walk"
    echo "(io.spotipi.bench.library.LibraryWalk) views ${VIEWS_PER_MINUTE} pages a minute in the figures: its"
    echo "views follow each other at once, and the calls the fake counts are the same at any pace shorter"
    echo "than the library's time to live (10 minutes). The user's music: 120 playlists, 250 saved albums,"
    echo "600 saved tracks, 80 followed artists, 50 recently played and 50 top tracks, an artist with 25 albums."
    echo
    echo "$table"
    echo
    echo "## The walk of round 1, each page view and the Spotify calls it made"
    echo
    echo '```'
    grep -h '^view=' "$WORK/round1/walk-cold.log" | sed 's/^/cold /'
    grep -h '^view=' "$WORK/round1/walk-warm.log" | sed 's/^/warm /'
    echo '```'
  } >"$RESULT"
  show_written "$table"
}

main "$@"
