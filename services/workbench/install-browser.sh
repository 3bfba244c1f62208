#!/usr/bin/env bash
# Installs what the workbench's browser tests drive: Debian's chromium and chromium-driver (headless Chromium and
# the matching ChromeDriver), and a Chinese font (fonts-wqy-zenhei) so that screenshots show the text.
# Idempotent: does nothing when all are there. As root it installs them with apt-get (running apt-get update first
# when the install fails, e.g. on a fresh machine); otherwise it says what to install and exits 1.
# Called by ./esop test.
set -euo pipefail

have() {
  command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 \
    && command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]
}

if have; then
  exit 0
fi

packages=(chromium chromium-driver fonts-wqy-zenhei)
if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser.sh: the workbench's browser tests need Debian's ${packages[*]}:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${packages[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser.sh: no apt-get here; install Chromium and a matching ChromeDriver (chromium, chromedriver on PATH)" >&2
  exit 1
fi

echo "[esop] installing ${packages[*]} for the workbench's browser tests …"
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
have || { echo "install-browser.sh: chromium, chromedriver or a Chinese font still missing after apt-get" >&2; exit 1; }
