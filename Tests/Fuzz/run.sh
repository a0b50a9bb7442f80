#!/usr/bin/env bash
# make fuzz SECONDS=N: runs each libFuzzer target for N seconds, seeded from the shipped courses, the
# malformed-script collection and earlier regressions. A crash is copied into Tests/Fuzz/regressions/
# so `make test` replays it from then on. Prints executions and crashes per target.
set -u
FUZZER=$1
SECONDS_EACH=${2:-60}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
status=0
for target in script plain plan; do
  corpus="$WORK/corpus-$target"
  mkdir -p "$corpus" "$ROOT/Tests/Fuzz/regressions/$target"
  cp "$ROOT/Tests/Fuzz/regressions/$target/"* "$corpus/" 2>/dev/null
  case $target in
    script) cp "$ROOT"/Courses/*/*.ride "$ROOT"/Tests/ScenarioKitTests/Malformed/*.ride "$corpus/" 2>/dev/null ;;
    plan) cp "$ROOT"/Courses/*/*.plan "$corpus/" 2>/dev/null ;;
    plain) printf 'T-1\nName\n1\n1\n2\nq\n' > "$corpus/seed" ;;
  esac
  mkdir -p "$WORK/crashes-$target"
  # Leak checking is off: the targets' fixture scenario is a global that lives for the whole run.
  ASAN_OPTIONS=detect_leaks=0 RIDEALONG_FUZZ_TARGET=$target "$FUZZER" "$corpus" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$WORK/crashes-$target/" -print_final_stats=1 > "$WORK/log-$target" 2>&1
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$WORK/log-$target" | tail -1 | grep -o '[0-9]*$')
  crashes=$(find "$WORK/crashes-$target" -type f | wc -l)
  for crash in "$WORK/crashes-$target"/*; do [ -f "$crash" ] && cp "$crash" "$ROOT/Tests/Fuzz/regressions/$target/"; done
  echo "fuzz $target: ${runs:-0} executions in ${SECONDS_EACH} s, $crashes crashes"
  [ "$crashes" -eq 0 ] || { status=1; tail -30 "$WORK/log-$target"; }
done
exit $status
