#!/usr/bin/env bash
# Installs the peer tools we compare against (Pluto, kube-no-trouble) from the
# Go module proxy into the cache, version-stamped. Idempotent.
# Output: $CACHE/peer-tools/pluto-v5.24.0/pluto, $CACHE/peer-tools/kubent-v0.7.1/kubent
set -euo pipefail

CACHE=${RELEASE_LENS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/release-lens}
GO=${GO:-/usr/local/go/bin/go}
[[ -x $GO ]] || GO=$(command -v go)

log() { printf '[install-peer-tools] %s\n' "$*" >&2; }

# install NAME VERSION PACKAGE LDFLAGS
install_tool() {
  local name=$1 version=$2 pkg=$3 ldflags=$4
  local dir=$CACHE/peer-tools/$name-$version
  if [[ -x $dir/$name ]]; then
    log "cached: $dir/$name"
    return 0
  fi
  mkdir -p "$dir"
  local tmp
  tmp=$(mktemp -d "$dir/.gobin.XXXXXX")
  log "go install $pkg@$version with $("$GO" version)"
  # GOFLAGS=-mod=mod would be rejected by 'go install pkg@version'; clear it.
  if ! GOBIN=$tmp GOFLAGS= CGO_ENABLED=0 "$GO" install -trimpath -ldflags "$ldflags" "$pkg@$version"; then
    rm -rf "$tmp"
    log "failed: go install $pkg@$version"
    return 1
  fi
  mv "$tmp/$name" "$dir/$name"
  rmdir "$tmp"
  log "installed $dir/$name"
}

status=0
install_tool pluto v5.24.0 github.com/fairwindsops/pluto/v5/cmd/pluto \
  "-s -w -X main.version=5.24.0 -X main.commit=dd5ec8cc" || status=1
install_tool kubent v0.7.1 github.com/doitintl/kube-no-trouble/cmd/kubent \
  "-s -w -X main.version=0.7.1 -X main.gitSha=1ed4bfb" || status=1
exit $status
