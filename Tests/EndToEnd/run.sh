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

# shellcheck source=/dev/null
. "$ROOT/Tests/EndToEnd/lib.sh"

# Which checks: the numbered prefixes given after the binary (all when none), e.g. `run.sh BIN 10 20`.
shift
for script in "$ROOT"/Tests/EndToEnd/checks/*.sh; do
  prefix=$(basename "$script" | cut -c1-2)
  if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$prefix"; then continue; fi
  # shellcheck source=/dev/null
  . "$script"
done

echo "${SUITE:-end-to-end}: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
