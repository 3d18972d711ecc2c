#!/usr/bin/env bash
# SpotiPi's Spotify figures (issue 21) against the real jar and a fake Spotify that the bench runs:
# alarm instant to the fake's play request over ALARMS real alarms (one a minute: alarm times have
# minute resolution) against the fake's answer to a bare play request; 64 concurrent device lists
# with an expired token; the token cache's hit rate over the run; RSS with and without the player.
# Usage: bench/spotify.sh   (ALARMS=50 by default, about ALARMS + 3 minutes; RESULT=/tmp/try.md to
# write the results file elsewhere). Writes bench/results/<date>-<commit>-spotify.md. Everything binds
# 127.0.0.1. See bench/README.md.
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$BENCH")"
. "$BENCH/machine-info.sh"
LOG_TAG=spotify
. "$BENCH/lib.sh"
ALARMS="${ALARMS:-50}"
APP_JAR="$ROOT/app/target/spotipi.jar"
CDS_ARCHIVE="$ROOT/app/target/spotipi.jsa"
BENCH_JAR="$BENCH/target/benchmarks.jar"
# As bench/run.sh starts SpotiPi: ./spoti start's flags, with -Xmx128m.
SPOTIPI_JVM=(-Xmx128m -Xms32m -XX:SharedArchiveFile="$CDS_ARCHIVE")
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD)"
RESULT="${RESULT:-$BENCH/results/$(date +%F)-$COMMIT-spotify.md}"

# The bench jar carries the player's test fake: the player module and its test-jar come from the local
# repository, installed here when the build cannot resolve them.
ensure_jars() {
  if [ ! -f "$APP_JAR" ] || [ ! -f "$CDS_ARCHIVE" ]; then
    log "building $APP_JAR and its class-data-sharing archive"
    (cd "$ROOT" && mvn -q -B -DskipTests package)
  fi
  if [ ! -f "$BENCH_JAR" ]; then
    log "building $BENCH_JAR"
    (cd "$ROOT" && mvn -q -B -f bench/pom.xml -DskipTests package) || {
      (cd "$ROOT" && mvn -q -B -DskipTests -pl shared,config-verticle,player-verticle install)
      (cd "$ROOT" && mvn -q -B -f bench/pom.xml -DskipTests package)
    }
  fi
}

# row FIGURE MEASURED BASELINE TARGET: one line of the results table.
row() { echo "| $1 | $2 | $3 | $4 |"; }

# memory_row WHEN PREFIX FIGURES: the RSS the player adds, medians and each round's value.
memory_row() {
  row "RSS added by the player, $1" \
    "$(value "$2_added_mib" "$3") MiB: $(value "$2_default_mib" "$3") MiB with the default verticles ($(value "$2_default_values" "$3"))" \
    "$(value "$2_without_player_mib" "$3") MiB with \`--verticles config,api,scheduler\` ($(value "$2_without_player_values" "$3"))" "report"
}

report() {
  local f=$1 p99 met
  p99="$(value alarm_play_ms_p99 "$f")"
  met="$(awk -v v="$p99" 'BEGIN { print (v != "" && v < 250) ? "met" : "not met" }')"
  echo "| figure | measured | baseline, same run | target |"
  echo "|---|---|---|---|"
  row "alarm instant → the fake's play request, $(value alarm_play_ms_n "$f") of $(value alarms "$f") alarms played, warm token" \
    "p50 $(value alarm_play_ms_p50 "$f") ms, p90 $(value alarm_play_ms_p90 "$f"), p99 $p99 (max $(value alarm_play_ms_max "$f")); one-time alarms (switched off as they fire) p50 $(value alarm_once_play_ms_p50 "$f"), max $(value alarm_once_play_ms_max "$f"); daily ones p50 $(value alarm_daily_play_ms_p50 "$f"), max $(value alarm_daily_play_ms_max "$f"); the scheduler fired (its claim recorded) p50 $(value alarm_late_ms_p50 "$f") ms, p99 $(value alarm_late_ms_p99 "$f") ms after the instant, and from there to the play request took p50 $(value alarm_player_ms_p50 "$f") ms, p99 $(value alarm_player_ms_p99 "$f"); $(value alarm_token_requests_at_instants "$f") token requests at the instants" \
    "a bare play request from the bench to the same fake, send to answer, once per alarm: p50 $(value baseline_play_ms_p50 "$f") ms, p99 $(value baseline_play_ms_p99 "$f") (max $(value baseline_play_ms_max "$f"))" \
    "p99 < 250 ms: $met"
  row "64 concurrent \`GET /api/devices?refresh=true\`, token expired (the cache's 60 s margin reached)" \
    "token requests per burst: $(value burst_expired_token_requests "$f"); device lists at the fake: $(value burst_expired_device_requests "$f"); 200 answers: $(value burst_expired_ok "$f")" \
    "—" "exactly 1"
  row "the same, token refused by Spotify (401) while the cache counted it valid" \
    "token requests per burst: $(value burst_rejected_token_requests "$f"); device lists at the fake: $(value burst_rejected_device_requests "$f"); 200 answers: $(value burst_rejected_ok "$f")" \
    "—" "exactly 1"
  row "token cache over the alarms and the requests between them" \
    "hit rate $(value alarms_token_cache_hit_rate "$f") ($(value alarms_token_cache_requests "$f") tokens asked, $(value alarms_token_cache_refreshes "$f") refreshes); $(value mixed_not_200 "$f") of $(value mixed_requests "$f") mixed requests not 200" \
    "—" "report"
  row "token cache over the whole run (the bursts above too, each forcing a refresh)" \
    "hit rate $(value token_cache_hit_rate "$f") ($(value token_cache_requests "$f") tokens asked, $(value token_cache_refreshes "$f") refreshes; the fake saw $(value fake_token_requests "$f") token requests)" \
    "—" "report"
  memory_row "idle (5 s after ready)" rss_idle "$f"
  memory_row "after a mixed run (20 × manual alarm, device lists, status; 64 device lists at once)" rss_mixed "$f"
  row "RSS of the SpotiPi of the alarms, at the end" "$(value rss_end_of_alarms_mib "$f") MiB" "—" "report"
}

main() {
  ensure_jars
  [ -f "$CDS_ARCHIVE" ] || SPOTIPI_JVM=(-Xmx128m -Xms32m)
  local work load_before info
  work="$(mktemp -d /tmp/spotipi-spotify.XXXXXX)"
  echo "work dir (logs, data, alarms.tsv): $work"
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  info="$(common_machine_info "$ROOT" "$load_before")"
  log "$ALARMS alarms, one a minute: about $((ALARMS + 3)) minutes"
  java -Xmx256m -cp "$BENCH_JAR" io.spotipi.bench.spotify.SpotifyBench "$APP_JAR" "$work" "$ALARMS" \
    "${SPOTIPI_JVM[@]}" >"$work/figures.txt" 2> >(tee "$work/bench.log" >&2)
  local table
  table="$(report "$work/figures.txt")"
  {
    echo "# SpotiPi Spotify benchmark $(date +%F)"
    echo
    echo "$info"
    echo "- load average after the run: $(cut -d' ' -f1-3 /proc/loadavg); 1-minute load average a second before each alarm: p50 $(value alarm_load1_p50 "$work/figures.txt"), max $(value alarm_load1_max "$work/figures.txt")"
    echo "- SpotiPi: ${SPOTIPI_JVM[*]}, SPOTIPI_RATE_LIMIT=off, its Spotify URLs on the fake, credentials in an env file;" \
      "the fake Spotify (the player's test fake) and the clients in one JVM (-Xmx256m)"
    echo
    echo "Percentiles by nearest rank: with 50 alarms p99 is the slowest one. An alarm's time is from its"
    echo "scheduled instant to the fake's reading of the play request (both on this machine's wall clock);"
    echo "the baseline is the bench's own round trip of the same request to the same fake. RSS: 3 rounds,"
    echo "a fresh SpotiPi each, without the player and with it in turn; medians, each round's value in brackets."
    echo
    echo "$table"
    echo
    echo "## Per alarm"
    echo
    echo '```'
    cat "$work/alarms.tsv"
    echo '```'
  } >"$RESULT"
  echo
  echo "$table"
  echo
  echo "written: $RESULT (raw logs in $work)"
}

main "$@"
