#!/usr/bin/env bash
# Installs SpotiPi Core as a systemd service on Debian / Raspberry Pi OS (see --help and README.md,
# "Run it at home"). Idempotent: a second run with the same jar changes nothing.
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$DEPLOY_DIR")"

# Where things go; deploy/spotipi.service names the same paths.
UNIT_NAME=spotipi.service
UNIT_DIR=/etc/systemd/system
APP_DIR=/opt/spotipi
JAR=$APP_DIR/spotipi.jar
ARCHIVE=$APP_DIR/spotipi.jsa
DATA_DIR=/var/lib/spotipi
DEFAULTS=/etc/default/spotipi
UNITS_BACKUP=/var/backups/spotipi-original-units
SERVICE_USER=spotipi
JAVA=/usr/bin/java
MIN_JAVA=17
READY_TIMEOUT=${SPOTI_READY_TIMEOUT:-120}
# As the jar checks --env: a file name, no path.
SAFE_NAME='^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'

usage() {
  cat <<EOF
Usage: sudo deploy/install.sh [options]      (also: sudo ./spoti install [options])
Installs SpotiPi Core as the systemd service $UNIT_NAME: a Java $MIN_JAVA+ runtime from apt when
$JAVA is missing or older, the jar and its class-data-sharing archive in $APP_DIR, the
system user $SERVICE_USER, the data dir $DATA_DIR, and the unit, enabled and started.
Running it again updates what changed and leaves the rest alone.

  --jar PATH            install this spotipi.jar instead of building app/target/spotipi.jar
                        from this checkout (built when missing or older than the sources)
  --from-original DIR   import an original SpotiPi installation (its checkout, or its config/
                        folder): the config files and the Spotify credentials of ~/.spotipi/.env
                        go into $DATA_DIR; the original's files stay as they are, its systemd
                        units (same name) are disabled and moved to $UNITS_BACKUP
  --original-env FILE   the original's credentials file, when not <home>/.spotipi/.env
  --env NAME            the config name the service runs with (<NAME>.json, SPOTIPI_ENV); on
                        import, found out as the original does when not given
  --uninstall           stop and remove the service and the jar; keeps $DATA_DIR,
                        $DEFAULTS and the user
  --root DIR            install under DIR (or DESTDIR=DIR) and only write files there: no apt,
                        useradd, chown or systemctl; what they would do is printed
  -h, --help            this text
Settings of the service (SPOTIPI_* options, JAVA_OPTS) go in $DEFAULTS.
Exit status: 0 done, 1 failed, 2 bad arguments.
EOF
}

say() { printf '%s\n' "$*"; }
warn() { printf 'install.sh: warning: %s\n' "$*" >&2; }
die() {
  printf 'install.sh: %s\n' "$*" >&2
  exit 1
}
usage_error() {
  printf 'install.sh: %s (see --help)\n' "$*" >&2
  exit 2
}

# A path of the target system, under --root when given.
r() { printf '%s%s' "$ROOT" "$1"; }

# Copies SRC to DEST (a path under the root) with MODE when the content differs; true when it copied.
put() {
  local src=$1 dest=$2 mode=$3
  if [[ -f $dest ]] && cmp -s "$src" "$dest"; then
    chmod "$mode" "$dest"
    return 1
  fi
  install -D -m "$mode" "$src" "$dest.new"
  mv -f "$dest.new" "$dest"
  say "installed $dest"
}

# A system change: done, or with --root only said.
run() {
  if [[ -n $ROOT ]]; then
    say "would run:$(printf " %q" "$@")"
  else
    "$@"
  fi
}

ROOT=${DESTDIR:-}
JAR_SOURCE=
ORIGINAL=
ORIGINAL_ENV=
ENV_NAME=
UNINSTALL=0
TEMP_FILES=()
trap 'rm -f "${TEMP_FILES[@]}"' EXIT
parse_args() {
  while (($# > 0)); do
    local opt=$1 value=
    case $opt in
      --*=*) value=${opt#*=}; opt=${opt%%=*} ;;
      --jar | --from-original | --original-env | --env | --root)
        (($# > 1)) || usage_error "$opt needs a value"
        value=$2
        shift
        ;;
    esac
    case $opt in
      --jar) JAR_SOURCE=$value ;;
      --from-original) ORIGINAL=$value ;;
      --original-env) ORIGINAL_ENV=$value ;;
      --env) ENV_NAME=$value ;;
      --root) ROOT=$value ;;
      --uninstall) UNINSTALL=1 ;;
      -h | --help) usage; exit 0 ;;
      *) usage_error "unknown option: $1" ;;
    esac
    shift
  done
  [[ -z $ENV_NAME || $ENV_NAME =~ $SAFE_NAME ]] ||
    usage_error "--env must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
  if ((UNINSTALL)) && [[ -n $JAR_SOURCE$ORIGINAL$ORIGINAL_ENV$ENV_NAME ]]; then
    usage_error "--uninstall takes no other option than --root"
  fi
  [[ -z $ORIGINAL_ENV || -n $ORIGINAL ]] || usage_error "--original-env goes with --from-original"
  if [[ -n $ROOT ]]; then
    mkdir -p "$ROOT"
    ROOT="$(cd "$ROOT" && pwd)"
    [[ $ROOT != / ]] || ROOT=
  fi
  [[ -n $ROOT ]] || ((EUID == 0)) || die "run it as root (sudo), or with --root DIR to only write files"
}

# shellcheck source=deploy/lib/runtime.sh
source "$DEPLOY_DIR/lib/runtime.sh"
# shellcheck source=deploy/lib/service.sh
source "$DEPLOY_DIR/lib/service.sh"
# shellcheck source=deploy/lib/original.sh
source "$DEPLOY_DIR/lib/original.sh"

main() {
  parse_args "$@"
  if ((UNINSTALL)); then
    uninstall
    return
  fi
  # Everything that can refuse does so before anything changes.
  [[ -z $JAR_SOURCE ]] || check_jar
  if [[ -n $ORIGINAL ]]; then
    resolve_original
  else
    refuse_foreign_units
  fi
  ensure_java
  if [[ -z $JAR_SOURCE ]]; then
    build_jar
    check_jar
  fi
  ensure_user_and_data_dir
  CHANGED=0
  UNIT_CHANGED=0
  if [[ -n $ORIGINAL ]] && retire_original_units; then
    UNIT_CHANGED=1
  fi
  if put "$DEPLOY_DIR/spotipi.service" "$(r "$UNIT_DIR/$UNIT_NAME")" 0644; then
    UNIT_CHANGED=1
    CHANGED=1
  fi
  if put "$JAR_SOURCE" "$(r "$JAR")" 0644; then
    CHANGED=1
  fi
  if train_archive; then
    CHANGED=1
  fi
  if [[ -n $ORIGINAL ]] && import_original; then
    CHANGED=1
  fi
  if [[ -n $ENV_NAME ]] && set_setting SPOTIPI_ENV "$ENV_NAME"; then
    CHANGED=1
  fi
  ((CHANGED)) || say "Everything was up to date."
  start_service
  print_urls
}

main "$@"
