#!/usr/bin/env bash
# Installs dependencies, builds, and serves Release Lens on http://localhost:3000 (or $PORT).
# No database or cluster is needed: reports go to an SQLite file in ./.data and the demo cluster is built in.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
export NEXT_TELEMETRY_DISABLED=1
if [[ ! -f .next/BUILD_ID ]] || [[ -n $(find app components lib data -newer .next/BUILD_ID -print -quit) ]]; then
  npm run build
fi
exec npx next start -p "${PORT:-3000}" -H "${HOST:-127.0.0.1}"
