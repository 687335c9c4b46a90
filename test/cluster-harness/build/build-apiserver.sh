#!/usr/bin/env bash
# Builds kube-apiserver v1.24.17 from the Go module proxy and caches the binary.
# Idempotent: does nothing when the cached binary already exists.
# Output: $CACHE/kube-apiserver-v1.24.17/kube-apiserver
set -euo pipefail

K8S_VERSION=v1.24.17
K8S_MAJOR=1
K8S_MINOR=24
GO119=${GO119:-/usr/lib/go-1.19/bin/go}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${RELEASE_LENS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/release-lens}
OUT_DIR=$CACHE/kube-apiserver-$K8S_VERSION
BIN=$OUT_DIR/kube-apiserver
SRC_DIR=$CACHE/kapi-build-src

log() { printf '[build-apiserver] %s\n' "$*" >&2; }

if [[ -x $BIN ]]; then
  log "cached: $BIN ($("$BIN" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

# Debian's golang-1.19-go is the toolchain upstream used for 1.24.10-1.24.13; install it when missing.
if [[ ! -x $GO119 && $GO119 == /usr/lib/go-1.19/bin/go && $(id -u) -eq 0 ]]; then
  log "installing golang-1.19-go"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends golang-1.19-go ||
    { apt-get update -q && apt-get install -y -q --no-install-recommends golang-1.19-go; }
fi
if [[ ! -x $GO119 ]]; then
  log "Go 1.19 not found at $GO119 (install Debian package golang-1.19-go, or set GO119)"
  exit 1
fi

mkdir -p "$OUT_DIR" "$SRC_DIR"

# One build at a time per cache dir.
exec 9>"$OUT_DIR/.lock"
flock 9
if [[ -x $BIN ]]; then
  log "built by a concurrent run: $BIN"
  exit 0
fi

# Go 1.19 does not read $GOROOT/go.env, so take proxy/sumdb settings from the
# newer Go on the machine when there is one.
NEWGO=""
for candidate in /usr/local/go/bin/go "$(command -v go || true)"; do
  if [[ -n $candidate && -x $candidate && $candidate != "$GO119" ]]; then NEWGO=$candidate; break; fi
done
if [[ -n $NEWGO ]]; then
  GOPROXY=$("$NEWGO" env GOPROXY)
  GOSUMDB=$("$NEWGO" env GOSUMDB)
  GONOSUMDB=$("$NEWGO" env GONOSUMDB)
  GOPRIVATE=$("$NEWGO" env GOPRIVATE)
fi
export GOPROXY=${GOPROXY:-https://proxy.golang.org,direct}
export GOSUMDB=${GOSUMDB:-sum.golang.org}
export GONOSUMDB=${GONOSUMDB:-}
export GOPRIVATE=${GOPRIVATE:-}
export GOFLAGS=-mod=mod
export CGO_ENABLED=0
export GOTOOLCHAIN=local

# Build from a copy so that go.mod/go.sum updates stay out of the repository.
cp "$HERE/go.mod" "$SRC_DIR/go.mod"
if [[ -f $HERE/go.sum ]]; then cp "$HERE/go.sum" "$SRC_DIR/go.sum"; else rm -f "$SRC_DIR/go.sum"; fi

LDFLAGS="-s -w \
 -X k8s.io/component-base/version.gitVersion=$K8S_VERSION \
 -X k8s.io/component-base/version.gitMajor=$K8S_MAJOR \
 -X k8s.io/component-base/version.gitMinor=$K8S_MINOR \
 -X k8s.io/component-base/version.gitCommit=0000000000000000000000000000000000000000 \
 -X k8s.io/component-base/version.gitTreeState=clean \
 -X k8s.io/component-base/version.buildDate=2023-08-23T00:00:00Z \
 -X k8s.io/client-go/pkg/version.gitVersion=$K8S_VERSION \
 -X k8s.io/client-go/pkg/version.gitMajor=$K8S_MAJOR \
 -X k8s.io/client-go/pkg/version.gitMinor=$K8S_MINOR"

TMP_BIN=$OUT_DIR/kube-apiserver.tmp.$$
trap 'rm -f "$TMP_BIN"' EXIT

build() {
  local tags=$1
  log "building k8s.io/kubernetes/cmd/kube-apiserver@$K8S_VERSION with $("$GO119" version) tags='${tags}'"
  (cd "$SRC_DIR" && "$GO119" build -trimpath ${tags:+-tags "$tags"} -ldflags "$LDFLAGS" \
      -o "$TMP_BIN" k8s.io/kubernetes/cmd/kube-apiserver)
}

start=$(date +%s)
if ! build providerless; then
  log "build with -tags providerless failed; retrying without it"
  build ""
fi
end=$(date +%s)

version=$("$TMP_BIN" --version)
if [[ $version != "Kubernetes $K8S_VERSION" ]]; then
  log "unexpected version output: $version"
  exit 1
fi
mv "$TMP_BIN" "$BIN"
{
  echo "version: $version"
  echo "go: $("$GO119" version)"
  echo "seconds: $((end - start))"
  echo "bytes: $(stat -c %s "$BIN")"
  echo "built: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >"$OUT_DIR/build-info.txt"
log "built $BIN in $((end - start))s ($(stat -c %s "$BIN") bytes)"
