#!/usr/bin/env bash
# Extracts Debian's etcd-server into the cache without installing the package,
# so no system etcd daemon is started. Idempotent.
# Output: $CACHE/etcd/usr/bin/etcd
set -euo pipefail

CACHE=${RELEASE_LENS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/release-lens}
ROOT=$CACHE/etcd
BIN=$ROOT/usr/bin/etcd

log() { printf '[install-etcd] %s\n' "$*" >&2; }

if [[ -x $BIN ]]; then
  log "cached: $BIN ($("$BIN" --version | head -n1))"
  exit 0
fi

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo -n "$@"
  else log "need root for: $*"; return 1
  fi
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# apt-get download drops privileges to _apt; give it a directory it can write to.
chmod 0777 "$work"

download() { (cd "$work" && apt-get download -q etcd-server); }
if ! download; then
  log "apt-get download failed; running apt-get update and retrying"
  as_root apt-get update -q
  download
fi

deb=$(find "$work" -maxdepth 1 -name 'etcd-server_*.deb' | head -n1)
[[ -n $deb ]] || { log "no etcd-server .deb downloaded"; exit 1; }

staging=$CACHE/etcd.tmp.$$
rm -rf "$staging"
mkdir -p "$staging"
dpkg-deb -x "$deb" "$staging"
[[ -x $staging/usr/bin/etcd ]] || { log "usr/bin/etcd missing in $(basename "$deb")"; exit 1; }
rm -rf "$ROOT"
mv "$staging" "$ROOT"
log "installed $(basename "$deb") -> $BIN ($("$BIN" --version | head -n1))"
