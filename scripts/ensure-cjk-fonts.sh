#!/usr/bin/env bash
# The docs' browser test screenshots Chinese pages; without a CJK font Chromium draws empty boxes
# (tofu) and the test fails. Installs Debian's Noto CJK fonts when missing and we may (root,
# apt-get present); otherwise says how.
set -euo pipefail
if command -v fc-list >/dev/null && fc-list :lang=zh-cn family 2>/dev/null | grep -q .; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "setup: installing Debian's fonts-noto-cjk for the Chinese docs' screenshots"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends fonts-noto-cjk fontconfig >/dev/null
  exit 0
fi
echo "setup: no CJK font found. Install one (Debian/Ubuntu: 'sudo apt-get install fonts-noto-cjk')." >&2
exit 1
