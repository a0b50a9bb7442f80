# ridealong check: exit codes, positions and hints as an instructor sees them.
mkdir -p "$WORK/broken"
cp "$ROOT/Courses/orientation/course.ride" "$WORK/broken/course.ride"
sed 's/^  -> \(.*\)$/  -> \1_typo/' "$ROOT/Courses/orientation/controls.ride" > "$WORK/broken/controls.ride"
out=$("$BIN" check "$WORK/broken" 2>&1); status=$?
check "check exits 1 on errors" '[ $status -eq 1 ]'
check "check names file:line:col and the code" 'echo "$out" | grep -Eq "controls.ride:[0-9]+:[0-9]+: error\[E201\]"'
check "check shows a caret under the spot" 'echo "$out" | grep -Eq "^ +\| +\^+"'
check "check suggests the right scene" 'echo "$out" | grep -q "hint: did you mean"'
check "check reports every error in one run" '[ "$(echo "$out" | grep -c "error\[E201\]")" -gt 3 ]'
out=$("$BIN" check --strict "$ROOT/Courses" 2>&1); status=$?
check "shipped courses pass check --strict" '[ $status -eq 0 ]'
check "summary line counts courses and modules" 'echo "$out" | grep -q "checked 3 courses"'
out=$("$BIN" check --format json "$WORK/broken" 2>&1)
check "json output is valid JSON" 'echo "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); assert d[0][\"code\"]==\"E201\""'
printf '\x00\x01binary' > "$WORK/binary.ride"
out=$("$BIN" check "$WORK/binary.ride" 2>&1); status=$?
check "a binary file is an error, not a crash" '[ $status -eq 1 ] && echo "$out" | grep -q "E002"'
out=$("$BIN" check "$WORK/missing.ride" 2>&1); status=$?
check "a missing file is an error E001" '[ $status -eq 1 ] && echo "$out" | grep -q "E001"'
