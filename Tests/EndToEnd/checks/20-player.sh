# The player in a real terminal (tmux): sign in, play, resize, quit and resume, SIGKILL, NO_COLOR,
# plain mode through a pipe, an unknown TERM, SIGTERM. These fail, never skip, when tmux cannot start.
DATA="$WORK/data"
COURSES="$ROOT/Courses"

check "tmux starts (the harness itself)" 'start "$BIN" play --courses "$COURSES" --data-dir "$DATA" && wait_for "Welcome to ridealong"'
keys T-1042 Enter "Ana Ruiz" Enter
check "sign in leads to the course list" 'wait_for "Your first ridealong"'
check "the title bar shows who is signed in" 'cap | head -1 | grep -q "Ana Ruiz (T-1042)"'
keys Enter Enter
check "a module opens on its first decision" 'wait_for "1\. \"Let'"'"'s go.\""'
keys 1 Enter
check "a choice leads to feedback and the next scene" 'wait_for "Mr. Adeyemi"'
$T resize-window -t e2e -x 100 -y 30
check "resize mid-scenario relays out to the new width" 'sleep 0.3; [ "$(cap | wc -l)" -eq 30 ] && [ "$(cap | head -1 | wc -m)" -ge 99 ] && cap | head -1 | grep -q "Ana Ruiz (T-1042)$"'
$T resize-window -t e2e -x 50 -y 12
check "below 60x16 a clear notice, not garbage" 'wait_for "Enlarge it to at least 60×16"'
$T resize-window -t e2e -x 80 -y 24
keys 1
check "second decision saved" 'wait_for "What happened"'
keys Enter q
check "q asks before leaving" 'wait_for "Your progress is saved at your last decision"'
keys y
check "quitting exits 0 and restores the terminal" '[ "$(exit_status)" = 0 ] && ! cap | grep -q "ridealong ·"'

start "$BIN" play --courses "$COURSES" --data-dir "$DATA"
check "the last trainee is remembered" 'wait_for "T-1042"'
keys Enter
check "the course list shows the module in progress" 'wait_for "in progress · decision 3"'
keys Enter Enter
check "resume continues at the same decision" 'wait_for "Resumed at decision 3"'
keys 1
sleep 0.3
pid=$(player_pid)
kill -9 "$pid" 2>/dev/null
check "SIGKILL ends the player" '[ "$(exit_status)" = 137 ]'
start "$BIN" play orientation/controls --courses "$COURSES" --data-dir "$DATA" --trainee T-1042
check "after SIGKILL the last committed choice is kept" 'wait_for "Resumed at decision 4"'
for _ in 1 2 3 4 5 6; do keys 1 Enter; sleep 0.2; cap | grep -q "After-action review" && break; done
check "playing on reaches the after-action review" 'wait_for "After-action review" && wait_for "Competencies (FTO scale 1–7"'
keys q y

start "NO_COLOR=1" "$BIN" play --courses "$COURSES" --data-dir "$DATA" --trainee T-1042
wait_for "Courses" >/dev/null
check "NO_COLOR: no colour codes, selection still marked" '! $T capture-pane -p -e -t e2e | grep -q $'"'"'\e\[3[0-7]m\|\e\[38;5'"'"' && cap | grep -q "▶"'
keys q y
start "$BIN" play --courses "$COURSES" --data-dir "$DATA" --trainee T-1042
wait_for "Courses" >/dev/null
check "colour terminals get colour" '$T capture-pane -p -e -t e2e | grep -q $'"'"'\e\[3[0-7]m\|\e\[3[0-7];'"'"''
$T send-keys -t e2e Enter
sleep 0.2
pid=$(player_pid)
kill -TERM "$pid" 2>/dev/null
check "SIGTERM saves, restores the terminal and exits 0" '[ "$(exit_status)" = 0 ] && ! cap | grep -q "ridealong ·"'
stop_tmux

out=$(printf 'T-77\nRobin Diaz\n1\n1\n1\n1\n1\n1\n1\n1\n1\nq\n' | "$BIN" play --courses "$COURSES" --data-dir "$WORK/plain" 2>&1); status=$?
check "plain mode through a pipe plays a module" '[ $status -eq 0 ] && echo "$out" | grep -q "Your choice (1-" && echo "$out" | grep -q "What happened:"'
check "plain mode reaches the debrief text" 'echo "$out" | grep -q "Competencies (FTO scale 1–7"'
check "plain mode saves the same records" 'python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); sys.exit(0 if c.execute(\"select count(*) from attempt where status=\x27completed\x27\").fetchone()[0] == 1 else 1)" "$WORK/plain/records.sqlite"'
start "TERM=xterm-bogus" "$BIN" play --courses "$COURSES" --data-dir "$DATA" --trainee T-1042
check "an unknown TERM falls back to plain mode" 'wait_for "plain mode"'
stop_tmux

# Play-as-you-write: edit the script while playing it.
mkdir -p "$WORK/watch"
cp "$COURSES/orientation/course.ride" "$COURSES/orientation/controls.ride" "$WORK/watch/"
start "$BIN" play --watch "$WORK/watch/controls.ride"
check "--watch opens the module at once" 'wait_for "1\. \"Let'"'"'s go.\""'
keys 1 Enter
sed -i 's/It is a warm Saturday afternoon/It is a cold Sunday morning/' "$WORK/watch/controls.ride"
check "a save reloads the script and replays the choices" 'wait_for "Reloaded; replayed 1 choice" && wait_for "cold Sunday morning"'
sed -i 's/^\* introduce_self:/* introduce_self/' "$WORK/watch/controls.ride"
check "errors in the script show inside the player" 'wait_for "The script has 1 error" && wait_for "error\[E106\]"'
sed -i 's/^\* introduce_self /* introduce_self: /' "$WORK/watch/controls.ride"
check "fixing the error clears it" 'for _ in $(seq 40); do cap | grep -q "The script has" || break; sleep 0.05; done; ! cap | grep -q "The script has"'
keys q y
stop_tmux
