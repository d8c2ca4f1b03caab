#!/usr/bin/env bash
# Install (or remove) the desktop entry, AppStream metainfo and icons for the current user.
#   packaging/install-desktop.sh [EXECUTABLE]     (make install-desktop)
#   packaging/install-desktop.sh --uninstall
# EXECUTABLE defaults to the bundle dist/smpanel-desktop/smpanel-desktop if it is built, else the
# venv's .venv/bin/smpanel-desktop, else `smpanel-desktop` on PATH.  Files go under
# ${XDG_DATA_HOME:-~/.local/share}: applications/, metainfo/, icons/hicolor/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
app_id=net.smpanel.SmpanelDesktop
data=${XDG_DATA_HOME:-$HOME/.local/share}
sizes="16 24 32 48 64 128 256 512"

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$data/applications/$app_id.desktop" "$data/metainfo/$app_id.metainfo.xml" \
    "$data/icons/hicolor/scalable/apps/$app_id.svg"
  for n in $sizes; do rm -f "$data/icons/hicolor/${n}x${n}/apps/$app_id.png"; done
  refresh
  echo "removed the $app_id desktop entry and icons from $data"
  exit 0
fi

exe=${1:-}
if [ -z "$exe" ]; then
  for candidate in "$root/dist/smpanel-desktop/smpanel-desktop" "$root/.venv/bin/smpanel-desktop"; do
    if [ -x "$candidate" ]; then exe=$candidate; break; fi
  done
fi
exe=${exe:-smpanel-desktop}
case "$exe" in
  /*) ;;
  */*) exe=$PWD/$exe ;;
esac
case "$exe" in
  *[\"\`\$\\]*) echo "install-desktop: cannot put this path in a desktop entry: $exe" >&2; exit 2 ;;
  *" "*) exec_field="\"$exe\"" ;;
  *) exec_field=$exe ;;
esac

install -d "$data/applications" "$data/metainfo" "$data/icons/hicolor/scalable/apps"
sed -e "s|^Exec=.*|Exec=$exec_field|" -e "s|^TryExec=.*|TryExec=$exe|" \
  "$root/smpanel_desktop/resources/$app_id.desktop" >"$data/applications/$app_id.desktop"
install -m 644 "$root/smpanel_desktop/resources/$app_id.metainfo.xml" "$data/metainfo/$app_id.metainfo.xml"
install -m 644 "$root/smpanel_desktop/resources/icons/smpanel-desktop.svg" "$data/icons/hicolor/scalable/apps/$app_id.svg"
for n in $sizes; do
  install -D -m 644 "$root/smpanel_desktop/resources/icons/smpanel-desktop-$n.png" "$data/icons/hicolor/${n}x${n}/apps/$app_id.png"
done
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$data/applications/$app_id.desktop"
fi
refresh
echo "installed $app_id for ${USER:-$(id -un)}: $data/applications/$app_id.desktop (Exec=$exec_field)"
