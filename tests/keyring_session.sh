#!/usr/bin/env bash
# Run a command inside a private D-Bus session with an unlocked gnome-keyring (a real Secret
# Service), with a throwaway HOME so nothing touches the user's own keyring.
set -euo pipefail
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/run"
chmod 700 "$scratch/run"
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" XDG_DATA_HOME="$scratch/home/.local/share"
unset DBUS_SESSION_BUS_ADDRESS
exec dbus-run-session -- sh -c 'printf testpass | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' sh "$@"
