#!/usr/bin/env bash
# Installs the system packages NeuralBrain builds against (idempotent).
#   libsqlite3-dev  SQLite, linked by GRDB
#   libxml2-dev     libxml2, which validates every published page
#   zlib1g-dev      zlib, which compresses the .gz siblings of files built by appending
#   libdeflate-dev  libdeflate, which compresses the .gz siblings of whole files
#   pkg-config      how SwiftPM finds libxml2
# Extra package names given as arguments are installed too (scripts/test.sh adds chromium).
set -euo pipefail

packages=(libsqlite3-dev libxml2-dev zlib1g-dev libdeflate-dev pkg-config "$@")
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v swift >/dev/null || { echo "bootstrap: swift is not on PATH (Swift 6.1 or newer is required)" >&2; exit 69; }
