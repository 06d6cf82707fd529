#!/usr/bin/env bash
# Installs the Debian packages listed in packaging/debian-packages.txt that are missing.
# Runs apt-get as root (or through passwordless sudo); otherwise names what is missing and carries on.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command -v dpkg-query >/dev/null 2>&1 || { echo "install-system-deps: not a Debian system; skipping"; exit 0; }
missing=()
while read -r pkg; do
  [[ -z "$pkg" || "$pkg" == \#* ]] && continue
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done < "$here/debian-packages.txt"
((${#missing[@]})) || exit 0
echo "install-system-deps: installing ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "install-system-deps: not root; please install: ${missing[*]}" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
