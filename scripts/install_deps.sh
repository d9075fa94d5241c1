#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs, only those missing (apt-get update first).
# usage: scripts/install_deps.sh [--test]   (--test adds what the test suite needs: Chromium…)
set -euo pipefail

packages=(build-essential cmake pkg-config libxapian-dev libicu-dev libcpp-httplib-dev
          nlohmann-json3-dev libpugixml-dev xz-utils wfrench libhunspell-dev
          hunspell-fr mythes-fr)
if [[ "${1:-}" == "--test" ]]; then
    packages+=(libgtest-dev chromium clang-format python3)
    command -v node >/dev/null 2>&1 || packages+=(nodejs)
    command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=()
[[ $(id -u) -ne 0 ]] && sudo=(sudo)
echo "installing: ${missing[*]}" >&2
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
