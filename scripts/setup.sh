#!/usr/bin/env bash
# Sets up a fresh machine that has only Node (>= 20.19) and npm: the pinned pnpm, the workspace's
# dependencies from the lockfile, the other runtimes the tests run on (tools/runtimes: Node 22
# and 24, Deno, Bun, workerd) and Debian's Chromium for the browser tests. Tests never download:
# everything they use is installed here, and a second run reuses what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

want_pnpm=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$want_pnpm" ]; then
  echo "setup: installing pnpm@$want_pnpm with npm"
  npm install --global --no-fund --no-audit "pnpm@$want_pnpm" >/dev/null ||
    { echo "setup: could not install pnpm@$want_pnpm with npm. Fix: make \`npm view pnpm version\` work here (registry, proxy, cafile), then rerun" >&2; exit 1; }
fi

pnpm install --frozen-lockfile --reporter=append-only
node apps/release-checks/scripts/fill-npm-cache.mjs

node tools/runtimes/src/install.mjs
bash scripts/ensure-chromium.sh
bash scripts/ensure-cjk-fonts.sh
bash scripts/ensure-curl.sh
