# A full disk, injected: after some writes every write fails with ENOSPC. The player says so, keeps
# going, and nothing already committed is lost or damaged; once space is back, progress continues.
DISK="$WORK/disk"
COURSES="$ROOT/Courses"
cc -shared -fPIC -o "$WORK/faulty_write.so" "$ROOT/Tests/EndToEnd/faulty_write.c" -ldl
check "the fault-injection library builds" '[ -f "$WORK/faulty_write.so" ]'
printf 'D-1\nDisk Full\n1\n1\n1\n1\n1\n1\nq\n' | "$BIN" play --plain --courses "$COURSES" --data-dir "$DISK" > /dev/null 2>&1
before=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from event').fetchone()[0])" "$DISK/records.sqlite")
out=$(printf '1\n1\n1\n1\nq\n' | LD_PRELOAD="$WORK/faulty_write.so" RIDEALONG_FAIL_AFTER=40 \
  "$BIN" play --plain --courses "$COURSES" --data-dir "$DISK" --trainee D-1 2>&1); status=$?
check "a full disk is a clear message, not a crash" '[ $status -lt 128 ] && echo "$out" | grep -q "Not saved: could not save the record"'
check "after the full disk the database is intact and nothing committed is lost" '"$BIN" records verify --data-dir "$DISK" > /dev/null && [ "$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from event\").fetchone()[0])" "$DISK/records.sqlite")" -ge "$before" ]'
out=$(printf '1\n1\n1\nq\n' | LD_PRELOAD="$WORK/faulty_write.so" RIDEALONG_FAIL_AFTER=0 "$BIN" play --plain --courses "$COURSES" --data-dir "$DISK" --trainee D-1 2>&1); status=$?
check "a disk already full at start is refused with a clear message" '[ $status -eq 1 ] && echo "$out" | grep -q "cannot open .*records.sqlite"'
out=$(printf '1\n1\n1\n1\n1\n1\nq\n' | "$BIN" play --plain --courses "$COURSES" --data-dir "$DISK" --trainee D-1 2>&1)
check "with space back, the trainee carries on" '! echo "$out" | grep -q "Not saved"'

out=$(printf '1\nq\n' | LD_PRELOAD="$WORK/faulty_write.so" RIDEALONG_READ_ONLY=1 "$BIN" play --plain --courses "$COURSES" --data-dir "$DISK" --trainee D-1 2>&1); status=$?
check "a read-only data folder is a clear error and the records stay intact" '[ $status -eq 1 ] && echo "$out" | grep -q "cannot open" && "$BIN" records verify --data-dir "$DISK" > /dev/null'
out=$(printf '1\nq\n' | TERM=dumb LD_PRELOAD="$WORK/faulty_write.so" RIDEALONG_READ_ONLY=1 "$BIN" play --courses "$COURSES" --data-dir "$DISK" --trainee D-1 2>&1); status=$?
check "a read-only data folder is refused before playing in plain mode reached through TERM=dumb" '[ $status -eq 1 ] && echo "$out" | grep -q "cannot open" && ! echo "$out" | grep -q "Modules:"'
