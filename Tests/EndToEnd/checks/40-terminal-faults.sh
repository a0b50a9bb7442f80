# Terminal faults: SIGHUP, a broken pipe, a 1×1 and a 500×200 terminal, a storm of 100 resizes, and a
# 10,000-character paste into a reflection. The player survives (or ends cleanly) and keeps progress.
SOCKET="ridealong-faults-$$"
T="tmux -L $SOCKET"
FAULTS="$WORK/faults"
mkdir -p "$WORK/reflect"
cat > "$WORK/reflect/course.ride" <<'RIDE'
course reflect
title: Reflection drill
competency self.regulation "Self-regulation" fto "Lifestyle stressors"
module drill.ride
RIDE
cat > "$WORK/reflect/drill.ride" <<'RIDE'
module drill
title: A long reflection
=== start ===
@reflect long: Write as much as you like.
* done: Finish.
  -> end
  score self.regulation +1
  feedback: Done.
  why: Practice.
  ideal
=== end ===
@end completed: Done
RIDE

start "$BIN" play reflect/drill --courses "$WORK" --data-dir "$FAULTS" --trainee F-9 --name Faulty
check "the drill opens on its reflection" 'wait_for "Write as much as you like"'
$T set-buffer "$(python3 -c 'print("x" * 10000, end="")')"
$T paste-buffer -t e2e
sleep 1
keys Tab
check "a 10,000-character paste is taken and saved privately" 'wait_for "Reflection saved privately" && [ "$(grep -o "x" "$FAULTS/private/F-9-reflections.jsonl" | wc -l)" -ge 10000 ]'
check "the reflection is not in the records database" '! grep -q "xxxxxxxxxx" "$FAULTS/records.sqlite"'
$T resize-window -t e2e -x 1 -y 1; sleep 0.3
$T resize-window -t e2e -x 500 -y 200; sleep 0.5
check "a 500×200 terminal is drawn in full" '[ "$($T capture-pane -p -t e2e | wc -l)" -eq 200 ] && $T capture-pane -p -t e2e | head -1 | grep -q "Faulty (F-9)"'
for i in $(seq 50); do $T resize-window -t e2e -x $((60 + i % 40)) -y $((16 + i % 20)); $T resize-window -t e2e -x 1 -y 1; done
$T resize-window -t e2e -x 80 -y 24
sleep 0.5
keys Enter
check "after a storm of 100 resizes the player still answers" 'wait_for "What happened"'
pid=$(pgrep -f -- "^$BIN play reflect/drill" | head -1)
kill -HUP "$pid" 2>/dev/null
check "SIGHUP (terminal closed) ends the player cleanly with its progress" '[ "$(exit_status)" = 0 ] && python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); sys.exit(0 if c.execute(\"select count(*) from event where verb=\x27answered\x27\").fetchone()[0] == 1 else 1)" "$FAULTS/records.sqlite"'
stop_tmux

printf 'T-9\nPipe\n1\n1\n1\n1\n1\n1\nq\n' | "$BIN" play --plain --courses "$COURSES" --data-dir "$FAULTS" | head -3 > /dev/null
check "output to a broken pipe ends plain mode quietly (exit 0)" '[ "${PIPESTATUS[1]}" = 0 ]'
