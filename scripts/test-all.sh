#!/usr/bin/env bash
# The one command that runs every test on a fresh machine: installs what is missing, then `npm test`
# (lint, format check, typecheck, unit tests, PostgreSQL store tests, real-cluster integration tests, production
# build, hostile inputs against it, Playwright).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a < 20 || (a === 20 && b < 9)) { console.error("Node.js 20.9 or newer is required, found " + process.version); process.exit(1) }'

bash scripts/setup-system.sh
if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
export NEXT_TELEMETRY_DISABLED=1
npm test
