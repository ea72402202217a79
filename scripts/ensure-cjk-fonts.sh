#!/usr/bin/env bash
# The docs' browser test screenshots Chinese pages; without a CJK font Chromium draws empty boxes
# (tofu) and the test fails.
set -euo pipefail
if command -v fc-list >/dev/null && fc-list :lang=zh-cn family 2>/dev/null | grep -q .; then exit 0; fi
exec bash "$(dirname "$0")/apt-install.sh" "for the Chinese docs' screenshots" \
  "no CJK font found. Install one (Debian/Ubuntu: 'sudo apt-get install fonts-noto-cjk')." \
  fonts-noto-cjk fontconfig
