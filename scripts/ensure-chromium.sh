#!/usr/bin/env bash
# The docs' browser test drives Debian's Chromium through playwright-core; never a downloaded
# browser build.
set -euo pipefail
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then exit 0; fi
done
exec bash "$(dirname "$0")/apt-install.sh" "for the browser tests" \
  "Chromium not found. Install it (Debian/Ubuntu: 'sudo apt-get install chromium') or set CHROMIUM_PATH." \
  chromium
