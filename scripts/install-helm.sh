#!/usr/bin/env bash
# Builds helm from the Go module proxy into the cache, once, for the repository-scan tests (charts rendered with
# helm template). Idempotent. Output: $CACHE/helm-v4.3.2/helm
set -euo pipefail

VERSION=v4.3.2
CACHE=${RELEASE_LENS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/release-lens}
DIR=$CACHE/helm-$VERSION
GO=${GO:-/usr/local/go/bin/go}
[[ -x $GO ]] || GO=$(command -v go || true)

log() { printf '[install-helm] %s\n' "$*" >&2; }

if [[ -x $DIR/helm ]]; then
  log "cached: $DIR/helm"
  exit 0
fi
if [[ -z $GO ]]; then
  log "no Go toolchain: the rendered-chart tests will fail; install Go or set RELEASE_LENS_TEST_HELM"
  exit 1
fi
mkdir -p "$DIR"
tmp=$(mktemp -d "$DIR/.gobin.XXXXXX")
log "go install helm.sh/helm/v4/cmd/helm@$VERSION with $("$GO" version)"
# GOFLAGS=-mod=mod would be rejected by 'go install pkg@version'; clear it.
if ! GOBIN=$tmp GOFLAGS= CGO_ENABLED=0 "$GO" install -trimpath \
  -ldflags "-s -w -X helm.sh/helm/v4/internal/version.version=$VERSION" "helm.sh/helm/v4/cmd/helm@$VERSION"; then
  rm -rf "$tmp"
  log "failed: go install helm.sh/helm/v4/cmd/helm@$VERSION"
  exit 1
fi
mv "$tmp/helm" "$DIR/helm"
rmdir "$tmp"
log "installed $DIR/helm ($("$DIR/helm" version --short 2>/dev/null || echo 'version unknown'))"
