#!/usr/bin/env bash
# `make fresh-check`: the README's two commands on a truly fresh, minimal Debian 12.
#
# debootstraps Debian 12 (minbase, plus only python3, make, git and ca-certificates) into a temporary folder,
# clones this repository's HEAD into it, and runs `make test` and a headless `make run` inside it as a plain user.
# Needs root (debootstrap, chroot) and Debian's package mirror; not part of `make test`. Prints PASS or FAIL and
# exits 0 or 1. FRESH_KEEP=1 keeps the folder for a look afterwards.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
[[ $(id -u) -eq 0 ]] || { echo "fresh-check: run as root (debootstrap and chroot need it)" >&2; exit 2; }
command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
mirror=${FRESH_MIRROR:-http://deb.debian.org/debian}
root=$(mktemp -d /var/tmp/cowork-fresh.XXXXXX)
chmod 755 "$root"  # the new system's / : its users must be able to enter it
log="$root.log"
cleanup() {
  for m in dev/shm dev/pts dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done
  [[ "${FRESH_KEEP:-}" == 1 ]] || rm -rf "$root"
}
trap cleanup EXIT
echo "fresh-check: Debian 12 minbase into $root (log: $log)"
debootstrap --variant=minbase --include=python3,make,git,ca-certificates bookworm "$root" "$mirror" >"$log" 2>&1
cp /etc/resolv.conf "$root/etc/resolv.conf"
# this machine's trust store and proxy settings go in with it (a council network's TLS-inspecting proxy has a CA
# of its own); nothing else of the host does
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
passed=()
for name in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
  [[ -n "${!name:-}" ]] && passed+=("$name=${!name}")
done
mount -t proc proc "$root/proc"; mount -t sysfs sys "$root/sys"; mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"; mount -t tmpfs tmpfs "$root/dev/shm"
chroot "$root" useradd --create-home --shell /bin/bash tester
git clone --quiet "$here" "$root/home/tester/cowork-desktop"
chroot "$root" chown -R tester:tester /home/tester/cowork-desktop
# the system packages are installed by `make` itself (packaging/install-system-deps.sh); as the plain user it
# would only name them, so the first, root step installs them the way the README's `make test` does for root
steps=(
  "cd /home/tester/cowork-desktop && bash packaging/install-system-deps.sh"
  "runuser -u tester -- bash -c 'cd ~/cowork-desktop && make test </dev/null'"
  "runuser -u tester -- bash -c 'cd ~/cowork-desktop && QT_QPA_PLATFORM=offscreen timeout 120 make run ARGS=\"--db /tmp/fresh.db --quit-after 4000 --screenshot /tmp/fresh.png\" </dev/null && test -s /tmp/fresh.png'"
)
status=0
for step in "${steps[@]}"; do
  echo "fresh-check: $step"
  if ! chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "${passed[@]}" \
    bash -c "$step" >>"$log" 2>&1; then
    status=1
    echo "fresh-check: FAILED at: $step (the end of $log follows)"
    tail -40 "$log"
    break
  fi
done
if [[ $status -eq 0 ]]; then
  grep -E "passed|failed" "$log" | tail -3
  echo "fresh-check: PASS (both commands on a minimal Debian 12)"
fi
exit $status
