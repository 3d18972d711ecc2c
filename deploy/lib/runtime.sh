# shellcheck shell=bash
# Sourced by install.sh: the Java runtime, the jar and its class-data-sharing archive.

java_major() {
  local major
  major=$("$1" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1)
  printf '%s' "${major:-0}"
}

# The distribution's default JRE when it is 17 or newer, else its newest openjdk-N-jre-headless.
jre_package() {
  local default best=0 n
  default=$(apt-cache depends default-jre-headless 2>/dev/null |
    sed -n 's/.*Depends: openjdk-\([0-9]*\)-jre-headless.*/\1/p' | head -n 1)
  if ((${default:-0} >= MIN_JAVA)); then
    printf 'default-jre-headless'
    return
  fi
  for n in $(apt-cache search --names-only '^openjdk-[0-9]+-jre-headless$' | sed -n 's/^openjdk-\([0-9]*\)-.*/\1/p'); do
    ((n > best)) && best=$n
  done
  ((best >= MIN_JAVA)) || die "apt offers no Java $MIN_JAVA+ runtime (openjdk-$MIN_JAVA-jre-headless or newer)"
  printf 'openjdk-%s-jre-headless' "$best"
}

apt_install() {
  say "Installing with apt: $*"
  run apt-get update -q
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

ensure_java() {
  local java
  java=$(r "$JAVA")
  if [[ -x $java ]] && (($(java_major "$java") >= MIN_JAVA)); then
    return
  fi
  if [[ -n $ROOT ]]; then
    say "would install a Java $MIN_JAVA+ runtime with apt (no $java)"
    return
  fi
  command -v apt-get >/dev/null || die "no Java $MIN_JAVA+ at $JAVA and no apt-get to install one"
  apt_install "$(jre_package)"
  if [[ ! -x $JAVA ]] || (($(java_major "$JAVA") < MIN_JAVA)); then
    die "$JAVA is still not Java $MIN_JAVA+ after the install"
  fi
}

# Builds app/target/spotipi.jar when missing or stale, as the checkout's owner (not as root, whose
# files would then sit in the checkout and in /root/.m2).
build_jar() {
  [[ -x $REPO_DIR/spoti ]] || die "no --jar given and $REPO_DIR is not a SpotiPi checkout"
  local owner major
  owner=$(stat -c %U "$REPO_DIR")
  if [[ -z $ROOT ]]; then
    major=0
    command -v javac >/dev/null && major=$(java_major java)
    if ((major < MIN_JAVA)) || ! command -v mvn >/dev/null; then
      apt_install "openjdk-$(java_major "$JAVA")-jdk-headless" maven
    fi
  fi
  if [[ -z $ROOT && $owner != root ]]; then
    runuser -u "$owner" -- env HOME="$(getent passwd "$owner" | cut -d: -f6)" "$REPO_DIR/spoti" build
  else
    "$REPO_DIR/spoti" build
  fi
  JAR_SOURCE=$REPO_DIR/app/target/spotipi.jar
}

check_jar() {
  [[ -f $JAR_SOURCE && -r $JAR_SOURCE ]] || die "no jar at $JAR_SOURCE"
  [[ $(head -c 2 "$JAR_SOURCE") == PK ]] || die "$JAR_SOURCE is not a jar"
}

# The class-data-sharing archive, trained with the installed java on the installed jar: an archive
# fits only the JVM that wrote it and the jar at that path with that size and time. -Xshare:on makes
# the JVM refuse one that does not fit, which is the check. True when the archive changed.
train_archive() {
  local java archive jar log unchanged=1
  java=$(r "$JAVA")
  archive=$(r "$ARCHIVE")
  jar=$(r "$JAR")
  if [[ ! -x $java ]]; then
    say "no java at $java yet: no class-data-sharing archive (the next install trains it)"
    return 1
  fi
  if [[ -f $archive ]]; then
    "$java" -Xshare:on -XX:SharedArchiveFile="$archive" -cp "$jar" -version >/dev/null 2>&1 && return 1
    rm -f "$archive"
    unchanged=0
    say "removed $archive: it does not fit this java and jar"
  fi
  say "Training the class-data-sharing archive with $java ..."
  log=$(mktemp)
  TEMP_FILES+=("$log")
  if "$java" -XX:ArchiveClassesAtExit="$archive.new" -Xlog:cds*=error -cp "$jar" io.spotipi.app.CdsTraining \
    >"$log" 2>&1 && [[ -f $archive.new ]]; then
    chmod 0644 "$archive.new"
    mv -f "$archive.new" "$archive"
    say "installed $archive"
  else
    rm -f "$archive.new"
    warn "the training failed; the service starts without the archive, only slower. Its output:"
    tail -n 20 "$log" >&2
    return "$unchanged"
  fi
}
