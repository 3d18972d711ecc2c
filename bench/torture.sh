#!/usr/bin/env bash
# SpotiPi torture suite: the tests tagged "torture" in every module (crash loop, fault injection, soak,
# fuzz, then the long cluster runs), run against a freshly built spotipi.jar; then the figures go to
# bench/results/torture-<date>.md.
# The same tests without the jar or the summary: mvn -B -Ptorture verify
# Usage: bench/torture.sh [extra maven args]   (SOAK_MINUTES=10 by default)
# Example, one test only: bench/torture.sh -Dtest=FuzzTortureTest -Dsurefire.failIfNoSpecifiedTests=false
set -euo pipefail

BENCH="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$BENCH")"
. "$BENCH/machine-info.sh"
SOAK_MINUTES="${SOAK_MINUTES:-10}"
RESULT="$BENCH/results/torture-$(date +%F).md"
LOG="$(mktemp /tmp/spotipi-torture.XXXXXX.log)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

cd "$ROOT"
echo "[torture] building app/target/spotipi.jar (the child processes run it)"
# install, not package: the cluster step below builds app alone and takes the other modules from the
# local repository.
mvn -q -B -DskipTests install
rm -rf app/target/torture
# `test`, not `verify`: the tests are all there is to it, and packaging again would rewrite the jar.
echo "[torture] mvn -B -Ptorture test -Dsoak.minutes=$SOAK_MINUTES $* (log: $LOG)"
status=0
mvn -B -Ptorture test -Dsoak.minutes="$SOAK_MINUTES" -Dspotipi.jar="$ROOT/app/target/spotipi.jar" "$@" \
  >"$LOG" 2>&1 || status=$?
# The cluster torture tests belong to app's post-package execution, which `test` never reaches: run that
# execution alone, on the classes and the jar built above.
echo "[torture] mvn -B -Ptorture -pl app surefire:test@cluster-tests $* (log: $LOG)"
mvn -B -Ptorture -pl app surefire:test@cluster-tests -Dspotipi.jar="$ROOT/app/target/spotipi.jar" "$@" \
  >>"$LOG" 2>&1 || status=$?

{
  echo "# SpotiPi torture run $(date +%F)"
  echo
  common_machine_info "$ROOT" "$LOAD_BEFORE"
  echo "- maven exit status: $status"
  echo "- command: \`bench/torture.sh $*\` (SOAK_MINUTES=$SOAK_MINUTES)"
  echo
  echo "## Test classes"
  echo
  echo '```'
  grep -E "Tests run:.*in io\.spotipi|Tests run:.*Skipped|WARNING.*Tests run|FAIL|skipped:|Assumption|crash loop:" "$LOG" |
    sed 's/^\[[A-Z]*\] //' | sort -u || true
  echo '```'
  for f in app/target/torture/*.md; do
    [ -f "$f" ] || continue
    echo
    echo "## $(basename "$f" .md)"
    echo
    cat "$f"
  done
} >"$RESULT"
cat "$RESULT"
echo "written: $RESULT (maven log: $LOG)"
exit "$status"
