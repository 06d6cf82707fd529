#!/usr/bin/env bash
# Install a built bundle for one user or for everyone, with its menu entry, icons and AppStream metadata.
# Works from the repository after `make package` (installs dist/cowork-desktop/) and from an unpacked release
# archive (this script beside the cowork-desktop/ folder; docs/packaging.md shows how to make one).
#
#   bash packaging/linux/install.sh            # this user: ~/.local/opt, ~/.local/bin, ~/.local/share
#   sudo bash packaging/linux/install.sh --system   # everyone: /opt, /usr/local/bin, /usr/local/share
#   bash packaging/linux/install.sh --uninstall [--system]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
app_id=io.github.cowork.CoworkDesktop
bundle="$here/cowork-desktop"
[[ -d "$bundle" ]] || bundle="$(cd "$here/../.." && pwd)/dist/cowork-desktop"
icons="$bundle/_internal/resources/icons"

system=0 uninstall=0
for arg in "$@"; do
  case "$arg" in
    --system) system=1 ;;
    --uninstall) uninstall=1 ;;
    *) echo "usage: $0 [--system] [--uninstall]" >&2; exit 2 ;;
  esac
done
if ((system)); then
  opt=/opt/cowork-desktop bin=/usr/local/bin share=/usr/local/share
else
  opt="$HOME/.local/opt/cowork-desktop" bin="$HOME/.local/bin" share="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
sizes=(16 24 32 48 64 128 256 512)

if ((uninstall)); then
  rm -rf "$opt"
  rm -f "$bin/cowork" "$bin/cowork-desktop" "$share/applications/$app_id.desktop" \
    "$share/metainfo/$app_id.metainfo.xml" "$share/icons/hicolor/scalable/apps/$app_id.svg"
  for s in "${sizes[@]}"; do rm -f "$share/icons/hicolor/${s}x${s}/apps/$app_id.png"; done
  echo "cowork-desktop removed (your data folder is kept)"
  exit 0
fi

[[ -x "$bundle/cowork-desktop" ]] || { echo "no bundle at $bundle: run \`make package\` first" >&2; exit 1; }
mkdir -p "$(dirname "$opt")" "$bin" "$share/applications" "$share/metainfo"
rm -rf "$opt.new" && cp -a "$bundle" "$opt.new" && rm -rf "$opt" && mv "$opt.new" "$opt"
ln -sf "$opt/cowork" "$bin/cowork"
ln -sf "$opt/cowork-desktop" "$bin/cowork-desktop"
# an absolute Exec, so the menu entry works even when $bin is not on the session's PATH
sed -e "s|^Exec=cowork-desktop|Exec=$opt/cowork-desktop|" -e "s|^TryExec=cowork-desktop|TryExec=$opt/cowork-desktop|" \
  "$here/$app_id.desktop" > "$share/applications/$app_id.desktop"
install -m 644 "$here/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
install -D -m 644 "$icons/cowork.svg" "$share/icons/hicolor/scalable/apps/$app_id.svg"
for s in "${sizes[@]}"; do
  install -D -m 644 "$icons/cowork-$s.png" "$share/icons/hicolor/${s}x${s}/apps/$app_id.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "cowork-desktop installed in $opt (commands in $bin, menu entry in $share/applications)"
