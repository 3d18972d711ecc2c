# shellcheck shell=bash
# Sourced by install.sh: --from-original DIR, the move from an original SpotiPi installation (a checkout
# with config/ and its owner's ~/.spotipi/.env). Its files are only read; its systemd units, which
# have our unit's name, are disabled and moved to UNITS_BACKUP.

ORIGINAL_UNITS=(spotipi.service spotipi-alarm.timer spotipi-alarm.service)
# The original's credentials file also holds its Flask key and settings: only these lines come along.
CREDENTIAL_KEYS='SPOTIFY_(CLIENT_ID|CLIENT_SECRET|REFRESH_TOKEN|USERNAME)'
CREDENTIALS=$DATA_DIR/spotify.env
CONFIG_SOURCE=
CREDENTIALS_SOURCE=

# Finds the original's config folder, credentials and config name; changes nothing.
resolve_original() {
  [[ -d $ORIGINAL ]] || die "--from-original: no folder $ORIGINAL"
  local checkout
  checkout=$(cd "$ORIGINAL" && pwd)
  if [[ -d $checkout/config ]]; then
    CONFIG_SOURCE=$checkout/config
  else
    CONFIG_SOURCE=$checkout
    checkout=$(dirname "$checkout")
  fi
  compgen -G "$CONFIG_SOURCE/*.json" >/dev/null ||
    die "--from-original: $CONFIG_SOURCE holds no config files (*.json): not a SpotiPi installation"
  find_credentials "$checkout"
  if [[ -z $ENV_NAME ]]; then
    detect_env
  fi
  [[ -f $CONFIG_SOURCE/$ENV_NAME.json ]] ||
    warn "the original has no $ENV_NAME.json: the service starts from its defaults"
}

# The original keeps them in ~/.spotipi/.env of the user it runs as: the checkout's parent in the
# usual ~/spotipi layout, else the checkout owner's home.
find_credentials() {
  if [[ -n $ORIGINAL_ENV ]]; then
    [[ -f $ORIGINAL_ENV ]] || die "--original-env: no file $ORIGINAL_ENV"
    CREDENTIALS_SOURCE=$ORIGINAL_ENV
    return
  fi
  local home candidate candidates=("$(dirname "$1")/.spotipi/.env")
  home=$(getent passwd "$(stat -c %U "$1")" | cut -d: -f6 || true)
  [[ -z $home ]] || candidates+=("$home/.spotipi/.env")
  for candidate in "${candidates[@]}"; do
    if [[ -f $candidate ]]; then
      CREDENTIALS_SOURCE=$candidate
      return
    fi
  done
  warn "no Spotify credentials at ${candidates[*]}: give them with --original-env FILE," \
    "or put them in $CREDENTIALS later"
}

# The config name as the original picks it: SPOTIPI_ENV (which its setup writes into the credentials
# file), else "production" on a Raspberry Pi and "development" elsewhere.
detect_env() {
  local reason
  ENV_NAME=$(dotenv_value SPOTIPI_ENV "$CREDENTIALS_SOURCE")
  if [[ -n $ENV_NAME ]]; then
    reason="SPOTIPI_ENV in $CREDENTIALS_SOURCE"
  elif is_raspberry_pi; then
    ENV_NAME=production
    reason="the original's default on a Raspberry Pi"
  else
    ENV_NAME=development
    reason="the original's default off a Raspberry Pi"
  fi
  [[ $ENV_NAME =~ $SAFE_NAME ]] || die "$reason: '$ENV_NAME' cannot name a config file; choose one with --env"
  say "Config name: $ENV_NAME ($reason)"
}

# As the original tells: SPOTIPI_RASPBERRY_PI=1, an ARM machine, the host name, or a device tree.
is_raspberry_pi() {
  [[ ${SPOTIPI_RASPBERRY_PI:-} == 1 || $(uname -m) == arm* || $(uname -n) == *[Rr]aspberry[Pp]i* ||
    -e /sys/firmware/devicetree/base/model ]]
}

# KEY's value in a dotenv file, read as python-dotenv does: the last assignment, an optional
# "export ", quotes stripped, an unquoted value's " # comment" dropped.
dotenv_value() {
  [[ -n $2 && -f $2 ]] || return 0
  local value
  value=$(grep -E "^[[:space:]]*(export[[:space:]]+)?$1[[:space:]]*=" "$2" | tail -n 1 || true)
  value=${value#*=}
  value=${value#"${value%%[![:space:]]*}"}
  case $value in
    \"*) value=${value#\"} && value=${value%%\"*} ;;
    \'*) value=${value#\'} && value=${value%%\'*} ;;
    *) value=${value%%[[:space:]]#*} && value=${value%"${value##*[![:space:]]}"} ;;
  esac
  printf '%s' "$value"
}

# The original's units still installed (our own spotipi.service is not one of them).
original_units() {
  local unit file
  for unit in "${ORIGINAL_UNITS[@]}"; do
    file=$(r "$UNIT_DIR/$unit")
    [[ -f $file ]] || continue
    [[ $unit == "$UNIT_NAME" ]] && ours "$file" && continue
    printf '%s\n' "$unit"
  done
}

# Stops and disables them and moves them, with their drop-ins, to UNITS_BACKUP; true when there were any.
retire_original_units() {
  local units unit backup
  mapfile -t units < <(original_units)
  ((${#units[@]} > 0)) || return 1
  run systemctl disable --now "${units[@]}"
  backup=$(r "$UNITS_BACKUP")
  install -d -m 0755 "$backup"
  for unit in "${units[@]}"; do
    mv --backup=numbered "$(r "$UNIT_DIR/$unit")" "$backup/"
    [[ ! -d $(r "$UNIT_DIR/$unit.d") ]] || mv --backup=numbered "$(r "$UNIT_DIR/$unit.d")" "$backup/"
  done
  say "disabled the original's units (${units[*]}) and moved them to $backup"
}

# Copies the original's config files and credentials into the data dir. A file already there is
# kept (the service may have changed it since): importing again only adds what is missing.
# True when it copied something.
import_original() {
  local sources=() targets=() pending=() src target i
  for src in "$CONFIG_SOURCE"/*.json; do
    [[ -f $src ]] || continue
    sources+=("$src")
    targets+=("$(r "$DATA_DIR")/${src##*/}")
  done
  if [[ -n $CREDENTIALS_SOURCE ]]; then
    src=$(mktemp)
    TEMP_FILES+=("$src")
    credential_lines >"$src"
    if [[ -s $src ]]; then
      sources+=("$src")
      targets+=("$(r "$CREDENTIALS")")
    else
      warn "$CREDENTIALS_SOURCE holds no Spotify credentials (SPOTIFY_CLIENT_ID, ...)"
    fi
  fi
  for i in "${!sources[@]}"; do
    target=${targets[i]}
    if [[ ! -e $target ]]; then
      pending+=("$i")
    elif ! cmp -s "${sources[i]}" "$target"; then
      say "kept $target (it differs from the original's; remove it to import that again)"
    fi
  done
  ((${#pending[@]} > 0)) || return 1
  # The config verticle owns these files while it runs.
  if service_active; then
    systemctl stop "$UNIT_NAME"
  fi
  for i in "${pending[@]}"; do
    install -m 0600 "${sources[i]}" "${targets[i]}.new"
    mv -f "${targets[i]}.new" "${targets[i]}"
    run chown "$SERVICE_USER:$SERVICE_USER" "${targets[i]}"
    say "imported ${targets[i]}"
  done
}

# The credential assignments of the original's file, verbatim, under a line naming where they came from.
credential_lines() {
  local lines
  lines=$(grep -E "^[[:space:]]*(export[[:space:]]+)?${CREDENTIAL_KEYS}[[:space:]]*=" "$CREDENTIALS_SOURCE" || true)
  [[ -n $lines ]] || return 0
  printf '# Spotify credentials, imported from %s\n%s\n' "$CREDENTIALS_SOURCE" "$lines"
}
