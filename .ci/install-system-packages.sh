#!/usr/bin/env bash
# Installs the Debian packages ridealong needs to build, test and benchmark, only when missing.
# Runs apt-get through sudo when not root.
set -euo pipefail
packages=(libncursesw5-dev libsqlite3-dev tmux pkgconf)
[ "${1:-}" = "--bench" ] && packages+=(dialog hyperfine)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "ridealong: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "ridealong: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
