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
if [ "$(id -u)" = 0 ]; then
  echo "system-deps: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "system-deps: Qt needs these Debian packages; run as root:" >&2
  echo "  sudo $line" >&2
  exit 1
fi
