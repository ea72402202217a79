#!/usr/bin/env bash
# Setup's one way to add a Debian package the tests need: installs it when we may (root, apt-get
# present); otherwise prints how and fails.
# Usage: apt-install.sh "<what it is for>" "<what to do instead>" <package>...
set -euo pipefail
why=$1 instead=$2
shift 2
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "setup: installing Debian's $* $why"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  exit 0
fi
echo "setup: $instead" >&2
exit 1
