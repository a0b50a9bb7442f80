#!/usr/bin/env bash
# End-to-end checks of the ridealong binary as a user runs it: the checker's exit codes and messages
# on broken and good scripts. Prints "N passed, N failed" and fails when any check fails.
set -u
export LANG=C.UTF-8 LC_ALL=C.UTF-8
BIN=$(cd "$(dirname "${1:-.build/debug/ridealong}")" && pwd)/$(basename "${1:-.build/debug/ridealong}")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
pass=0; fail=0
check() { if eval "$2"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $1"; fi; }

for script in "$ROOT"/Tests/EndToEnd/checks/*.sh; do
  # shellcheck source=/dev/null
  . "$script"
done

echo "end-to-end: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
