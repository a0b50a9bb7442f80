# Records under faults: SIGKILL mid-module (many trials), four writers at once, tampering, the FTO's
# review and exports behind the password, xAPI validity, and private reflections kept out.
RECORDS="$WORK/records"
COURSES="$ROOT/Courses"
count_answers() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from event where verb='answered' and traineeID=?\", (sys.argv[2],)).fetchone()[0])" "$RECORDS/records.sqlite" "$1"; }

trials=${KILL_TRIALS:-200}
lost=0
for i in $(seq "$trials"); do
  out="$WORK/kill-$i.out"
  TRIAL=$i BIN="$BIN" COURSES="$COURSES" RECORDS="$RECORDS" sh -c '( printf "K-%s\nKill Test\n1\n" "$TRIAL"; while true; do printf "1\n"; sleep 0.02; done ) 2>/dev/null | "$BIN" play --plain --courses "$COURSES" --data-dir "$RECORDS"' > "$out" 2>&1 &
  pid=$!
  sleep "0.$(( (RANDOM % 35) + 5 ))"
  pkill -9 -f -- "--data-dir $RECORDS" 2>/dev/null
  { wait "$pid"; } 2>/dev/null
  acknowledged=$(grep -c "^What happened:" "$out")
  stored=$(count_answers "K-$i")
  [ "$stored" -ge "$acknowledged" ] || { lost=$((lost + 1)); echo "  trial $i: $acknowledged acknowledged, $stored stored"; }
done
check "SIGKILL at random points ($trials trials): every acknowledged choice is stored" '[ $lost -eq 0 ]'
check "after the kills the database passes integrity_check and records verify" '"$BIN" records verify --data-dir "$RECORDS" > "$WORK/verify.out"; grep -q "integrity: ok" "$WORK/verify.out" && grep -q "every chain is intact" "$WORK/verify.out"'

for w in 1 2 3 4; do
  ( printf 'W-%s\nWriter %s\n1\n' "$w" "$w"; for _ in $(seq 5); do printf '1\n'; done; printf 'q\n' ) \
    | "$BIN" play --plain --courses "$COURSES" --data-dir "$RECORDS" > "$WORK/writer-$w.out" 2>&1 &
done
wait
for w in 1 2 3 4; do
  ( printf 'N-%s\nNew %s\n1\n' "$w" "$w"; for _ in $(seq 5); do printf '1\n'; done; printf 'q\n' ) \
    | "$BIN" play --plain --courses "$COURSES" --data-dir "$WORK/fresh" > "$WORK/fresh-$w.out" 2>&1 &
done
wait
fresh_ok=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(sum(c.execute(\"select count(*) from event where verb='answered' and traineeID=?\", ('N-%d' % w,)).fetchone()[0] == 5 for w in range(1, 5)))" "$WORK/fresh/records.sqlite")
check "four players creating a new store at once all keep their records" '[ "$fresh_ok" = 4 ]'
printf 'F-1\nFail Case\n1\n2\n3\n3\n2\n2\nq\n' | "$BIN" play --plain --courses "$COURSES" --data-dir "$RECORDS" > /dev/null 2>&1
all=1
for w in 1 2 3 4; do [ "$(count_answers "W-$w")" -eq 5 ] || { all=0; echo "  writer $w: $(count_answers "W-$w") answers stored"; }; done
check "four writers at once lose nothing" '[ $all -eq 1 ]'

printf 'not the password\n' > "$WORK/wrong"; chmod 600 "$WORK/wrong"
printf 'a long FTO passphrase\n' > "$WORK/pw"; chmod 644 "$WORK/pw"
out=$("$BIN" review --data-dir "$RECORDS" --password-file "$WORK/pw" 2>&1); status=$?
check "review needs a password set first" '[ $status -ne 0 ] && echo "$out" | grep -q "set-password"'
out=$("$BIN" fto set-password --data-dir "$RECORDS" --password-file "$WORK/pw" 2>&1); status=$?
check "a password file others can read is refused" '[ $status -ne 0 ] && echo "$out" | grep -q "chmod 600"'
chmod 600 "$WORK/pw"
check "the FTO sets a password from a file" '"$BIN" fto set-password --data-dir "$RECORDS" --password-file "$WORK/pw" > /dev/null'
out=$("$BIN" review --data-dir "$RECORDS" --password-file "$WORK/wrong" 2>&1); status=$?
check "a wrong password is refused with the next delay" '[ $status -ne 0 ] && echo "$out" | grep -q "wrong FTO password; the next try waits 2 s"'
out=$("$BIN" review --data-dir "$RECORDS" --password-file "$WORK/pw" 2>&1)
check "the roster lists trainees and who needs attention" 'echo "$out" | grep -q "Writer 1 (W-1)" && echo "$out" | grep -q "needs attention: not passed: controls"'
out=$("$BIN" review W-1 --data-dir "$RECORDS" --password-file "$WORK/pw" --comment "Calm voice at the crossing." --fto "Sgt. Ito" 2>&1)
check "the trainee view has the DOR grid, the timeline and the FTO note" 'echo "$out" | grep -q "FTO category" && echo "$out" | grep -q "offered" && echo "$out" | grep -q "Calm voice at the crossing"'
out=$("$BIN" review --analytics --data-dir "$RECORDS" --password-file "$WORK/pw" 2>&1)
check "analytics show how all trainees chose" 'echo "$out" | grep -q "How trainees chose at each decision"'
"$BIN" export --format xapi --data-dir "$RECORDS" --password-file "$WORK/pw" > "$WORK/statements.jsonl"
check "every exported statement is valid xAPI 1.0.3" 'python3 "$ROOT/Tests/EndToEnd/xapi_validate.py" < "$WORK/statements.jsonl" > "$WORK/xapi.out" || { cat "$WORK/xapi.out" | head -5; false; }'
out=$("$BIN" export --format csv W-1 --data-dir "$RECORDS" --password-file "$WORK/pw")
check "CSV has one row per attempt and competency" '[ "$(echo "$out" | head -1 | cut -d, -f1)" = trainee_id ] && [ "$(echo "$out" | grep -c "^W-1,")" -eq 3 ]'
check "JSON export parses" '"$BIN" export --format json --data-dir "$RECORDS" --password-file "$WORK/pw" | python3 -c "import json,sys; assert json.load(sys.stdin)[\"trainees\"]"'
check "the printable report is a DOR-like page per trainee" '"$BIN" export --format report W-2 --data-dir "$RECORDS" --password-file "$WORK/pw" | grep -q "Daily observation report"'
python3 - "$RECORDS/records.sqlite" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("drop trigger event_append_only_update")
c.execute("update event set statement = replace(statement, 'Writer 2', 'Someone else') where traineeID = 'W-2' and position = 1")
c.commit()
PY
out=$("$BIN" records verify --data-dir "$RECORDS" 2>&1); status=$?
check "records verify names an edited event" '[ $status -eq 1 ] && echo "$out" | grep -q "event 1: edited"'

# The FTO review area inside the player.
SOCKET="ridealong-review-$$"
T="tmux -L $SOCKET"
$T -u new-session -d -s e2e -x 100 -y 30 "env LANG=C.UTF-8 TERM=xterm-256color $BIN play --courses $COURSES --data-dir $RECORDS --trainee W-1; sleep 5"
wait_for "Courses" > /dev/null
keys f
keys "a long FTO passphrase" Enter
check "the player's FTO area opens the roster after the password" 'wait_for "Trainees (" 300'
keys Enter
check "a trainee page shows the DOR grid" 'wait_for "Daily observation report"'
check "the password never appears on screen" '! $T capture-pane -p -S -100 -t e2e | grep -q "a long FTO passphrase"'
$T kill-server 2>/dev/null
