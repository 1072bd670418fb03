#!/usr/bin/env bash
# The browser tests drive Debian's Chromium; a Playwright browser download is impossible offline.
# Installs it when missing and we are root with apt-get; otherwise says exactly what to do.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium_path" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "error: the browser tests need Chromium at $chromium_path." >&2
echo "Install it with 'sudo apt-get install chromium', or set CHROMIUM_PATH to a Chromium binary." >&2
exit 1
