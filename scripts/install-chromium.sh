#!/usr/bin/env bash
# Installs Debian's Chromium for the explorer's browser test (tests/integration/explorer.int.test.ts), which
# drives it with playwright-core. Debian's build rather than Playwright's download because CI can
# reach the Debian mirrors but not Playwright's CDN. Does nothing when it is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y chromium
/usr/bin/chromium --version
