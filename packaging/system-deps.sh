#!/usr/bin/env bash
# Make sure the Debian packages Qt (and the tests) need are present.
# Usage: packaging/system-deps.sh [run|test|screenshots]
#   As root, installs what is missing with apt-get; otherwise prints the exact line and fails.
set -euo pipefail
profile=${1:-test}

qt="libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0"
x11="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0"
tests="xvfb xauth dbus gnome-keyring desktop-file-utils appstream"
emoji="fonts-noto-color-emoji"

case "$profile" in
  run) wanted="$qt $x11" ;;
  test) wanted="$qt $x11 $tests $emoji" ;;  # emoji: service names render in test screenshots too
  screenshots) wanted="$qt $x11 $tests $emoji" ;;
  *) echo "usage: $0 [run|test|screenshots]" >&2; exit 2 ;;
esac

command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not a Debian system, skipping the check"; exit 0; }

missing=""
for pkg in $wanted; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in *"install ok installed"*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0

line="apt-get install -y --no-install-recommends$missing"
# apt-get, waiting (up to LOCK_WAIT seconds, saying so) while another apt or dpkg holds its lock
# (an unattended upgrade on a fresh machine) instead of failing with apt's raw lock error.
LOCK_WAIT=${LOCK_WAIT:-300}
apt_waiting() {
  local waited=0 out
  while true; do
    if out=$(apt-get -o DPkg::Lock::Timeout=0 "$@" 2>&1); then
      return 0
    fi
    case "$out" in
      *"Could not get lock"*|*"Unable to acquire the dpkg frontend lock"*|*"Unable to lock"*)
        if [ "$waited" -ge "$LOCK_WAIT" ]; then
          echo "system-deps: another package manager still holds the lock after ${LOCK_WAIT}s; try again later" >&2
          return 1
        fi
        [ "$waited" = 0 ] && echo "system-deps: another apt/dpkg is running; waiting for it (up to ${LOCK_WAIT}s)…"
        sleep 5
        waited=$((waited + 5))
        ;;
      *) printf '%s\n' "$out" >&2; return 1 ;;
    esac
  done
}

if [ "$(id -u)" = 0 ]; then
  echo "system-deps: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt_waiting update -qq
  # shellcheck disable=SC2086
  apt_waiting install -y -qq --no-install-recommends $missing
else
  echo "system-deps: Qt needs these Debian packages; run as root:" >&2
  echo "  sudo $line" >&2
  exit 1
fi
