# shellcheck shell=bash
# Sourced by install.sh: the service's user, data dir and settings, the unit, start and uninstall.

ensure_user_and_data_dir() {
  if [[ -n $ROOT ]] || ! getent passwd "$SERVICE_USER" >/dev/null; then
    run useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home \
      --shell /usr/sbin/nologin --comment "SpotiPi alarm clock" "$SERVICE_USER"
  fi
  install -d -m 0750 "$(r "$DATA_DIR")"
  chmod 0750 "$(r "$DATA_DIR")"
  run chown "$SERVICE_USER:$SERVICE_USER" "$(r "$DATA_DIR")"
}

# A value of the settings file, else DEFAULT.
setting() {
  local value=
  [[ -f $(r "$DEFAULTS") ]] && value=$(sed -n "s/^[[:space:]]*$1=//p" "$(r "$DEFAULTS")" | tail -n 1)
  value=${value%\"}
  value=${value#\"}
  printf '%s' "${value:-$2}"
}

# Sets KEY=VALUE in the settings file (created, root only, when missing: it may hold the API token);
# true when that changed the file.
set_setting() {
  local file line=$1=$2
  file=$(r "$DEFAULTS")
  if [[ ! -f $file ]]; then
    install -D -m 0600 /dev/null "$file"
    cat >"$file" <<TEXT
# Settings of $UNIT_NAME, read at each start (systemctl restart $UNIT_NAME after a change).
# Any option of the jar as its variable (java -jar $JAR --help), e.g. SPOTIPI_API_TOKEN=...,
# and JAVA_OPTS for the JVM (e.g. JAVA_OPTS=-Xmx160m).
TEXT
  fi
  grep -qxF -- "$line" "$file" && return 1
  if grep -q "^$1=" "$file"; then
    sed -i "s|^$1=.*|$line|" "$file"
  else
    printf '%s\n' "$line" >>"$file"
  fi
  say "set $line in $file"
}

# A unit file that starts our jar (not the original SpotiPi's, which has the same name).
ours() { grep -qF -- "-jar $JAR" "$1"; }

refuse_foreign_units() {
  local units
  mapfile -t units < <(original_units)
  ((${#units[@]} == 0)) && return
  die "$(r "$UNIT_DIR") holds units of the original SpotiPi (${units[*]}): rerun with" \
    "--from-original DIR to import its settings and disable them, or remove them first"
}

service_active() {
  [[ -z $ROOT ]] && systemctl is-active --quiet "$UNIT_NAME"
}

start_service() {
  ((UNIT_CHANGED)) && run systemctl daemon-reload
  run systemctl enable --quiet "$UNIT_NAME"
  if ((CHANGED)); then
    run systemctl restart "$UNIT_NAME"
  else
    run systemctl start "$UNIT_NAME"
  fi
  [[ -n $ROOT ]] || await_ready
}

await_ready() {
  local host port deadline
  host=$(setting SPOTIPI_HOST 127.0.0.1)
  port=$(setting SPOTIPI_PORT 5001)
  case $host in
    0.0.0.0 | ::) host=127.0.0.1 ;;
    *:*) host="[$host]" ;;
  esac
  if ! command -v curl >/dev/null; then
    say "(no curl to wait for it: systemctl status $UNIT_NAME shows whether it runs)"
    return
  fi
  say "Waiting for SpotiPi to be ready ..."
  deadline=$((SECONDS + READY_TIMEOUT))
  until curl -fsS -o /dev/null --max-time 2 "http://$host:$port/readyz" 2>/dev/null; do
    ((SECONDS < deadline)) ||
      die "$UNIT_NAME is not ready after $READY_TIMEOUT s; see journalctl -u $UNIT_NAME -n 50"
    sleep 1
  done
}

print_urls() {
  local port name ip
  port=$(setting SPOTIPI_PORT 5001)
  name=$(hostname 2>/dev/null || uname -n)
  say "SpotiPi runs as $UNIT_NAME (journalctl -u $UNIT_NAME for its log). Open it at:"
  say "  http://${name%%.*}.local:$port/"
  for ip in $(hostname -I 2>/dev/null || true); do
    [[ $ip == *:* ]] || say "  http://$ip:$port/"
  done
}

uninstall() {
  local unit file
  unit=$(r "$UNIT_DIR/$UNIT_NAME")
  if [[ -f $unit ]]; then
    ours "$unit" || die "$unit is not SpotiPi Core's: left alone"
    run systemctl disable --now "$UNIT_NAME"
    rm -f "$unit"
    say "removed $unit"
    run systemctl daemon-reload
  fi
  for file in "$JAR" "$ARCHIVE"; do
    if [[ -e $(r "$file") ]]; then
      rm -f "$(r "$file")"
      say "removed $(r "$file")"
    fi
  done
  [[ ! -d $(r "$APP_DIR") ]] || rmdir --ignore-fail-on-non-empty "$(r "$APP_DIR")"
  say "Kept $DATA_DIR (config, backups, Spotify credentials), $DEFAULTS and the user $SERVICE_USER."
  say "To remove them too: sudo rm -r $DATA_DIR $DEFAULTS && sudo userdel $SERVICE_USER"
}
