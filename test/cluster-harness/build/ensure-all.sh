#!/usr/bin/env bash
# Everything the real-cluster tests need, cached outside the repository:
# etcd (Debian), kube-apiserver v1.24.17 (built with Go 1.19), and the peer tools.
# Pluto and kubent are only used by `npm run peers`, so failing to install them
# is reported but does not fail this script.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$HERE/install-etcd.sh"
"$HERE/build-apiserver.sh"
if ! "$HERE/install-peer-tools.sh"; then
  echo "[ensure-all] peer tools (Pluto, kubent) could not be installed; 'npm run peers' will not work, the tests do not need them" >&2
fi
