#!/usr/bin/env bash
# Installs what the test suite needs beyond npm, on Debian or Ubuntu, only when it is missing:
#   chromium         the browser the Playwright tests drive (Playwright's own download is not required)
#   golang-1.19-go   the toolchain that builds kube-apiserver v1.24.17 for the real-cluster tests
#   postgresql       a throwaway PostgreSQL server for the report-store tests
# then builds kube-apiserver and helm and extracts etcd into ~/.cache/release-lens (once; later runs reuse them).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf '[setup] %s\n' "$*" >&2; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else log "need root to run: $*"; return 1
  fi
}

missing=()
[[ -x /usr/bin/chromium || -n ${PLAYWRIGHT_CHROMIUM_PATH:-} || ${RELEASE_LENS_BROWSER:-} == bundled ]] || missing+=(chromium)
[[ -x /usr/lib/go-1.19/bin/go ]] || missing+=(golang-1.19-go)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)

if ((${#missing[@]} > 0)); then
  command -v apt-get >/dev/null || { log "please install: ${missing[*]} (no apt-get here)"; exit 1; }
  log "installing ${missing[*]}"
  as_root apt-get update -q
  # The postgresql package would start a system server; a temporary policy-rc.d keeps services from starting.
  policy=/usr/sbin/policy-rc.d
  added_policy=false
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null && as_root chmod +x "$policy" && added_policy=true
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  if [[ $added_policy == true ]]; then as_root rm -f "$policy"; fi
else
  log "system packages present"
fi

bash test/cluster-harness/build/install-etcd.sh
bash test/cluster-harness/build/build-apiserver.sh
bash scripts/install-helm.sh
