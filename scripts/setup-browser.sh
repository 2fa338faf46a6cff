#!/usr/bin/env bash
# Installs Debian's Chromium for the HTML report's browser test (test/report/report-browser.test.ts).
# Needs root and Debian's package lists; does nothing when /usr/bin/chromium is already there.
# The test skips, saying why, when this script was not run or could not install the browser.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "setup-browser: /usr/bin/chromium is installed ($(/usr/bin/chromium --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "setup-browser: not root or no apt-get: Chromium not installed; the browser test will be skipped"
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "setup-browser: installed $(/usr/bin/chromium --version)"
