#!/usr/bin/env bash
# The docs' browser test drives Debian's Chromium through playwright-core; never a downloaded
# browser build. Installs it when missing and we may (root, apt-get present); otherwise says how.
set -euo pipefail
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then exit 0; fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "setup: installing Debian's chromium for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "setup: Chromium not found. Install it (Debian/Ubuntu: 'sudo apt-get install chromium') or set CHROMIUM_PATH." >&2
exit 1
