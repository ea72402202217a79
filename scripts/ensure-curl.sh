#!/usr/bin/env bash
# The docs show a `curl · local mock` sample for every operation, and a test runs each one, as
# shown, with the real curl against the mock.
set -euo pipefail
if command -v curl >/dev/null; then exit 0; fi
exec bash "$(dirname "$0")/apt-install.sh" "for the docs' curl samples test" \
  "curl not found. Install it (Debian/Ubuntu: 'sudo apt-get install curl')." curl
