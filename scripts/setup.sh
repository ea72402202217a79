#!/usr/bin/env bash
# Sets up a fresh machine that has only Node (>= 20.19) and npm: the pinned pnpm, the workspace's
# dependencies from the lockfile, and Debian's Chromium for the docs' browser test.
set -euo pipefail
cd "$(dirname "$0")/.."

want_pnpm=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$want_pnpm" ]; then
  echo "setup: installing pnpm@$want_pnpm with npm"
  npm install --global --no-fund --no-audit "pnpm@$want_pnpm" >/dev/null
fi

pnpm install --frozen-lockfile --reporter=append-only

bash scripts/ensure-chromium.sh
